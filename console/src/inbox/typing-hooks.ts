import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useAppData } from '../app/use-app-data.ts';
import type { ConsoleStore } from '../realtime/console-store.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { lastSeenReply } from './typing-seen.ts';
import { type ConversationPresence, TypingStore } from './typing-store.ts';

const stores = new WeakMap<ConsoleStore, TypingStore>();

/** The typing store of this console store: made once, fed by every frame of its socket. */
export function useTypingStore(): TypingStore {
  const consoleStore = useConsoleStore();
  const { me } = useAppData();
  let typing = stores.get(consoleStore);
  if (!typing) {
    typing = new TypingStore({ userId: me.user.id, send: (frame) => consoleStore.sendEphemeral(frame) });
    const created = typing;
    consoleStore.onFrame((frame) => created.handleFrame(frame));
    stores.set(consoleStore, typing);
  }
  return typing;
}

export function useConversationPresenceState(conversationId: string): ConversationPresence {
  const typing = useTypingStore();
  const get = useCallback(() => typing.get(conversationId), [typing, conversationId]);
  return useSyncExternalStore(typing.subscribe, get, get);
}

const isTabVisible = () => document.visibilityState === 'visible';

/**
 * While the conversation is on screen: teammates hear that this agent views it, and the visitor that it
 * was read up to `lastSeq` (only while the tab is visible).
 */
export function useViewingConversation(conversationId: string, lastSeq: number | undefined): void {
  const typing = useTypingStore();
  const { connection } = useConsoleSnapshot();
  const isLive = connection === 'live';
  useEffect(() => {
    if (!isLive) return;
    typing.view(conversationId);
    return () => typing.view(null);
  }, [typing, conversationId, isLive]);
  useEffect(() => {
    if (!isLive || !lastSeq) return;
    const read = () => {
      if (isTabVisible()) typing.read(conversationId, lastSeq);
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [typing, conversationId, lastSeq, isLive]);
}

/** Tells the visitor (and teammates) this agent is typing a reply; pass '' for notes, which they must not hear of. */
export function useReportTyping(conversationId: string): (draft: string) => void {
  const typing = useTypingStore();
  return useCallback((draft: string) => typing.input(conversationId, draft), [typing, conversationId]);
}

/** The seq of the last agent reply the visitor has read (stored or told live), or null. */
export function useSeenReplySeq(conversationId: string, replySeqs: readonly number[]): number | null {
  const { cache } = useConsoleSnapshot();
  const live = useConversationPresenceState(conversationId).visitorReadSeq;
  const stored = cache.conversations.get(conversationId)?.summary.readUpTo?.visitor ?? 0;
  return lastSeenReply(replySeqs, Math.max(live, stored));
}
