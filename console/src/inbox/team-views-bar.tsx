import type { Team } from '@parley/api/protocol';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listTeams } from '../api/settings-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import type { ListView } from './list-views.ts';
import { withListParam } from './list-views.ts';
import { countTeamViews } from './team-views.ts';

interface TeamViewsBarProps {
  view: ListView;
  pathname: string;
}

/** "Any team", then one chip per team of the workspace with its live count in the current view. */
export function TeamViewsBar({ view, pathname }: TeamViewsBarProps) {
  const { me } = useAppData();
  const { cache } = useConsoleSnapshot();
  const [searchParams] = useSearchParams();
  const [teams, setTeams] = useState<Team[]>([]);
  const current = searchParams.get('team');
  const views = useMemo(() => countTeamViews(cache, teams, view, me.user.id), [cache, teams, view, me.user.id]);

  useEffect(() => {
    void listTeams().then(
      (list) => setTeams(list.teams),
      () => {},
    );
  }, []);

  if (teams.length === 0) return null;
  return (
    <nav aria-label="Team views" data-testid="team-views">
      <ul className="view-chips view-chips--teams">
        <li>
          <Link
            to={{ pathname, search: withListParam(searchParams, 'team', null) }}
            className="view-chip"
            aria-current={current === null ? 'page' : undefined}
            data-testid="team-any"
            replace
          >
            Any team
          </Link>
        </li>
        {views.map((team) => (
          <li key={team.id}>
            <Link
              to={{ pathname, search: withListParam(searchParams, 'team', team.id) }}
              className="view-chip"
              aria-current={current === team.id ? 'page' : undefined}
              data-testid={`team-${team.name}`}
              replace
            >
              {team.name}
              <span className="view-chip__count" data-testid={`team-count-${team.name}`}>
                {team.count}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
