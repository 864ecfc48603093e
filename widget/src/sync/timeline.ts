import type { Attachment, Message } from '@parley/api/protocol';
import type { ConversationView } from './conversation-store.ts';
import type { OutboxEntry } from './outbox.ts';

export type MessageStatus = 'sent' | 'pending' | 'failed';

export interface TimelineMessage {
  kind: 'message';
  key: string;
  sender: 'visitor' | 'agent';
  /** The agent's name; null for the visitor. */
  name: string | null;
  body: string;
  status: MessageStatus;
  /** Null until the server has stored it. */
  seq: number | null;
  clientId: string | null;
  createdAt: string;
  /** The visitor's last message the agents have read: "Seen" under it. */
  seen?: boolean;
  attachments?: Attachment[];
  /** Why a failed send was refused: the api's error code ('rate/limited', 'message/too_long'…). */
  errorCode?: string;
}

export interface TimelineNotice {
  kind: 'notice';
  key: string;
  notice: 'assigned' | 'resolved' | 'reopened' | 'system';
  /** The agent's name for 'assigned', the message text for 'system'. */
  text: string;
}

export type TimelineItem = TimelineMessage | TimelineNotice;

function toItem(message: Message): TimelineItem {
  if (message.sender.type === 'system') {
    return { kind: 'notice', key: `m:${message.id}`, notice: 'system', text: message.body };
  }
  return {
    kind: 'message',
    key: message.clientId ? `c:${message.clientId}` : `m:${message.id}`,
    sender: message.sender.type,
    name: message.sender.name,
    body: message.body,
    status: 'sent',
    seq: message.seq,
    clientId: message.clientId,
    createdAt: message.createdAt,
    attachments: message.attachments,
  };
}

/**
 * Everything the message list shows, in order: each conversation's events by seq (oldest
 * conversation first), then acknowledged messages whose event is still on its way, then sends
 * still waiting in the outbox. A message appears once: an outbox entry is hidden as soon as
 * a stored message carries its clientId. Keys follow the clientId, so a pending bubble turns
 * into the stored one in place.
 */
export function buildTimeline(
  conversations: readonly ConversationView[],
  acked: readonly Message[],
  outbox: readonly OutboxEntry[],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const storedClientIds = new Set<string>();

  for (const conversation of conversations) {
    const conversationId = conversation.summary.id;
    for (const entry of conversation.entries) {
      if (entry.kind === 'message') {
        if (entry.message.clientId) storedClientIds.add(entry.message.clientId);
        items.push(toItem(entry.message));
      } else if (entry.kind === 'assigned') {
        items.push({ kind: 'notice', key: `${conversationId}:${entry.seq}`, notice: 'assigned', text: entry.name });
      } else {
        items.push({ kind: 'notice', key: `${conversationId}:${entry.seq}`, notice: entry.kind, text: '' });
      }
    }
  }

  for (const message of acked) {
    if (message.clientId && storedClientIds.has(message.clientId)) continue;
    if (message.clientId) storedClientIds.add(message.clientId);
    items.push(toItem(message));
  }

  const pending = outbox
    .filter((entry) => !storedClientIds.has(entry.clientId))
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  for (const entry of pending) {
    items.push({
      kind: 'message',
      key: `c:${entry.clientId}`,
      sender: 'visitor',
      name: null,
      body: entry.body,
      status: entry.status,
      seq: null,
      clientId: entry.clientId,
      createdAt: entry.createdAt,
      attachments: entry.attachments,
      errorCode: entry.errorCode,
    });
  }
  return items;
}
