import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../realtime/outbox.ts';
import { CONVERSATION_ID, makeHistory, makeMessageEvent } from '../realtime/test-fixtures.ts';
import { buildTimeline } from './build-timeline.ts';
import { FIRST_ROW_INDEX, nextFirstIndex, rowIndexOfSeq, toTimelineRows } from './timeline-rows.ts';

const DAY_MS = 86_400_000;

function rowsOf(fromSeq: number, toSeq: number, outbox: OutboxItem[] = []) {
  const events = makeHistory(toSeq).filter((event) => event.data.seq >= fromSeq);
  return toTimelineRows(buildTimeline(events, outbox, CONVERSATION_ID), fromSeq === 1);
}

describe('toTimelineRows', () => {
  it('puts a day divider on the first row of each local day only', () => {
    const morning = new Date(2025, 0, 1, 9).getTime();
    const events = [1, 2, 3].map((seq) =>
      makeMessageEvent(seq, { createdAt: new Date(morning + (seq === 3 ? DAY_MS : 0) + seq * 1000).toISOString() }),
    );
    const items = buildTimeline(events, [], CONVERSATION_ID);
    expect(toTimelineRows(items, true).map((row) => row.dayAt !== null)).toEqual([true, false, true]);
    // Older pages remain: the first held day's divider waits for them (they would most often take it).
    expect(toTimelineRows(items, false).map((row) => row.dayAt !== null)).toEqual([false, false, true]);
  });
});

describe('nextFirstIndex', () => {
  it('lowers the first index by the rows an older page added, and keeps it otherwise', () => {
    const newest = rowsOf(101, 200);
    const start = { firstKey: newest[0]?.key, firstIndex: FIRST_ROW_INDEX };
    expect(nextFirstIndex(start, rowsOf(101, 201))).toBe(FIRST_ROW_INDEX);
    expect(nextFirstIndex(start, rowsOf(1, 200))).toBe(FIRST_ROW_INDEX - 100);
  });

  it('starts again when the previous first row is gone (a reload)', () => {
    const start = { firstKey: 'seq-5', firstIndex: FIRST_ROW_INDEX - 40 };
    expect(nextFirstIndex(start, rowsOf(50, 60))).toBe(FIRST_ROW_INDEX);
  });
});

describe('rowIndexOfSeq', () => {
  it('finds a held seq as a 0-based index of the rows, not of firstItemIndex', () => {
    const outbox: OutboxItem[] = [
      {
        clientId: 'c1',
        conversationId: CONVERSATION_ID,
        body: 'x',
        createdAt: new Date().toISOString(),
        status: 'pending',
        error: null,
      },
    ];
    const rows = rowsOf(20, 120, outbox);
    expect(rowIndexOfSeq(rows, 20)).toBe(0);
    expect(rowIndexOfSeq(rows, 23)).toBe(3);
    expect(rowIndexOfSeq(rows, 120)).toBe(100);
    expect(rowIndexOfSeq(rows, 19)).toBe(-1);
    expect(rowIndexOfSeq(rows, 121)).toBe(-1);
  });
});
