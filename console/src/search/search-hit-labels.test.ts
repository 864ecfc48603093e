import type { SearchHit } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import { shortId } from '../lib/display-names.ts';
import { makeMember } from '../realtime/test-fixtures.ts';
import { describeAssignee, describeSender, describeVisitor, formatHitTime, toHitLink } from './search-hit-labels.ts';

const CONVERSATION = '0190a000-0000-7000-8000-000000000001';

function hit(overrides: Partial<SearchHit> = {}, conversation: Partial<SearchHit['conversation']> = {}): SearchHit {
  return {
    messageId: '0190a000-0000-7000-8000-000000000099',
    conversationId: CONVERSATION,
    seq: 7,
    at: '2025-01-01T12:00:00.000Z',
    sender: { type: 'visitor', name: null },
    snippet: [],
    ...overrides,
    conversation: {
      status: 'open',
      inboxId: '0190a000-0000-7000-8000-0000000000cc',
      assigneeId: null,
      visitorId: '3fa9c1d2-0000-4000-8000-000000000001',
      visitorName: null,
      visitorEmail: null,
      ...conversation,
    },
  };
}

describe('toHitLink', () => {
  it('opens the conversation at the message', () => {
    expect(toHitLink(hit())).toBe(`/conversations/${CONVERSATION}?at=7`);
  });

  it('under Resolved for a resolved conversation, so the list shows it too', () => {
    expect(toHitLink(hit({}, { status: 'resolved' }))).toBe(`/conversations/${CONVERSATION}?status=resolved&at=7`);
  });
});

describe('describeVisitor', () => {
  it('uses the name when the visitor gave one', () => {
    expect(describeVisitor(hit({}, { visitorName: ' Jane Doe ' }))).toBe('Jane Doe');
  });

  it('names an anonymous visitor like the conversation list does', () => {
    expect(describeVisitor(hit())).toBe(`Visitor ${shortId('3fa9c1d2-0000-4000-8000-000000000001')}`);
  });
});

describe('describeSender', () => {
  it('says who wrote the message', () => {
    expect(describeSender(hit({ sender: { type: 'agent', name: 'Olga Owner' } }))).toBe('Olga Owner replied');
    expect(describeSender(hit({ sender: { type: 'agent', name: null } }))).toBe('An agent replied');
    expect(describeSender(hit({}, { visitorName: 'Jane' }))).toBe('Jane wrote');
    expect(describeSender(hit())).toBe('The visitor wrote');
    expect(describeSender(hit({ sender: { type: 'system', name: null } }))).toBe('System message');
  });
});

describe('describeAssignee', () => {
  const members = [makeMember(), makeMember({ userId: 'u-2', name: 'Arne Agent' })];

  it('names who has the conversation', () => {
    expect(describeAssignee(null, members, 'me')).toBe('Unassigned');
    expect(describeAssignee('u-2', members, 'me')).toBe('Assigned to Arne Agent');
    expect(describeAssignee('me', members, 'me')).toBe('Assigned to you');
    expect(describeAssignee('gone', members, 'me')).toBe('Assigned');
  });
});

describe('formatHitTime', () => {
  const now = new Date(2025, 5, 16, 15, 30);

  it('is the time today, "Yesterday", the day this year, and the full date before', () => {
    expect(formatHitTime(new Date(2025, 5, 16, 9, 5).toISOString(), now, 'en-GB')).toBe('9:05');
    expect(formatHitTime(new Date(2025, 5, 15, 23, 59).toISOString(), now, 'en-GB')).toBe('Yesterday');
    expect(formatHitTime(new Date(2025, 2, 4, 12).toISOString(), now, 'en-US')).toBe('Mar 4');
    expect(formatHitTime(new Date(2023, 2, 4, 12).toISOString(), now, 'en-US')).toBe('Mar 4, 2023');
    expect(formatHitTime('garbage', now)).toBe('');
  });
});
