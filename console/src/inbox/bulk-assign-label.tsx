import type { BulkAction } from '@parley/api/protocol';
import { useEffect, useMemo } from 'react';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { describeAvailability, selectAssignableMembers } from '../realtime/team-state.ts';
import { useWorkspaceLabels } from './label-store.ts';
import { useWorkspaceTeams } from './use-workspace-teams.ts';

const NO_TEAM = 'none';
const AVAILABILITY_WORDS = { online: 'online', away: 'away', offline: 'offline' } as const;

interface BulkAssignLabelProps {
  busy: boolean;
  run(action: BulkAction, verb: string): void;
}

/** "Assign to…" (teammates with their presence), "Team…" and "Label…" (add or remove) for the selection. */
export function BulkAssignLabel({ busy, run }: BulkAssignLabelProps) {
  const store = useConsoleStore();
  const { me } = useAppData();
  const { team } = useConsoleSnapshot();
  const labels = useWorkspaceLabels();
  const { teams } = useWorkspaceTeams();
  const members = useMemo(
    () =>
      selectAssignableMembers(
        team.members.filter((member) => member.deactivatedAt === null),
        me.user.id,
        null,
      ),
    [team.members, me.user.id],
  );

  useEffect(() => {
    void store.loadMembers();
  }, [store]);

  return (
    <>
      <select
        className="label-filter__select"
        aria-label="Assign selected to"
        value=""
        disabled={busy || members.length === 0}
        onChange={(event) => {
          if (event.target.value) run({ type: 'assign', assigneeId: event.target.value }, 'assigned');
        }}
        data-testid="bulk-assign"
      >
        <option value="">Assign to…</option>
        {members.map((member) => (
          <option key={member.userId} value={member.userId}>
            {member.userId === me.user.id ? `${member.name} (you)` : member.name} ·{' '}
            {AVAILABILITY_WORDS[describeAvailability(member)]}
          </option>
        ))}
      </select>
      <select
        className="label-filter__select"
        aria-label="Move selected to team"
        value=""
        disabled={busy || teams.length === 0}
        onChange={(event) => {
          const { value } = event.target;
          if (value) run({ type: 'team', teamId: value === NO_TEAM ? null : value }, 'moved');
        }}
        data-testid="bulk-team"
      >
        <option value="">Team…</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
        <option value={NO_TEAM}>No team</option>
      </select>
      <select
        className="label-filter__select"
        aria-label="Label selected"
        value=""
        disabled={busy || labels.length === 0}
        onChange={(event) => {
          const [change, labelId] = event.target.value.split(':');
          if ((change === 'add' || change === 'remove') && labelId)
            run({ type: 'label', labelId, change }, change === 'add' ? 'labelled' : 'unlabelled');
        }}
        data-testid="bulk-label"
      >
        <option value="">Label…</option>
        <optgroup label="Add label">
          {labels.map((label) => (
            <option key={label.id} value={`add:${label.id}`}>
              + {label.name}
            </option>
          ))}
        </optgroup>
        <optgroup label="Remove label">
          {labels.map((label) => (
            <option key={label.id} value={`remove:${label.id}`}>
              − {label.name}
            </option>
          ))}
        </optgroup>
      </select>
    </>
  );
}
