import type { ConversationSummary } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { EMPTY_CACHE, mergeSummaries } from '../realtime/conversation-cache.ts';
import { countViews, matchesView } from './list-views.ts';
import { withParticipantIds } from './list-views-participating.ts';

const ME = '00000000-0000-4000-8000-00000000000a';
const BO = '00000000-0000-4000-8000-00000000000b';

function summary(id: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    inboxId: '00000000-0000-4000-8000-0000000000c1',
    status: 'open',
    priority: 'none',
    snoozedUntil: null,
    assignee: { id: BO, name: 'Bo' },
    participantIds: [],
    visitor: { id: `v-${id}`, name: null, email: null },
    lastSeq: 2,
    lastMessage: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  };
}

describe('the Participating view', () => {
  test('I take part, someone else holds it, and it is not resolved', () => {
    expect(matchesView(summary('1', { participantIds: [BO, ME] }), 'participating', ME)).toBe(true);
    expect(matchesView(summary('2', { participantIds: [ME], status: 'pending' }), 'participating', ME)).toBe(true);
    expect(matchesView(summary('3', { participantIds: [BO] }), 'participating', ME)).toBe(false);
    expect(
      matchesView(summary('4', { participantIds: [ME], assignee: { id: ME, name: 'Me' } }), 'participating', ME),
    ).toBe(false);
    expect(matchesView(summary('5', { participantIds: [ME], status: 'resolved' }), 'participating', ME)).toBe(false);
    expect(matchesView(summary('6', { participantIds: undefined }), 'participating', ME)).toBe(false);
  });

  test('conversation.participants_changed moves the count live', () => {
    const cache = mergeSummaries(EMPTY_CACHE, [summary('1'), summary('2')]).state;
    expect(countViews(cache, ME).participating).toBe(0);
    const joined = withParticipantIds(cache, {
      conversationId: '1',
      participants: [{ id: ME, name: 'Me', joinedAt: '2026-12-01T10:05:00.000Z' }],
    });
    expect(countViews(joined, ME).participating).toBe(1);
    expect(
      withParticipantIds(joined, { conversationId: '1', participants: [] }).conversations.get('1')?.summary
        .participantIds,
    ).toEqual([]);
    expect(withParticipantIds(cache, { conversationId: 'unknown', participants: [] })).toBe(cache);
  });
});
