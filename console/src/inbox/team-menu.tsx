import type { ConversationSummary, Team } from '@parley/api/protocol';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { CheckIcon, ChevronDownIcon, UsersIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { setConversationTeam } from './team-endpoint.ts';
import { useRadioMenu } from './use-radio-menu.ts';
import { refreshWorkspaceTeams, useWorkspaceTeams } from './use-workspace-teams.ts';
import './assign.css';

interface TeamMenuProps {
  summary: ConversationSummary;
  onError(message: string | null): void;
}

/**
 * The conversation's team as a menu button, next to the assignee: pick a team or "No team". An assignee
 * outside the new team loses the conversation to the team's queue (the api decides and tells everyone).
 * Keyboard as in the assign menu: Enter/Space/↓ opens, ↑/↓/Home/End move, Enter picks, Escape closes.
 */
export function TeamMenu({ summary, onError }: TeamMenuProps) {
  const { status, teams } = useWorkspaceTeams();
  const [busyTeamId, setBusyTeamId] = useState<string | null | undefined>(undefined);
  const { id: conversationId } = summary;
  const teamId = summary.teamId ?? null;
  const current = teams.find((team) => team.id === teamId);
  const isBusy = busyTeamId !== undefined;
  const isLoaded = status === 'loaded';
  const { isOpen, setIsOpen, close, menuId, buttonRef, menuRef, rootRef, handleButtonKeyDown, handleMenuKeyDown } =
    useRadioMenu(isLoaded);

  useEffect(() => {
    if (isOpen) void refreshWorkspaceTeams();
  }, [isOpen]);

  async function moveTo(team: Team | null) {
    close();
    if ((team?.id ?? null) === teamId) return;
    setBusyTeamId(team?.id ?? null);
    onError(null);
    try {
      await setConversationTeam(conversationId, team?.id ?? null);
    } catch (error) {
      onError(
        isApiError(error, 'team/not_found')
          ? `${team?.name ?? 'That team'} no longer exists.`
          : isApiError(error)
            ? error.message
            : 'Could not change the team. Try again.',
      );
    } finally {
      setBusyTeamId(undefined);
    }
  }

  const shownName = isBusy
    ? (teams.find((team) => team.id === busyTeamId)?.name ?? 'No team')
    : (current?.name ?? (teamId ? 'A team' : 'No team'));
  return (
    <div className="assign" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="assign__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        title="Move to a team…"
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={handleButtonKeyDown}
        disabled={isBusy}
        data-testid="team-button"
      >
        {isBusy ? <Spinner size="sm" /> : <UsersIcon size={16} className="assign__chevron" />}
        <span className="visually-hidden">Team: </span>
        <span className={`assign__label${teamId ? '' : ' assign__label--none'}`} data-testid="conversation-team">
          {shownName}
        </span>
        <ChevronDownIcon size={14} className="assign__chevron" />
      </button>

      {isOpen ? (
        <div
          ref={menuRef}
          id={menuId}
          className="menu assign__menu"
          role="menu"
          aria-label="Move to team"
          onKeyDown={handleMenuKeyDown}
          data-testid="team-menu"
        >
          <p className="menu__heading" aria-hidden="true">
            Team
          </p>
          {status !== 'loaded' && teams.length === 0 ? (
            <p className="menu__note">
              {status === 'error' ? (
                'Could not load the teams. Close the menu and try again.'
              ) : (
                <>
                  <Spinner size="sm" /> Loading teams…
                </>
              )}
            </p>
          ) : null}
          <div className="menu__group">
            <TeamItem
              name="No team"
              detail="Anyone who answers the inbox"
              isCurrent={teamId === null}
              onPick={() => void moveTo(null)}
            />
            {teams.map((team) => (
              <TeamItem
                key={team.id}
                name={team.name}
                detail={describeMembers(team.memberIds.length)}
                isCurrent={team.id === teamId}
                teamId={team.id}
                onPick={() => void moveTo(team)}
              />
            ))}
          </div>
          {isLoaded && teams.length === 0 ? (
            <p className="menu__note">No teams yet. An owner or admin can create them in the settings.</p>
          ) : (
            <p className="menu__note assign__availability">
              The assignee keeps it if they are in the team; otherwise it goes to the team’s queue.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}

interface TeamItemProps {
  name: string;
  detail: string;
  isCurrent: boolean;
  teamId?: string;
  onPick(): void;
}

function TeamItem({ name, detail, isCurrent, teamId, onPick }: TeamItemProps) {
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={isCurrent}
      tabIndex={-1}
      className="menu__item"
      onClick={onPick}
      data-testid="team-option"
      data-team-id={teamId ?? ''}
    >
      <UsersIcon size={16} />
      <span className="assign__member-text">
        <span className="assign__member-name">{name}</span>
        <span className="assign__availability">{detail}</span>
      </span>
      {isCurrent ? <CheckIcon size={16} className="assign__check" /> : null}
    </button>
  );
}

function describeMembers(count: number): string {
  return count === 0 ? 'No members yet' : count === 1 ? '1 member' : `${count} members`;
}
