import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { ChatSurface } from '../chat/chat-contract.ts';

const adopted = new Set<string>();

/**
 * The styles of a view that comes in its own chunk, adopted by <parley-widget> before the view's first paint
 * (a <style> element would need the host page's CSP to allow it). Once per stylesheet.
 */
export function useChunkStyles(ref: RefObject<Element | null>, css: string): void {
  useLayoutEffect(() => {
    const root = ref.current?.getRootNode();
    if (adopted.has(css) || !(root instanceof ShadowRoot)) return;
    (root.host as unknown as ChatSurface).addStyles(css);
    adopted.add(css);
  }, []);
}
