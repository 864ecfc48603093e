import type { Mention } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { applyMentionFrame, type MentionState, sortMentions } from './mention-state.ts';

const mention = (id: string, createdAt: string, readAt: string | null = null): Mention => ({
  id,
  conversationId: '11111111-1111-4111-8111-111111111111',
  messageId: '22222222-2222-4222-8222-222222222222',
  seq: 3,
  author: { id: '33333333-3333-4333-8333-333333333333', name: 'Ada' },
  excerpt: '@Bob can you look?',
  visitorId: '44444444-4444-4444-8444-444444444444',
  visitorName: null,
  createdAt,
  readAt,
});

describe('mention state', () => {
  test('unread first, then newest first', () => {
    const sorted = sortMentions([
      mention('a', '2026-12-01T10:00:00.000Z', '2026-12-01T11:00:00.000Z'),
      mention('b', '2026-12-01T09:00:00.000Z'),
      mention('c', '2026-12-01T12:00:00.000Z'),
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });

  test('mention.created adds it on top with the server count; a repeat is not doubled', () => {
    const start: MentionState = {
      status: 'ready',
      mentions: [mention('a', '2026-12-01T10:00:00.000Z')],
      unreadCount: 1,
    };
    const frame = {
      type: 'mention.created' as const,
      data: { mention: mention('b', '2026-12-01T11:00:00.000Z'), unreadCount: 2 },
    };
    const next = applyMentionFrame(start, frame);
    expect(next.mentions.map((m) => m.id)).toEqual(['b', 'a']);
    expect(next.unreadCount).toBe(2);
    expect(applyMentionFrame(next, frame).mentions).toHaveLength(2);
    expect(applyMentionFrame(next, { type: 'mentions.read', data: { unreadCount: 0 } }).unreadCount).toBe(0);
  });
});
