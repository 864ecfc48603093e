import type { Inbox } from '@parley/api/protocol';
import { useEffect, useId, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { listInboxes } from '../api/endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { countViews, LIST_VIEWS, type ListView, listAssignees, parseListOptions, withListParam } from './list-views.ts';
import { TeamViewsBar } from './team-views-bar.tsx';
import './status-controls.css';

interface ListViewsBarProps {
  view: ListView;
  selectedId: string | null;
}

/** The views with live counts (Open, Mine, Unassigned, Pending, Snoozed, Resolved, All), then inbox, assignee and sort. */
export function ListViewsBar({ view, selectedId }: ListViewsBarProps) {
  const store = useConsoleStore();
  const { me } = useAppData();
  const { cache } = useConsoleSnapshot();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const [inboxes, setInboxes] = useState<Inbox[]>([]);
  const options = parseListOptions(searchParams);
  const counts = useMemo(() => countViews(cache, me.user.id), [cache, me.user.id]);
  const assignees = useMemo(
    () => listAssignees([...cache.conversations.values()].map((entry) => entry.summary)),
    [cache],
  );
  const ids = { inbox: useId(), assignee: useId(), sort: useId() };
  const pathname = selectedId ? `/conversations/${selectedId}` : '/conversations';

  // Counts cover every status: the newest conversations of all of them are read once.
  useEffect(() => {
    void store.loadList('all');
    void listInboxes().then(
      (list) => setInboxes(list.inboxes),
      () => {},
    );
  }, [store]);

  const change = (name: 'inbox' | 'assignee' | 'sort', value: string | null) =>
    navigate({ pathname, search: withListParam(searchParams, name, value) }, { replace: true });

  return (
    <>
      <nav aria-label="Conversation views">
        <ul className="view-chips">
          {LIST_VIEWS.map((option) => (
            <li key={option.value}>
              <Link
                to={{
                  pathname,
                  search: withListParam(searchParams, 'status', option.value === 'open' ? null : option.value),
                }}
                className="view-chip"
                aria-current={option.value === view ? 'page' : undefined}
                data-testid={`filter-${option.value}`}
                replace
              >
                {option.label}
                {option.value !== 'all' && option.value !== 'resolved' ? (
                  <span className="view-chip__count" data-testid={`count-${option.value}`}>
                    {counts[option.value]}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <TeamViewsBar view={view} pathname={pathname} />
      <div className="list-options">
        <label className="visually-hidden" htmlFor={ids.inbox}>
          Inbox
        </label>
        <select
          id={ids.inbox}
          className="label-filter__select"
          value={options.inboxId ?? ''}
          onChange={(event) => change('inbox', event.target.value || null)}
          data-testid="inbox-filter"
        >
          <option value="">Any inbox</option>
          {inboxes.map((inbox) => (
            <option key={inbox.id} value={inbox.id}>
              {inbox.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={ids.assignee}>
          Assignee
        </label>
        <select
          id={ids.assignee}
          className="label-filter__select"
          value={options.assigneeId ?? ''}
          onChange={(event) => change('assignee', event.target.value || null)}
          data-testid="assignee-filter"
        >
          <option value="">Anyone</option>
          <option value="none">Nobody</option>
          {assignees.map((assignee) => (
            <option key={assignee.id} value={assignee.id}>
              {assignee.id === me.user.id ? `${assignee.name} (you)` : assignee.name}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={ids.sort}>
          Sort
        </label>
        <select
          id={ids.sort}
          className="label-filter__select list-options__sort"
          value={options.sort}
          onChange={(event) => change('sort', event.target.value === 'waiting' ? 'waiting' : null)}
          data-testid="sort-select"
        >
          <option value="newest">Sort: newest first</option>
          <option value="waiting">Sort: waiting longest</option>
        </select>
      </div>
    </>
  );
}
