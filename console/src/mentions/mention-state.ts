import type { Mention, NoteFrame } from '@parley/api/protocol';
import { useSyncExternalStore } from 'react';
import { listMentions, markMentionsRead } from './mention-endpoints.ts';

// The signed-in agent's mentions, beside the console store (they have no seq): read over REST, kept live
// by mention.created and mentions.read frames, reread after every session.ready.

export interface MentionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  mentions: readonly Mention[];
  unreadCount: number;
}

const INITIAL: MentionState = { status: 'idle', mentions: [], unreadCount: 0 };
let state: MentionState = INITIAL;
const listeners = new Set<() => void>();
let load: Promise<void> | null = null;

function setState(next: MentionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Unread first, then newest first: the api's order. */
export function sortMentions(mentions: readonly Mention[]): Mention[] {
  return [...mentions].sort((a, b) => {
    if ((a.readAt === null) !== (b.readAt === null)) return a.readAt === null ? -1 : 1;
    return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
  });
}

export function applyMentionFrame(current: MentionState, frame: NoteFrame): MentionState {
  if (frame.type === 'mention.created') {
    const others = current.mentions.filter((mention) => mention.id !== frame.data.mention.id);
    return { ...current, mentions: sortMentions([frame.data.mention, ...others]), unreadCount: frame.data.unreadCount };
  }
  if (frame.type === 'mentions.read') return { ...current, unreadCount: frame.data.unreadCount };
  return current;
}

export function handleMentionFrame(frame: NoteFrame): void {
  setState(applyMentionFrame(state, frame));
  // Read on another device: which ones is not said, so read the list again.
  if (frame.type === 'mentions.read') void reloadMentions();
}

export function reloadMentions(): Promise<void> {
  if (load) return load;
  if (state.status !== 'ready') setState({ ...state, status: 'loading' });
  load = listMentions()
    .then(({ mentions, unreadCount }) => setState({ status: 'ready', mentions, unreadCount }))
    .catch(() => {
      if (state.status !== 'ready') setState({ ...state, status: 'error' });
    })
    .finally(() => {
      load = null;
    });
  return load;
}

/** Marks mentions read at once on screen, then on the server; all when ids is absent. */
export async function markRead(ids?: string[]): Promise<void> {
  const now = new Date().toISOString();
  const isMarked = (mention: Mention) => mention.readAt === null && (!ids || ids.includes(mention.id));
  const changed = state.mentions.filter(isMarked).length;
  if (changed === 0) return;
  setState({
    ...state,
    mentions: sortMentions(
      state.mentions.map((mention) => (isMarked(mention) ? { ...mention, readAt: now } : mention)),
    ),
    unreadCount: ids ? Math.max(0, state.unreadCount - changed) : 0,
  });
  try {
    const { unreadCount } = await markMentionsRead(ids);
    setState({ ...state, unreadCount });
  } catch {
    await reloadMentions();
  }
}

/** Forgets everything (sign-out). */
export function forgetMentions(): void {
  setState(INITIAL);
}

export function useMentionState(): MentionState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
  );
}
