import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConsoleSnapshot, ConsoleStore } from './console-store.ts';

export const ConsoleStoreContext = createContext<ConsoleStore | null>(null);

export function useConsoleStore(): ConsoleStore {
  const store = useContext(ConsoleStoreContext);
  if (!store) throw new Error('useConsoleStore needs a ConsoleStoreContext provider (the app shell)');
  return store;
}

export function useConsoleSnapshot(): ConsoleSnapshot {
  const store = useConsoleStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
