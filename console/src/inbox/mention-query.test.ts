import { describe, expect, test } from 'vitest';
import { filterMentionCandidates, findMentionQuery, insertMention } from './mention-query.ts';

describe('findMentionQuery', () => {
  test('an @ at the start of a word opens a query up to the caret', () => {
    expect(findMentionQuery('ask @ad', 7)).toEqual({ start: 4, end: 7, query: 'ad' });
    expect(findMentionQuery('@', 1)).toEqual({ start: 0, end: 1, query: '' });
    expect(findMentionQuery('(@bo', 4)).toEqual({ start: 1, end: 4, query: 'bo' });
  });

  test('names with spaces and accents stay in the query', () => {
    expect(findMentionQuery('cc @Ada Lov', 11)?.query).toBe('Ada Lov');
    expect(findMentionQuery('@José Ñ', 7)?.query).toBe('José Ñ');
  });

  test('emails, a caret before the @ and long runs are not queries', () => {
    expect(findMentionQuery('mail me@example.com', 19)).toBeNull();
    expect(findMentionQuery('ask @ad', 3)).toBeNull();
    expect(findMentionQuery('@one two three four', 19)).toBeNull();
    expect(findMentionQuery('@bob  ', 6)).toBeNull();
    expect(findMentionQuery('no at sign', 10)).toBeNull();
  });
});

describe('filterMentionCandidates', () => {
  const members = [
    { userId: '1', name: 'Ada Lovelace' },
    { userId: '2', name: 'Bob Stone' },
    { userId: '3', name: 'Grace Adams' },
  ];

  test('names starting with the query first, then names with a word starting with it', () => {
    expect(filterMentionCandidates(members, 'ad').map((m) => m.name)).toEqual(['Ada Lovelace', 'Grace Adams']);
    expect(filterMentionCandidates(members, 'STONE').map((m) => m.name)).toEqual(['Bob Stone']);
    expect(filterMentionCandidates(members, '')).toHaveLength(3);
    expect(filterMentionCandidates(members, 'zed')).toEqual([]);
    expect(filterMentionCandidates(members, '', 2)).toHaveLength(2);
  });
});

describe('insertMention', () => {
  test('replaces the query with the full name and a space, caret after it', () => {
    const text = 'ask @ad about it';
    const query = { start: 4, end: 7, query: 'ad' };
    expect(insertMention(text, query, 'Ada Lovelace')).toEqual({ text: 'ask @Ada Lovelace about it', caret: 18 });
    expect(insertMention('@b', { start: 0, end: 2, query: 'b' }, 'Bob Stone')).toEqual({
      text: '@Bob Stone ',
      caret: 11,
    });
  });
});
