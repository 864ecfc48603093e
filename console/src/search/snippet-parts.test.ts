import { describe, expect, it } from 'vitest';
import { toSnippetPieces, toSnippetText } from './snippet-parts.ts';

describe('toSnippetPieces', () => {
  it('keeps the matches apart from the text around them, in order', () => {
    expect(
      toSnippetPieces([
        { text: 'I would like a ', isMatch: false },
        { text: 'refund', isMatch: true },
        { text: ' for order 1042', isMatch: false },
      ]),
    ).toEqual([
      { key: '0', text: 'I would like a ', isMatch: false },
      { key: '1', text: 'refund', isMatch: true },
      { key: '2', text: ' for order 1042', isMatch: false },
    ]);
  });

  it('folds line breaks and runs of spaces, trims the ends and drops empty pieces', () => {
    expect(
      toSnippetPieces([
        { text: '  Hello\n\nthe ', isMatch: false },
        { text: '', isMatch: true },
        { text: 'chain', isMatch: true },
        { text: '\t is\r\nbroken  ', isMatch: false },
      ]),
    ).toEqual([
      { key: '0', text: 'Hello the ', isMatch: false },
      { key: '1', text: 'chain', isMatch: true },
      { key: '2', text: ' is broken', isMatch: false },
    ]);
  });

  it('joins neighbours of the same kind, so adjacent matches read as one', () => {
    expect(
      toSnippetPieces([
        { text: 'late', isMatch: true },
        { text: ' ', isMatch: true },
        { text: 'parcel', isMatch: true },
        { text: ' again', isMatch: false },
      ]).map((piece) => [piece.text, piece.isMatch]),
    ).toEqual([
      ['late parcel', true],
      [' again', false],
    ]);
  });

  it('leaves markup as the characters it is', () => {
    const pieces = toSnippetPieces([
      { text: '<img src=x ', isMatch: false },
      { text: 'onerror', isMatch: true },
      { text: '=alert(1)>', isMatch: false },
    ]);
    expect(pieces.map((piece) => piece.text).join('')).toBe('<img src=x onerror=alert(1)>');
  });

  it('gives nothing for an empty snippet, and the plain text on request', () => {
    expect(toSnippetPieces([])).toEqual([]);
    expect(toSnippetPieces([{ text: '   ', isMatch: false }])).toEqual([]);
    expect(
      toSnippetText([
        { text: ' a ', isMatch: false },
        { text: 'b', isMatch: true },
      ]),
    ).toBe('a b');
  });
});
