import { describe, expect, it } from 'vitest';
import { EMOJI } from './emoji-data.ts';
import { nextCell } from './emoji-grid-keys.ts';
import { searchEmoji } from './emoji-search.ts';
import { emojiStrings } from './emoji-strings.ts';

const chars = (query: string) => searchEmoji(EMOJI, query).map((emoji) => emoji.char);

describe('searchEmoji', () => {
  it('finds by the start of a keyword, every word of the query', () => {
    expect(chars('thumbs')).toEqual(['👍', '👎', '👍🏽']);
    expect(chars('thumbs up')).toEqual(['👍', '👍🏽']);
    expect(chars('THU')[0]).toBe('👍');
    expect(chars('flag fr')).toEqual(['🇫🇷']);
  });

  it('finds nothing for an empty query or an unknown word', () => {
    expect(chars('')).toEqual([]);
    expect(chars('   ')).toEqual([]);
    expect(chars('zzzznope')).toEqual([]);
  });

  it('keeps ZWJ sequences and flags as one emoji', () => {
    expect(chars('technologist')).toEqual(['👩‍💻', '🧑‍💻']);
    expect(chars('pride')).toEqual(['🏳️‍🌈']);
  });
});

describe('the data', () => {
  it('has no duplicate emoji and a keyword for each', () => {
    expect(new Set(EMOJI.map((emoji) => emoji.char)).size).toBe(EMOJI.length);
    for (const emoji of EMOJI) expect(emoji.keywords.length, emoji.char).toBeGreaterThan(0);
  });
});

describe('emojiStrings', () => {
  it('speaks the widget’s languages and falls back to English', () => {
    expect(emojiStrings('ar').flags).toBe('الأعلام');
    expect(emojiStrings('pt-BR').search).toBe('Pesquisar emoji');
    expect(emojiStrings('xx').search).toBe('Search emoji');
    expect(emojiStrings(undefined).recent).toBe('Recently used');
  });
});

describe('nextCell', () => {
  it('moves by one across and by a row down and up, stopping at the edges', () => {
    expect(nextCell('ArrowRight', 0, 20, 8, false)).toBe(1);
    expect(nextCell('ArrowDown', 3, 20, 8, false)).toBe(11);
    expect(nextCell('ArrowDown', 15, 20, 8, false)).toBe(19);
    expect(nextCell('ArrowUp', 3, 20, 8, false)).toBe(0);
    expect(nextCell('ArrowLeft', 0, 20, 8, false)).toBe(0);
    expect(nextCell('End', 2, 20, 8, false)).toBe(19);
    expect(nextCell('Home', 9, 20, 8, false)).toBe(0);
    expect(nextCell('a', 9, 20, 8, false)).toBeUndefined();
  });

  it('mirrors left and right for right-to-left', () => {
    expect(nextCell('ArrowLeft', 4, 20, 8, true)).toBe(5);
    expect(nextCell('ArrowRight', 4, 20, 8, true)).toBe(3);
  });
});
