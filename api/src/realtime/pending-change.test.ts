import { describe, expect, test } from 'vitest';
import { LIMITS } from '../protocol/constants.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import { RecentSummaries, recordEvent, recordSummaryNeeded } from './pending-change.ts';

const CONVERSATION = '0190a000-0000-7000-8000-0000000000aa';
const at = (second: number) => new Date(Date.UTC(2026, 11, 3, 12, 0, second)).toISOString();

function message(seq: number, options: { kind?: 'note'; sender?: 'visitor' | 'agent' } = {}): ConversationEvent {
  const sender = options.sender ?? 'visitor';
  return {
    type: 'message.created',
    data: {
      conversationId: CONVERSATION,
      seq,
      at: at(seq),
      message: {
        id: `0190a000-0000-7000-8000-0000000001${String(seq).padStart(2, '0')}`,
        conversationId: CONVERSATION,
        seq,
        clientId: null,
        sender: { type: sender, id: null, name: null },
        body: `message ${seq}`,
        createdAt: at(seq),
        ...(options.kind ? { kind: options.kind } : {}),
      },
    },
  };
}

const record = (...events: ConversationEvent[]) => events.reduce(recordEvent, undefined);

describe('recordEvent', () => {
  test('a long message is the preview cut to LIMITS.previewMaxChars, as in the summaries read from the database', () => {
    const long = message(4);
    if (long.type === 'message.created') long.data.message.body = 'x'.repeat(5000);
    const preview = record(long)?.appended?.lastMessage?.body ?? '';
    expect(preview).toBe(`${'x'.repeat(LIMITS.previewMaxChars - 1)}…`);
  });

  test('messages alone: the seqs they cover, the newest reply and its time, no summary needed', () => {
    const change = record(message(4), message(5, { sender: 'agent' }));
    expect(change).toMatchObject({ needsSummary: false, lastMessageSeq: 5 });
    expect(change?.appended).toEqual({
      id: CONVERSATION,
      fromSeq: 4,
      lastSeq: 5,
      updatedAt: at(5),
      lastMessage: { body: 'message 5', senderType: 'agent', createdAt: at(5) },
    });
  });

  test('a note moves lastSeq but is never the preview; a reply arriving late does not replace a newer one', () => {
    expect(record(message(4), message(5, { kind: 'note' }))?.appended).toMatchObject({
      fromSeq: 4,
      lastSeq: 5,
      lastMessage: { body: 'message 4' },
    });
    expect(record(message(5, { kind: 'note' }))?.appended?.lastMessage).toBeUndefined();
    expect(record(message(6), message(5))?.appended).toMatchObject({
      fromSeq: 5,
      lastSeq: 6,
      updatedAt: at(6),
      lastMessage: { body: 'message 6' },
    });
  });

  test('any other event, or a change without one, needs the whole summary', () => {
    const resolved: ConversationEvent = {
      type: 'conversation.resolved',
      data: { conversationId: CONVERSATION, seq: 6, at: at(6), by: null },
    };
    expect(record(message(5), resolved)?.needsSummary).toBe(true);
    expect(recordSummaryNeeded(record(message(5)))).toMatchObject({ needsSummary: true });
    expect(recordSummaryNeeded(undefined)).toEqual({ needsSummary: true, lastMessageSeq: 0 });
  });
});

describe('RecentSummaries', () => {
  test('a summary counts as recent for one to two windows, and for none after a quiet spell', () => {
    const recent = new RecentSummaries(1_000, 0);
    recent.add('a', 0);
    expect(recent.has('a', 999)).toBe(true);
    expect(recent.has('a', 1_500)).toBe(true); // rotated at 1,500: 'a' is in the previous generation
    expect(recent.has('a', 2_499)).toBe(true);
    expect(recent.has('a', 2_500)).toBe(false);
    recent.add('b', 2_600);
    expect(recent.has('b', 5_000)).toBe(false); // more than two windows since the last rotation
    recent.add('c', 9_000); // the window it lands in starts now, however long the quiet spell was
    expect(recent.has('c', 9_999)).toBe(true);
    expect(recent.has('never', 5_000)).toBe(false);
  });
});
