import type { Label } from '@parley/api/protocol';
import { useSyncExternalStore } from 'react';

// Each conversation's labels and the workspace's set, as last read from the api or heard on the socket.
// They live beside the conversation cache, not in it: a label change has no seq, and the cache keeps a
// summary until its seq moves.

export interface LabelSnapshot {
  readonly byConversation: ReadonlyMap<string, readonly Label[]>;
  /** The workspace's labels by name (none until first read). */
  readonly workspace: readonly Label[];
}

let snapshot: LabelSnapshot = { byConversation: new Map(), workspace: [] };
const listeners = new Set<() => void>();

function setSnapshot(next: LabelSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/** What a REST answer or a `conversation.labels_changed` frame says a conversation carries now. */
export function rememberConversationLabels(conversations: readonly { id: string; labels: readonly Label[] }[]): void {
  if (conversations.length === 0) return;
  const byConversation = new Map(snapshot.byConversation);
  for (const { id, labels } of conversations) byConversation.set(id, labels);
  setSnapshot({ ...snapshot, byConversation });
}

/** The workspace's labels as GET /v1/labels answered them. */
export function rememberWorkspaceLabels(labels: readonly Label[]): void {
  setSnapshot({ ...snapshot, workspace: labels });
}

/**
 * A `labels.changed` frame: a label was created, renamed, recoloured or deleted. Every conversation's
 * chips follow at once, in the set's order (the api's, by name). A REST read of the set does not do this:
 * it may be older than the conversations' labels heard since it was asked for.
 */
export function applyWorkspaceLabels(labels: readonly Label[]): void {
  const byConversation = new Map<string, readonly Label[]>();
  for (const [conversationId, carried] of snapshot.byConversation) {
    const carriedIds = new Set(carried.map((label) => label.id));
    byConversation.set(
      conversationId,
      labels.filter((label) => carriedIds.has(label.id)),
    );
  }
  setSnapshot({ byConversation, workspace: labels });
}

/** Signing out: the next agent on this tab must not see this workspace's labels. */
export function forgetLabels(): void {
  setSnapshot({ byConversation: new Map(), workspace: [] });
}

export function getLabelSnapshot(): LabelSnapshot {
  return snapshot;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every conversation's known labels; a new map whenever any changes. */
export function useLabelsByConversation(): ReadonlyMap<string, readonly Label[]> {
  return useSyncExternalStore(subscribe, () => snapshot.byConversation);
}

const NO_LABELS: readonly Label[] = [];

export function useConversationLabels(conversationId: string): readonly Label[] {
  return useLabelsByConversation().get(conversationId) ?? NO_LABELS;
}

/** The workspace's labels by name, for the label filter. */
export function useWorkspaceLabels(): readonly Label[] {
  return useSyncExternalStore(subscribe, () => snapshot.workspace);
}
