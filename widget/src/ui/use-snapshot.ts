import { useEffect, useState } from 'preact/hooks';
import type { ChatController, WidgetSnapshot } from '../sync/chat-controller.ts';

/** The controller's current snapshot, re-rendering on every change. */
export function useSnapshot(controller: ChatController): WidgetSnapshot {
  const [snapshot, setSnapshot] = useState(() => controller.getSnapshot());
  useEffect(() => {
    setSnapshot(controller.getSnapshot());
    return controller.subscribe(() => setSnapshot(controller.getSnapshot()));
  }, [controller]);
  return snapshot;
}
