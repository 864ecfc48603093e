import { DEFAULT_PREFERENCES, type Preferences } from '@parley/api/protocol';
import { useSyncExternalStore } from 'react';
import { requestJson } from '../api/http.ts';

// The signed-in agent's notification preferences, shared by the notifier and the profile page, so a saved
// change applies at once. Until the first read answers, the defaults.
let current: Preferences = DEFAULT_PREFERENCES;
const listeners = new Set<() => void>();

export function getPreferences(): Preferences {
  return current;
}

export function setPreferences(next: Preferences): void {
  current = next;
  for (const listener of listeners) listener();
}

export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences);
}

export function fetchPreferences(): Promise<Preferences> {
  return requestJson<Preferences>('GET', '/v1/me/preferences');
}

export function savePreferences(preferences: Preferences): Promise<Preferences> {
  return requestJson<Preferences>('PUT', '/v1/me/preferences', preferences);
}

/** Reads them once after sign-in; a failure keeps the defaults. */
export async function loadPreferencesOnce(): Promise<void> {
  try {
    setPreferences(await fetchPreferences());
  } catch {
    // The defaults are a safe fallback; the profile page shows its own error.
  }
}
