import type { ServerFrame } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { lastSeenReply } from './typing-seen.ts';
import {
  TYPING_EXPIRES_MS,
  TYPING_RENEW_MS,
  type TypingOutFrame,
  TypingStore,
  VIEWER_EXPIRES_MS,
} from './typing-store.ts';

const ME = '00000000-0000-4000-8000-000000000001';
const BEN = { id: '00000000-0000-4000-8000-000000000002', name: 'Ben' };
const C = '00000000-0000-4000-8000-0000000000c1';

function setUp() {
  const sent: TypingOutFrame[] = [];
  const store = new TypingStore({ userId: ME, send: (frame) => sent.push(frame) > 0, now: () => Date.now() });
  return { store, sent };
}
const visitorTyping = (isTyping: boolean): ServerFrame => ({
  type: 'typing',
  data: { conversationId: C, isTyping, by: { type: 'visitor' } },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('typing from others', () => {
  test('expires by itself without a renewal, and a renewal keeps it', () => {
    const { store } = setUp();
    store.handleFrame(visitorTyping(true));
    expect(store.get(C).typists).toEqual([{ type: 'visitor' }]);
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1000);
    store.handleFrame(visitorTyping(true));
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1000);
    expect(store.get(C).typists).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(store.get(C).typists).toEqual([]);
  });

  test('stops when the typist’s message arrives, or when they say so', () => {
    const { store } = setUp();
    store.handleFrame({ type: 'typing', data: { conversationId: C, isTyping: true, by: { type: 'agent', ...BEN } } });
    store.handleFrame(visitorTyping(true));
    store.handleFrame({
      type: 'message.created',
      data: {
        conversationId: C,
        seq: 5,
        at: '2026-12-02T03:00:00.000Z',
        message: {
          id: '00000000-0000-4000-8000-0000000000m1',
          conversationId: C,
          seq: 5,
          clientId: null,
          sender: { type: 'agent', id: BEN.id, name: 'Ben' },
          body: 'hi',
          createdAt: '2026-12-02T03:00:00.000Z',
        },
      },
    } as ServerFrame);
    expect(store.get(C).typists).toEqual([{ type: 'visitor' }]);
    store.handleFrame(visitorTyping(false));
    expect(store.get(C).typists).toEqual([]);
  });

  test('the agent’s own typing (another tab) is ignored', () => {
    const { store } = setUp();
    const before = store.get(C);
    store.handleFrame({
      type: 'typing',
      data: { conversationId: C, isTyping: true, by: { type: 'agent', id: ME, name: 'Me' } },
    });
    expect(store.get(C)).toBe(before);
  });
});

describe('viewers', () => {
  test('appear, renew, leave, and expire when silent', () => {
    const { store } = setUp();
    const viewer = (isViewing: boolean): ServerFrame => ({
      type: 'conversation.viewer',
      data: { conversationId: C, agent: BEN, isViewing },
    });
    store.handleFrame(viewer(true));
    expect(store.get(C).viewers).toEqual([BEN]);
    const snapshot = store.get(C);
    store.handleFrame(viewer(true));
    expect(store.get(C)).toBe(snapshot);
    store.handleFrame(viewer(false));
    expect(store.get(C).viewers).toEqual([]);
    store.handleFrame(viewer(true));
    vi.advanceTimersByTime(VIEWER_EXPIRES_MS);
    expect(store.get(C).viewers).toEqual([]);
  });
});

describe('this agent', () => {
  test('typing is sent once per renewal period, and stopped when the draft empties', () => {
    const { store, sent } = setUp();
    store.input(C, 'h');
    store.input(C, 'he');
    vi.advanceTimersByTime(TYPING_RENEW_MS);
    store.input(C, 'hel');
    store.input(C, '');
    expect(sent.map((frame) => frame.type === 'typing.set' && frame.data.isTyping)).toEqual([true, true, false]);
  });

  test('reads are sent only when the seq grows; viewing is re-said on a new session', () => {
    const { store, sent } = setUp();
    store.read(C, 3);
    store.read(C, 3);
    store.read(C, 2);
    store.read(C, 4);
    store.view(C);
    store.handleFrame({ type: 'session.ready', data: { protocol: 1, heartbeatMs: 25000 } });
    expect(sent).toEqual([
      { type: 'conversation.read', data: { conversationId: C, seq: 3 } },
      { type: 'conversation.read', data: { conversationId: C, seq: 4 } },
      { type: 'conversation.view', data: { conversationId: C } },
      { type: 'conversation.view', data: { conversationId: C } },
    ]);
  });
});

test('the seen reply is the last one at or below the visitor’s read seq', () => {
  expect(lastSeenReply([2, 5, 9], 8)).toBe(5);
  expect(lastSeenReply([2, 5, 9], 1)).toBeNull();
  expect(lastSeenReply([2, 5, 9], 9)).toBe(9);
});
