import type { Team } from '@parley/api/protocol';
import { useEffect, useSyncExternalStore } from 'react';
import { listTeams } from '../api/settings-endpoints.ts';

// The workspace's teams, read once and shared by the header's team menu and the bulk bar; `refresh`
// reads them again (when a menu opens, so a team created meanwhile shows up).

export type TeamsState =
  | { status: 'loading' | 'error'; teams: readonly Team[] }
  | { status: 'loaded'; teams: readonly Team[] };

let state: TeamsState = { status: 'loading', teams: [] };
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function setState(next: TeamsState) {
  state = next;
  for (const listener of listeners) listener();
}

export function refreshWorkspaceTeams(): Promise<void> {
  inFlight ??= listTeams()
    .then(
      ({ teams }) => setState({ status: 'loaded', teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)) }),
      () => setState({ status: state.status === 'loaded' ? 'loaded' : 'error', teams: state.teams }),
    )
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The teams by name; loads them on first use. */
export function useWorkspaceTeams(): TeamsState {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (state.status !== 'loaded') void refreshWorkspaceTeams();
  }, []);
  return current;
}
