import type { ConversationSummary, Member } from '@parley/api/protocol';
import { useEffect, useMemo, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { listInboxMembers } from '../api/routing-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { describeAvailability, type MemberAvailability, selectAssignableMembers } from '../realtime/team-state.ts';
import { TeammateAvatar } from '../ui/avatar-teammate.tsx';
import { CheckIcon, ChevronDownIcon, UndoIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { useRadioMenu } from './use-radio-menu.ts';
import '../shell/presence.css';
import './assign.css';

const AVAILABILITY_LABELS: Record<MemberAvailability, string> = {
  online: 'Online',
  away: 'Away',
  offline: 'Offline',
};

interface AssignMenuProps {
  summary: ConversationSummary;
  onError(message: string | null): void;
}

type InboxMembersState = { status: 'loading' } | { status: 'loaded'; userIds: readonly string[] } | { status: 'error' };

/**
 * The conversation's assignee as a menu button: "Assign to…" lists the members who answer its inbox
 * (with online / away), and "Hand back to queue" returns it. Keyboard: Enter/Space/↓ opens, ↑/↓/Home/End
 * move, Enter picks, Escape closes and returns focus to the button.
 */
export function AssignMenu({ summary, onError }: AssignMenuProps) {
  const store = useConsoleStore();
  const { me } = useAppData();
  const { team, connection } = useConsoleSnapshot();
  const [busy, setBusy] = useState<'assign' | 'hand_back' | null>(null);
  const [inboxMembers, setInboxMembers] = useState<InboxMembersState>({ status: 'loading' });
  const isTeamReady = team.status === 'loaded';
  const { isOpen, setIsOpen, close, menuId, buttonRef, menuRef, rootRef, handleButtonKeyDown, handleMenuKeyDown } =
    useRadioMenu(isTeamReady);
  const { id: conversationId, assignee, inboxId, status } = summary;
  const isOpenConversation = status === 'open';

  const isLive = connection === 'live';
  const members = useMemo(() => {
    // This console's own socket is live even when the members were read a moment before presence saw it.
    // A deactivated member cannot be given a conversation (the api answers member/not_found).
    const known = team.members
      .filter((member) => member.deactivatedAt === null)
      .map((member) => (member.userId === me.user.id && isLive ? { ...member, isOnline: true } : member));
    return selectAssignableMembers(known, me.user.id, inboxMembers.status === 'loaded' ? inboxMembers.userIds : null);
  }, [team.members, me.user.id, inboxMembers, isLive]);

  // Fresh presence and the inbox's answering agents every time the menu opens.
  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    void store.loadMembers();
    listInboxMembers(inboxId).then(
      ({ userIds }) => isCurrent && setInboxMembers({ status: 'loaded', userIds }),
      () => isCurrent && setInboxMembers((current) => (current.status === 'loaded' ? current : { status: 'error' })),
    );
    return () => {
      isCurrent = false;
    };
  }, [isOpen, store, inboxId]);

  async function assignTo(member: Member) {
    close();
    if (member.userId === assignee?.id) return;
    setBusy('assign');
    onError(null);
    try {
      await store.assign(conversationId, member.userId);
    } catch (error) {
      onError(describeAssignError(error, member.name));
    } finally {
      setBusy(null);
    }
  }

  async function handBack() {
    close();
    setBusy('hand_back');
    onError(null);
    try {
      await store.handBack(conversationId);
    } catch (error) {
      onError(isApiError(error) ? error.message : 'Could not hand the conversation back. Try again.');
    } finally {
      setBusy(null);
    }
  }

  if (!isOpenConversation) {
    // A resolved conversation keeps its last assignee; replying reopens it and it can be assigned again.
    return (
      <span className="conversation__assignee">
        {assignee ? <TeammateAvatar id={assignee.id} name={assignee.name} size="sm" /> : null}
        <span className={assignee ? undefined : 'muted'} data-testid="conversation-assignee">
          {assignee ? assignee.name : 'Unassigned'}
        </span>
      </span>
    );
  }

  const label = busy === 'hand_back' ? 'Handing back…' : assignee ? assignee.name : 'Unassigned';
  return (
    <div className="assign" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="assign__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        title="Assign to…"
        onClick={() => setIsOpen((open) => !open)}
        onKeyDown={handleButtonKeyDown}
        disabled={busy !== null || connection !== 'live'}
        data-testid="assign-button"
      >
        {busy ? (
          <Spinner size="sm" />
        ) : assignee ? (
          <TeammateAvatar id={assignee.id} name={assignee.name} size="sm" />
        ) : null}
        {/* Named by the words it shows (WCAG 2.5.3), not the initials; the title is its description. */}
        {assignee && busy !== 'hand_back' ? <span className="visually-hidden">Assigned to </span> : null}
        <span className={`assign__label${assignee ? '' : ' assign__label--none'}`} data-testid="conversation-assignee">
          {label}
        </span>
        <ChevronDownIcon size={14} className="assign__chevron" />
      </button>

      {isOpen ? (
        <div
          ref={menuRef}
          id={menuId}
          className="menu assign__menu"
          role="menu"
          aria-label="Assign to"
          onKeyDown={handleMenuKeyDown}
          data-testid="assign-menu"
        >
          <p className="menu__heading" aria-hidden="true">
            Assign to
          </p>
          {team.status !== 'loaded' && team.members.length === 0 ? (
            team.status === 'error' ? (
              <p className="menu__note">Could not load your team. Close the menu and try again.</p>
            ) : (
              <p className="menu__note">
                <Spinner size="sm" /> Loading your team…
              </p>
            )
          ) : members.length === 0 ? (
            <p className="menu__note">
              Nobody answers this inbox yet. An owner or admin can add agents in the settings.
            </p>
          ) : (
            <div className="menu__group">
              {members.map((member) => {
                const availability = describeAvailability(member);
                const isCurrent = member.userId === assignee?.id;
                const isMe = member.userId === me.user.id;
                return (
                  <button
                    key={member.userId}
                    type="button"
                    role="menuitemradio"
                    aria-checked={isCurrent}
                    tabIndex={-1}
                    className="menu__item assign__member"
                    onClick={() => void assignTo(member)}
                    data-testid="assign-option"
                    data-user-id={member.userId}
                    data-availability={availability}
                  >
                    <span className="assign__avatar">
                      <TeammateAvatar id={member.userId} name={member.name} size="sm" />
                      <span className={`presence-dot presence-dot--${availability} assign__dot`} aria-hidden="true" />
                    </span>
                    <span className="assign__member-text">
                      <span className="assign__member-name">
                        {member.name}
                        {isMe ? <span className="assign__you"> (you)</span> : null}
                      </span>
                      <span className={`assign__availability assign__availability--${availability}`}>
                        {AVAILABILITY_LABELS[availability]}
                      </span>
                    </span>
                    {isCurrent ? <CheckIcon size={16} className="assign__check" /> : null}
                  </button>
                );
              })}
            </div>
          )}
          {assignee ? (
            <>
              <hr className="menu__separator" />
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu__item"
                onClick={() => void handBack()}
                data-testid="hand-back"
              >
                <UndoIcon size={16} />
                <span className="assign__member-text">
                  <span className="assign__member-name">Hand back to queue</span>
                  <span className="assign__availability">Someone else gets it, if anyone can take it</span>
                </span>
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function describeAssignError(error: unknown, name: string): string {
  if (isApiError(error, 'member/not_found')) return `${name} does not answer this inbox, so it cannot go to them.`;
  if (isApiError(error, 'conversation/resolved')) return 'Only an open conversation can be assigned.';
  if (isApiError(error)) return error.message;
  return 'Could not assign the conversation. Try again.';
}
