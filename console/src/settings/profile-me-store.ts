import type { Me } from '@parley/api/protocol';
import { useSyncExternalStore } from 'react';

// The app route loads Me once and never revalidates; what the profile page changes (name, picture) is kept
// here so the sidebar and every other reader show it at once.
interface ProfileChanges {
  name?: string;
  /** null: removed. */
  avatarUrl?: string | null;
}

let changes: ProfileChanges = {};
const listeners = new Set<() => void>();

export function rememberProfileChange(change: ProfileChanges): void {
  changes = { ...changes, ...change };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyProfileChanges(me: Me, current: ProfileChanges): Me {
  if (current.name === undefined && current.avatarUrl === undefined) return me;
  const { avatarUrl: loadedAvatar, ...user } = me.user;
  const avatarUrl = current.avatarUrl === undefined ? loadedAvatar : (current.avatarUrl ?? undefined);
  return {
    ...me,
    user: { ...user, name: current.name ?? me.user.name, ...(avatarUrl ? { avatarUrl } : {}) },
  };
}

/** The signed-in agent with the changes made since the app loaded. */
export function useLiveMe(me: Me): Me {
  const current = useSyncExternalStore(subscribe, () => changes);
  return applyProfileChanges(me, current);
}
