import { describe, expect, it } from 'vitest';
import { moveActiveOption } from './canned-listbox-keys.ts';
import { expandCannedBody, findSlashQuery, insertAtQuery } from './canned-query.ts';

describe('findSlashQuery', () => {
  it('finds a / that starts a word, up to the caret and the rest of the word', () => {
    expect(findSlashQuery('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' });
    expect(findSlashQuery('Hi /', 4)).toEqual({ start: 3, end: 4, query: '' });
    expect(findSlashQuery('Hello\n/ref thanks', 10)).toEqual({ start: 6, end: 10, query: 'ref' });
    expect(findSlashQuery('/refund', 3)).toEqual({ start: 0, end: 7, query: 're' });
  });

  it('ignores a / inside a word, in a URL, or once the word has ended', () => {
    expect(findSlashQuery('and/or', 6)).toBeNull();
    expect(findSlashQuery('see https://x.test/ref', 22)).toBeNull();
    expect(findSlashQuery('/ref ', 5)).toBeNull();
    expect(findSlashQuery('/ref.', 5)).toBeNull();
    expect(findSlashQuery('no slash', 8)).toBeNull();
  });
});

describe('expandCannedBody', () => {
  it('puts in the visitor’s name, or "there" when it is not known', () => {
    expect(expandCannedBody('Hi {{visitor.name}}, sorry!', { name: 'Ann' })).toBe('Hi Ann, sorry!');
    expect(expandCannedBody('Hi {{ visitor.name }}!', { name: null })).toBe('Hi there!');
    expect(expandCannedBody('{{visitor.name}} {{visitor.name}}', { name: '  ' })).toBe('there there');
    expect(expandCannedBody('Keep {{visitor.email}} as is', { name: 'Ann' })).toBe('Keep {{visitor.email}} as is');
  });
});

describe('insertAtQuery', () => {
  it('replaces the /query and puts the caret after the insert', () => {
    const text = 'Hello /ref thanks';
    const query = findSlashQuery(text, 10)!;
    expect(insertAtQuery(text, query, 'Refunds take 5 days.')).toEqual({
      text: 'Hello Refunds take 5 days. thanks',
      caret: 26,
    });
  });
});

describe('moveActiveOption', () => {
  it('moves down and up around the ends, jumps with Home and End, ignores other keys', () => {
    expect(moveActiveOption('ArrowDown', 0, 3)).toBe(1);
    expect(moveActiveOption('ArrowDown', 2, 3)).toBe(0);
    expect(moveActiveOption('ArrowUp', 0, 3)).toBe(2);
    expect(moveActiveOption('Home', 2, 3)).toBe(0);
    expect(moveActiveOption('End', 0, 3)).toBe(2);
    expect(moveActiveOption('a', 0, 3)).toBeNull();
    expect(moveActiveOption('ArrowDown', 0, 0)).toBeNull();
  });
});
