import type { Member, Role } from '@parley/api/protocol';
import { Avatar } from '../ui/avatar.tsx';
import { describePresence, PRESENCE_LABELS, ROLE_LABELS } from './people.ts';

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge role-badge role-badge--${role}`}>{ROLE_LABELS[role]}</span>;
}

/** A coloured dot and the word, so the state never rests on colour alone. */
export function PresenceBadge({ member }: { member: Pick<Member, 'isOnline' | 'isAway'> }) {
  const presence = describePresence(member);
  return (
    <span className={`presence presence--${presence}`} data-presence={presence}>
      <span className="presence__dot" aria-hidden="true" />
      {PRESENCE_LABELS[presence]}
    </span>
  );
}

/** A member's avatar, name (with "you" for the one signed in) and email, as every settings list shows them. */
export function PersonLabel({
  member,
  isYou,
  avatarSize = 'sm',
}: {
  member: Pick<Member, 'userId' | 'name' | 'email' | 'avatarUrl'>;
  isYou: boolean;
  avatarSize?: 'sm' | 'md';
}) {
  return (
    <>
      <Avatar id={member.userId} name={member.name} size={avatarSize} imageUrl={member.avatarUrl} />
      <span className="person">
        <span className="person__name">
          {member.name}
          {isYou ? <span className="person__you">you</span> : null}
        </span>
        <span className="person__email">{member.email}</span>
      </span>
    </>
  );
}
