import { describe, expect, test } from 'vitest';
import { findMentionedMembers } from './find-mentioned-members.ts';

const ann = { id: 'ann', name: 'Ann' };
const annLee = { id: 'ann-lee', name: 'Ann Lee' };
const bob = { id: 'bob', name: 'Bob Stone' };
const members = [ann, annLee, bob];

describe('findMentionedMembers', () => {
  test('@Full Name in any case, at a word start, ending at a word boundary', () => {
    expect(findMentionedMembers('ask @bob stone, please', members)).toEqual([bob]);
    expect(findMentionedMembers('(@Bob Stone)', members)).toEqual([bob]);
    expect(findMentionedMembers('@Bob Stoned', members)).toEqual([]);
    expect(findMentionedMembers('mail bob@Bob Stone.com', members)).toEqual([]);
  });

  test('the longest name wins at each @; each member once, in the order first named', () => {
    expect(findMentionedMembers('@Ann Lee and @Ann, again @ann lee', members)).toEqual([annLee, ann]);
    expect(findMentionedMembers('@Ann Leeway', members)).toEqual([ann]);
  });

  test('no @ or no member: nobody', () => {
    expect(findMentionedMembers('Bob Stone', members)).toEqual([]);
    expect(findMentionedMembers('@Carol', members)).toEqual([]);
    expect(findMentionedMembers('@', [{ id: 'blank', name: '  ' }])).toEqual([]);
  });
});
