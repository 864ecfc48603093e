import type { ConversationEvent } from '../protocol/events.ts';
import type { LabelFrame, QueueFrame } from '../protocol/frames.ts';

/**
 * "Something happened in a conversation", or "a queue moved". Postgres holds the truth; a subscriber
 * that misses a notice catches up by seq. This in-process hub serves one api process; a Redis one can
 * fill the same interface for several.
 */
export type HubNotice =
  | { workspaceId: string; visitorId: string; event: ConversationEvent }
  /** Latest state, no seq: dropped by sockets that are not live yet, which get it fresh on session.ready. */
  | { workspaceId: string; frame: QueueFrame | LabelFrame };

export type HubListener = (notice: HubNotice) => void;

export interface Hub {
  publish(topic: string, notice: HubNotice): void;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, listener: HubListener): () => void;
  close(): Promise<void>;
}

export const topics = {
  workspace: (workspaceId: string) => `workspace:${workspaceId}`,
  visitor: (visitorId: string) => `visitor:${visitorId}`,
};

export function createInProcessHub(): Hub {
  const listeners = new Map<string, Set<HubListener>>();
  return {
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
