import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type * as Extras from './extras.tsx';

type Views = typeof Extras;

/**
 * A view of the on-demand chunk (widget-chat.extras-<hash>.js: rating, transcript, previous conversations),
 * loaded the first time one is shown; nothing until it has arrived.
 */
export function LazyView<K extends keyof Views>({ view, props }: { view: K; props: Parameters<Views[K]>[0] }) {
  const [extras, setExtras] = useState<Views | null>(null);
  useEffect(() => {
    // A failed load is reported by the browser (an unhandled rejection); the view stays empty.
    void import('./extras.tsx').then(setExtras);
  }, []);
  const View = extras?.[view] as FunctionComponent<typeof props> | undefined;
  return View ? <View {...props} /> : null;
}
