import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

// Only a message that may hold a link waits for the link code; until it has come, the text shows as it is.
const MAY_HOLD_LINK = /https?:\/\/|mailto:/i;
let loading: Promise<void> | undefined;
let LinkedText: FunctionComponent<{ text: string }> | undefined;

/** A message's body as text nodes, with its http(s) and mailto links clickable; never parsed as HTML. */
export function MessageText({ text }: { text: string }) {
  const [, setIsLoaded] = useState(false);
  const mayHoldLink = MAY_HOLD_LINK.test(text);
  useEffect(() => {
    if (!mayHoldLink || LinkedText) return;
    loading ??= import('./linked-text.tsx').then(
      (module) => {
        LinkedText = module.LinkedText;
      },
      () => {
        loading = undefined;
      },
    );
    loading.then(() => setIsLoaded(true));
  }, [mayHoldLink]);
  return mayHoldLink && LinkedText ? <LinkedText text={text} /> : text;
}
