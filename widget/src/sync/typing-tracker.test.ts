import type { ConversationSummary, ServerFrame, VisitorFrame } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { TimelineItem } from './timeline.ts';
import { TYPING_EXPIRES_MS, TYPING_IDLE_MS, TypingTracker } from './typing-tracker.ts';

const C = '00000000-0000-4000-8000-0000000000c1';
const summary = { id: C, readUpTo: { visitor: 0, agents: 0 } } as ConversationSummary;

function setUp(lastSeq = 4) {
  const sent: VisitorFrame[] = [];
  let changes = 0;
  const tracker = new TypingTracker({
    send: (frame) => sent.push(frame) > 0,
    store: {
      getOpenConversationId: () => C,
      getLastSeq: () => lastSeq,
      listConversations: () => [{ summary, lastSeq, entries: [] }],
    },
    isShowing: () => true,
    changed: () => changes++,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
    now: () => Date.now(),
  });
  return { tracker, sent, changes: () => changes };
}
const agentTyping = (isTyping: boolean): ServerFrame => ({
  type: 'typing',
  data: {
    conversationId: C,
    isTyping,
    by: { type: 'agent', id: '00000000-0000-4000-8000-000000000002', name: 'Anna' },
  },
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TypingTracker', () => {
  test('an agent’s typing expires by itself; a renewal restarts the clock', () => {
    const { tracker } = setUp();
    tracker.handleFrame(agentTyping(true));
    expect(tracker.agentName).toBe('Anna');
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1);
    tracker.handleFrame(agentTyping(true));
    vi.advanceTimersByTime(TYPING_EXPIRES_MS - 1);
    expect(tracker.agentName).toBe('Anna');
    vi.advanceTimersByTime(1);
    expect(tracker.agentName).toBeNull();
  });

  test('a lost socket forgets the agent’s typing, and the visitor’s is said again after it', () => {
    const { tracker, sent, changes } = setUp();
    tracker.handleFrame(agentTyping(true));
    tracker.input('h');
    tracker.disconnected();
    expect(tracker.agentName).toBeNull();
    // Nothing comes back by itself once its expiry would have passed, and no stale "stopped" is sent.
    const changed = changes();
    vi.advanceTimersByTime(TYPING_EXPIRES_MS + TYPING_IDLE_MS);
    expect(changes()).toBe(changed);
    expect(sent).toEqual([{ type: 'typing.set', data: { conversationId: C, isTyping: true } }]);
    tracker.input('hi');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual({ type: 'typing.set', data: { conversationId: C, isTyping: true } });
  });

  test('the visitor’s typing is said once, then stopped when idle', () => {
    const { tracker, sent } = setUp();
    tracker.input('h');
    tracker.input('hi');
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(sent).toEqual([
      { type: 'typing.set', data: { conversationId: C, isTyping: true } },
      { type: 'typing.set', data: { conversationId: C, isTyping: false } },
    ]);
  });

  test('reads are said once per seq; "Seen" marks the visitor’s last message the agents read', () => {
    const { tracker, sent } = setUp();
    tracker.read();
    tracker.read();
    expect(sent).toEqual([{ type: 'conversation.read', data: { conversationId: C, seq: 4 } }]);
    const message = (seq: number, sender: 'visitor' | 'agent'): TimelineItem => ({
      kind: 'message',
      key: `m${seq}`,
      sender,
      name: null,
      body: 'x',
      status: 'sent',
      seq,
      clientId: null,
      createdAt: '',
    });
    const items = [message(1, 'visitor'), message(2, 'visitor'), message(3, 'agent'), message(4, 'visitor')];
    expect(tracker.markSeen(items).some((item) => item.kind === 'message' && item.seen)).toBe(false);
    tracker.handleFrame({ type: 'conversation.read_up_to', data: { conversationId: C, reader: 'agents', seq: 3 } });
    const marked = tracker.markSeen(items);
    expect(marked.map((item) => item.kind === 'message' && !!item.seen)).toEqual([false, true, false, false]);
  });
});
