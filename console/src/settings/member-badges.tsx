import type { Member, Role } from '@parley/api/protocol';
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
