import { describe, expect, it } from 'vitest';
import { MAX_RECENTS, RECENTS_KEY, readRecents, rememberRecent } from './emoji-recents.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('recent emoji', () => {
  it('puts the last one first, once, and keeps at most MAX_RECENTS', () => {
    const store = memoryStore();
    rememberRecent('👍', store);
    rememberRecent('🎉', store);
    expect(rememberRecent('👍', store)).toEqual(['👍', '🎉']);
    for (let i = 0; i < MAX_RECENTS + 5; i++) rememberRecent(String.fromCodePoint(0x1f600 + i), store);
    expect(readRecents(store)).toHaveLength(MAX_RECENTS);
    expect(readRecents(store)[0]).toBe(String.fromCodePoint(0x1f600 + MAX_RECENTS + 4));
  });

  it('ignores what is not a list of short strings', () => {
    expect(readRecents(memoryStore({ [RECENTS_KEY]: '{not json' }))).toEqual([]);
    expect(readRecents(memoryStore({ [RECENTS_KEY]: '{"a":1}' }))).toEqual([]);
    expect(readRecents(memoryStore({ [RECENTS_KEY]: JSON.stringify(['😀', 3, 'x'.repeat(40)]) }))).toEqual(['😀']);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readRecents(broken)).toEqual([]);
    expect(rememberRecent('😀', broken)).toEqual(['😀']);
    expect(readRecents(undefined)).toEqual([]);
  });
});
