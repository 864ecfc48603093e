import type { ConversationEvent } from '../protocol/events.ts';
import type { LabelFrame, QueueFrame } from '../protocol/frames.ts';
import type { NoteFrame } from '../protocol/note-rest.ts';
import type { EphemeralFrame } from '../protocol/typing-frames.ts';

/**
 * "Something happened in a conversation", or "a queue moved". Postgres holds the truth; a subscriber
 * that misses a notice catches up by seq. This in-process hub serves one api process; a Redis one can
 * fill the same interface for several.
 */
export type HubNotice =
  | { workspaceId: string; visitorId: string; event: ConversationEvent }
  /** Latest state, no seq: dropped by sockets that are not live yet, which get it fresh on session.ready. */
  | { workspaceId: string; frame: QueueFrame | LabelFrame | NoteFrame; onlyFor?: FrameAudience };

/**
 * A workspace frame about one agent's relation to one conversation (they joined or left it): only the
 * sockets that follow the conversation, and that agent's own, need it.
 */
export interface FrameAudience {
  conversationId: string;
  userId: string;
}

export type HubListener = (notice: HubNotice) => void;

/**
 * Typing, read receipts, viewers: no seq, nothing to catch up; a lost one is harmless. `from` names the
 * sender (a visitor or agent id) so its own sockets can skip the echo; `wantsReply` asks viewers of the
 * conversation to announce themselves to a newcomer.
 */
export interface EphemeralNotice {
  conversationId: string;
  from: string;
  frame: EphemeralFrame;
  wantsReply?: boolean;
}

export type EphemeralListener = (notice: EphemeralNotice) => void;

export interface Hub {
  publish(topic: string, notice: HubNotice): void;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, listener: HubListener): () => void;
  /** A separate channel for ephemeral notices, on the same topics. */
  publishEphemeral(topic: string, notice: EphemeralNotice): void;
  subscribeEphemeral(topic: string, listener: EphemeralListener): () => void;
  close(): Promise<void>;
}

export const topics = {
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  visitor: (visitorId: string) => `visitor:${visitorId}`,
};

export function createInProcessHub(): Hub {
  const listeners = new Map<string, Set<HubListener>>();
  const ephemeral = createListenerSet<EphemeralNotice>();
  return {
    publishEphemeral: ephemeral.deliver,
    subscribeEphemeral: (topic, listener) => ephemeral.add(topic, listener),
    publish(topic, notice) {
      for (const listener of listeners.get(topic) ?? []) listener(notice);
    },
    subscribe(topic, listener) {
      const set = listeners.get(topic) ?? new Set<HubListener>();
      listeners.set(topic, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(topic);
      };
    },
    async close() {
      listeners.clear();
      ephemeral.clear();
    },
  };
}

/** Listeners by topic; `add` says when a topic got its first listener and lost its last. */
export function createListenerSet<Notice>(onTopic?: { first(topic: string): void; last(topic: string): void }) {
  const byTopic = new Map<string, Set<(notice: Notice) => void>>();
  return {
    deliver(topic: string, notice: Notice) {
      for (const listener of byTopic.get(topic) ?? []) listener(notice);
    },
    add(topic: string, listener: (notice: Notice) => void): () => void {
      let set = byTopic.get(topic);
      if (!set) {
        set = new Set();
        byTopic.set(topic, set);
        onTopic?.first(topic);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size > 0 || byTopic.get(topic) !== set) return;
        byTopic.delete(topic);
        onTopic?.last(topic);
      };
    },
    clear() {
      byTopic.clear();
    },
  };
}

/** Tells the conversation's workspace (agents) and its visitor about new events, in seq order. */
export function publishEvents(
  hub: Hub,
  scope: { workspaceId: string; visitorId: string },
  events: readonly ConversationEvent[],
): void {
  for (const event of events) {
    const notice = { ...scope, event };
    hub.publish(topics.workspace(scope.workspaceId), notice);
    hub.publish(topics.visitor(scope.visitorId), notice);
  }
}
