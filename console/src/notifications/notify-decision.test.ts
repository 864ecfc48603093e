import type { ConversationSummary, ServerFrame } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import {
  AGENT,
  atSecond,
  CONVERSATION_ID,
  makeCreated,
  makeMessageEvent,
  makeSummary,
  OTHER_CONVERSATION_ID,
} from '../realtime/test-fixtures.ts';
import { decideMention, decideNotifications, type NotifyContext } from './notify-decision.ts';

const ME = AGENT.id;
const TEAMMATE = { id: '0190a000-0000-7000-8000-0000000000dd', name: 'Tom' };

function contextWith(known: ConversationSummary[] = [], watching: string | null = null): NotifyContext {
  const byId = new Map(known.map((summary) => [summary.id, summary]));
  return {
    myUserId: ME,
    knownConversation: (id) => byId.get(id),
    isWatching: (id) => id === watching,
    now: Date.parse(atSecond(30)),
  };
}

const mine = makeSummary({ assignee: AGENT, visitor: { id: 'v', name: 'Vera', email: null } });

describe('new conversation', () => {
  test('a conversation.created the console never saw notifies; one it knows does not', () => {
    const frame = makeCreated() as ServerFrame;
    expect(decideNotifications(frame, contextWith())).toEqual([
      expect.objectContaining({ kind: 'newConversation', conversationId: CONVERSATION_ID }),
    ]);
    expect(decideNotifications(frame, contextWith([makeSummary()]))).toEqual([]);
  });

  test('conversations.changed: only the summaries of unknown conversations notify', () => {
    const unknown = makeSummary({
      id: OTHER_CONVERSATION_ID,
      lastMessage: { body: 'Hello,\n  can you help?', senderType: 'visitor', createdAt: '2025-01-01T00:00:00Z' },
    });
    const frame: ServerFrame = { type: 'conversations.changed', data: { conversations: [makeSummary(), unknown] } };
    const intents = decideNotifications(frame, contextWith([makeSummary()]));
    expect(intents).toEqual([
      expect.objectContaining({
        kind: 'newConversation',
        conversationId: OTHER_CONVERSATION_ID,
        body: 'Hello, can you help?',
      }),
    ]);
  });

  test('an old conversation the list did not hold is not new', () => {
    const old = makeSummary({ createdAt: new Date(Date.parse(atSecond(30)) - 6 * 60_000).toISOString() });
    const frame: ServerFrame = { type: 'conversations.changed', data: { conversations: [old] } };
    expect(decideNotifications(frame, contextWith())).toEqual([]);
  });

  test('not while the agent is looking at it', () => {
    expect(decideNotifications(makeCreated() as ServerFrame, contextWith([], CONVERSATION_ID))).toEqual([]);
  });
});

describe('new message in mine', () => {
  test('a visitor message in a conversation assigned to me notifies, named after the visitor', () => {
    const frame = makeMessageEvent(2, { body: 'Are you there?' }) as ServerFrame;
    expect(decideNotifications(frame, contextWith([mine]))).toEqual([
      {
        kind: 'newMessageInMine',
        conversationId: CONVERSATION_ID,
        tag: expect.stringMatching(/^message:/),
        title: 'New message from Vera',
        body: 'Are you there?',
      },
    ]);
  });

  test('nothing for my own message, a teammate’s, a conversation of someone else, or one I am looking at', () => {
    const ownMessage = makeMessageEvent(2, { sender: { type: 'agent', id: ME, name: 'Ann' } }) as ServerFrame;
    expect(decideNotifications(ownMessage, contextWith([mine]))).toEqual([]);
    const teammates = makeSummary({ assignee: TEAMMATE });
    expect(decideNotifications(makeMessageEvent(2) as ServerFrame, contextWith([teammates]))).toEqual([]);
    expect(decideNotifications(makeMessageEvent(2) as ServerFrame, contextWith([makeSummary()]))).toEqual([]);
    expect(decideNotifications(makeMessageEvent(2) as ServerFrame, contextWith([mine], CONVERSATION_ID))).toEqual([]);
  });

  test('a long body is cut to one line of 140 characters', () => {
    const [intent] = decideNotifications(
      makeMessageEvent(2, { body: 'x'.repeat(500) }) as ServerFrame,
      contextWith([mine]),
    );
    expect(intent?.body).toHaveLength(140);
    expect(intent?.body.endsWith('…')).toBe(true);
  });
});

describe('mention', () => {
  const mention = { id: 'm1', conversationId: CONVERSATION_ID, author: TEAMMATE, excerpt: '@Ann can you look?' };

  test('a teammate’s mention notifies with their name', () => {
    expect(decideMention(mention, contextWith())).toEqual([
      expect.objectContaining({ kind: 'mention', title: 'Tom mentioned you', body: '@Ann can you look?' }),
    ]);
  });

  test('not my own, and not while I look at that conversation', () => {
    expect(decideMention({ ...mention, author: AGENT }, contextWith())).toEqual([]);
    expect(decideMention(mention, contextWith([], CONVERSATION_ID))).toEqual([]);
  });
});

test('frames that are not news notify nobody', () => {
  expect(decideNotifications({ type: 'pong' } as ServerFrame, contextWith())).toEqual([]);
});
