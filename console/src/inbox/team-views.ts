import type { Team } from '@parley/api/protocol';
import type { CacheState } from '../realtime/conversation-cache.ts';
import { type ListView, matchesView } from './list-views.ts';

export interface TeamView {
  id: string;
  name: string;
  /** Held conversations of this team in the current view; live with the cache. */
  count: number;
}

/** One view per team, by name, counting the team's conversations that the current view shows. */
export function countTeamViews(
  cache: CacheState,
  teams: readonly Pick<Team, 'id' | 'name'>[],
  view: ListView,
  myUserId: string,
): TeamView[] {
  const counts = new Map<string, number>(teams.map((team) => [team.id, 0]));
  for (const { summary } of cache.conversations.values()) {
    const teamId = summary.teamId;
    if (teamId && counts.has(teamId) && matchesView(summary, view, myUserId))
      counts.set(teamId, (counts.get(teamId) ?? 0) + 1);
  }
  return [...teams]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((team) => ({ id: team.id, name: team.name, count: counts.get(team.id) ?? 0 }));
}
