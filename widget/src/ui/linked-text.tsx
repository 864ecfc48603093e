// widget-chat.linked-text-<hash>.js: fetched with the first message that looks like it holds a link.
import { splitLinks } from './message-links.ts';

/** A message's text with its http(s) and mailto links clickable; the rest stays text nodes. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a href={part.href} target="_blank" rel="noopener noreferrer nofollow ugc" data-testid="parley-link">
            {part.href}
          </a>
        ),
      )}
    </>
  );
}
