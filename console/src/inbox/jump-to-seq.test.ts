import { describe, expect, it } from 'vitest';
import { makeMessageEvent } from '../realtime/test-fixtures.ts';
import { MAX_PAGE_SIZE, parseAtSeq, planJump } from './jump-to-seq.ts';

function events(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, index) => makeMessageEvent(from + index));
}

describe('parseAtSeq', () => {
  it('takes a positive whole number', () => {
    expect(parseAtSeq('42')).toBe(42);
    expect(parseAtSeq('1')).toBe(1);
  });

  it('ignores anything else', () => {
    for (const value of [null, '', '0', '-3', '2.5', '1e3', 'abc', ' 4', '99999999999']) {
      expect(parseAtSeq(value)).toBeNull();
    }
  });
});

describe('planJump', () => {
  it('waits for the first page', () => {
    expect(planJump(null, false, 5)).toEqual({ kind: 'wait' });
  });

  it('is done when the seq is among the held events', () => {
    expect(planJump(events(21, 120), true, 21)).toEqual({ kind: 'present' });
    expect(planJump(events(21, 120), true, 120)).toEqual({ kind: 'present' });
  });

  it('loads the older events up to the seq in one page, with some context above it', () => {
    expect(planJump(events(24, 123), true, 5)).toEqual({ kind: 'load_older', beforeSeq: 24, limit: 39 });
  });

  it('reads a very long history in pages of at most the api limit', () => {
    const plan = planJump(events(4001, 4100), true, 3);
    expect(plan).toEqual({ kind: 'load_older', beforeSeq: 4001, limit: MAX_PAGE_SIZE });
  });

  it('says when the seq is not in the conversation', () => {
    expect(planJump(events(1, 10), false, 11)).toEqual({ kind: 'missing' });
    expect(planJump(events(5, 10), false, 2)).toEqual({ kind: 'missing' });
    expect(planJump([], false, 1)).toEqual({ kind: 'missing' });
  });
});
