import { useEffect, useRef, useState } from 'react';
import type { ConsoleStore } from '../realtime/console-store.ts';
import { createConsoleStore } from '../realtime/create-console-store.ts';

/** One store per signed-in agent, connected while the shell is mounted; reconnects early when the browser is back online. */
export function useConsoleStoreLifecycle(userId: string, onUnauthorized: () => void): ConsoleStore {
  const onUnauthorizedRef = useRef(onUnauthorized);
  onUnauthorizedRef.current = onUnauthorized;
  const [store] = useState(() => createConsoleStore(userId, () => onUnauthorizedRef.current()));

  useEffect(() => {
    // Deferred so React's development double-mount does not open and drop a socket at once.
    const startTimer = setTimeout(() => store.start(), 0);
    const reconnect = () => store.reconnectNow();
    const reconnectWhenVisible = () => {
      if (document.visibilityState === 'visible') store.reconnectNow();
    };
    window.addEventListener('online', reconnect);
    document.addEventListener('visibilitychange', reconnectWhenVisible);
    return () => {
      clearTimeout(startTimer);
      window.removeEventListener('online', reconnect);
      document.removeEventListener('visibilitychange', reconnectWhenVisible);
      store.stop();
    };
  }, [store]);

  return store;
}
