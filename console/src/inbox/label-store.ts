import type { Label } from '@parley/api/protocol';
import { useSyncExternalStore } from 'react';

// Each conversation's labels as last read from the api. They live beside the conversation cache, not in
// it: a label change has no seq, and the cache keeps a summary until its seq moves.

let labelsByConversation: ReadonlyMap<string, readonly Label[]> = new Map();
const listeners = new Set<() => void>();

export function rememberConversationLabels(conversations: readonly { id: string; labels: readonly Label[] }[]): void {
  if (conversations.length === 0) return;
  const next = new Map(labelsByConversation);
  for (const { id, labels } of conversations) next.set(id, labels);
  labelsByConversation = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = () => labelsByConversation;

/** Every conversation's known labels; a new map whenever any changes. */
export function useLabelsByConversation(): ReadonlyMap<string, readonly Label[]> {
  return useSyncExternalStore(subscribe, getSnapshot);
}

const NO_LABELS: readonly Label[] = [];

export function useConversationLabels(conversationId: string): readonly Label[] {
  return useLabelsByConversation().get(conversationId) ?? NO_LABELS;
}
