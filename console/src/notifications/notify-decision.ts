import type { ConversationSummary, NotificationKind, ServerFrame } from '@parley/api/protocol';

/** Something worth telling the agent about, before their preferences pick the channels. */
export interface NotificationIntent {
  kind: NotificationKind;
  conversationId: string;
  /** Dedupes browser notifications (the same message twice shows once). */
  tag: string;
  title: string;
  /** Plain text (a Notification body is never HTML). */
  body: string;
}

export interface NotifyContext {
  myUserId: string;
  /** The conversation as the console knew it before this frame; undefined when it never heard of it. */
  knownConversation(id: string): ConversationSummary | undefined;
  /** The agent is looking at this conversation right now: it is open and the tab is visible. */
  isWatching(conversationId: string): boolean;
  /** Epoch ms. */
  now: number;
}

const BODY_MAX = 140;
/**
 * A summary of a conversation the console never saw is only "new" if it started lately: an old one the
 * loaded list did not hold (a resolved one, one past the first page) can change too.
 */
export const NEW_CONVERSATION_WINDOW_MS = 5 * 60_000;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > BODY_MAX ? `${oneLine.slice(0, BODY_MAX - 1)}…` : oneLine;
}

function visitorLabel(summary: Pick<ConversationSummary, 'visitor'> | undefined): string {
  return summary?.visitor.name || summary?.visitor.email || 'A visitor';
}

function newConversation(summary: ConversationSummary, context: NotifyContext): NotificationIntent | null {
  if (context.knownConversation(summary.id) || context.isWatching(summary.id)) return null;
  if (Date.parse(summary.createdAt) < context.now - NEW_CONVERSATION_WINDOW_MS) return null;
  // A conversation started by an agent (none today, but possible) is not news to them.
  if (summary.lastMessage && summary.lastMessage.senderType !== 'visitor') return null;
  return {
    kind: 'newConversation',
    conversationId: summary.id,
    tag: `conversation:${summary.id}`,
    title: `New conversation: ${visitorLabel(summary)}`,
    body: clip(summary.lastMessage?.body ?? 'Waiting for an answer.'),
  };
}

/**
 * Whether a server frame should notify the agent, and of what: a conversation the console never saw, a
 * visitor's message in a conversation assigned to them, or a mention of them. Never their own doing, and
 * never what they are looking at.
 */
export function decideNotifications(frame: ServerFrame, context: NotifyContext): NotificationIntent[] {
  switch (frame.type) {
    case 'conversation.created': {
      const intent = newConversation(frame.data.conversation, context);
      return intent ? [intent] : [];
    }
    case 'conversations.changed':
      return frame.data.conversations.flatMap((summary) => {
        const intent = newConversation(summary, context);
        return intent ? [intent] : [];
      });
    case 'message.created': {
      const { message } = frame.data;
      if (message.sender.type !== 'visitor') return [];
      const known = context.knownConversation(message.conversationId);
      if (known?.assignee?.id !== context.myUserId || context.isWatching(message.conversationId)) return [];
      return [
        {
          kind: 'newMessageInMine',
          conversationId: message.conversationId,
          tag: `message:${message.id}`,
          title: `New message from ${visitorLabel(known)}`,
          body: clip(message.body),
        },
      ];
    }
    case 'mention.created':
      return decideMention(frame.data.mention, context);
    default:
      return [];
  }
}

interface MentionLike {
  id: string;
  conversationId: string;
  author: { id: string; name: string } | null;
  excerpt: string;
}

/** A teammate named the agent in an internal note (the `mention.created` frame, only sent to them). */
export function decideMention(mention: MentionLike, context: NotifyContext): NotificationIntent[] {
  if (mention.author?.id === context.myUserId || context.isWatching(mention.conversationId)) return [];
  return [
    {
      kind: 'mention',
      conversationId: mention.conversationId,
      tag: `mention:${mention.id}`,
      title: `${mention.author?.name ?? 'A teammate'} mentioned you`,
      body: clip(mention.excerpt),
    },
  ];
}
