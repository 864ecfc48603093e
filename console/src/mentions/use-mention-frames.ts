import { useEffect } from 'react';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { handleMentionFrame, reloadMentions } from './mention-state.ts';

/** Keeps the mention state live while the console runs (mounted once, by the sidebar entry). */
export function useMentionFrames(): void {
  const store = useConsoleStore();
  useEffect(() => {
    void reloadMentions();
    return store.onFrame((frame) => {
      if (frame.type === 'mention.created' || frame.type === 'mentions.read') handleMentionFrame(frame);
      else if (frame.type === 'session.ready') void reloadMentions();
    });
  }, [store]);
}
