// The emoji this visitor (or agent) picked last, most recent first, kept in localStorage when it can be.
export const RECENTS_KEY = 'parley.emoji.recent';
export const MAX_RECENTS = 16;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Blocked storage (third-party iframes, strict privacy settings) throws on access.
    return undefined;
  }
}

export function readRecents(store: Store | undefined = defaultStore()): string[] {
  try {
    const parsed: unknown = JSON.parse(store?.getItem(RECENTS_KEY) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((item): item is string => typeof item === 'string' && item.length <= 32).slice(0, MAX_RECENTS)
      : [];
  } catch {
    return [];
  }
}

/** Puts the emoji first (once) and returns the new list; storage failures only lose the memory. */
export function rememberRecent(char: string, store: Store | undefined = defaultStore()): string[] {
  const next = [char, ...readRecents(store).filter((item) => item !== char)].slice(0, MAX_RECENTS);
  try {
    store?.setItem(RECENTS_KEY, JSON.stringify(next));
  } catch {
    // Quota or privacy mode: the list lives for this page only.
  }
  return next;
}
