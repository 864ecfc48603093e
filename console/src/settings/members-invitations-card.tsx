import type { Invitation } from '@parley/api/protocol';
import { useState } from 'react';
import { useNow } from '../lib/use-now.ts';
import { Spinner } from '../ui/spinner.tsx';
import { RoleBadge } from './member-badges.tsx';
import { revokeInvitation } from './members-api.ts';
import { describeExpiry } from './members-permissions.ts';
import { describeSaveError } from './save-footer.tsx';

interface InvitationsCardProps {
  invitations: Invitation[];
  onRevoked(invitation: Invitation): void;
}

/** Who was invited and has not joined yet; a link can be revoked (inviting the address again makes a new one). */
export function InvitationsCard({ invitations, onRevoked }: InvitationsCardProps) {
  const now = useNow().getTime();
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);

  async function handleRevoke(invitation: Invitation) {
    setRevokingId(invitation.id);
    setError(null);
    try {
      await revokeInvitation(invitation.id);
      onRevoked(invitation);
    } catch (caught) {
      setError({ id: invitation.id, message: describeSaveError(caught) });
    } finally {
      setRevokingId(null);
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="invitations-title" data-testid="invitations-card">
      <div className="settings-card__header">
        <h2 className="settings-card__title" id="invitations-title">
          Pending invitations
        </h2>
        <p className="settings-card__description">
          {invitations.length === 0
            ? 'Nobody is waiting to join. Invitations you create show here until they are accepted.'
            : 'Links that have not been used yet. Revoke one to stop it working; invite the address again for a new link.'}
        </p>
      </div>
      {invitations.length > 0 ? (
        <ul className="invitation-list">
          {invitations.map((invitation) => {
            const expiry = describeExpiry(invitation.expiresAt, now);
            const isRevoking = revokingId === invitation.id;
            return (
              <li
                key={invitation.id}
                className="invitation-row"
                data-testid="invitation-row"
                data-invitation-id={invitation.id}
              >
                <span className="invitation-row__text">
                  <span className="invitation-row__email" data-testid="invitation-email">
                    {invitation.email}
                  </span>
                  <span className="invitation-row__meta">
                    {invitation.invitedBy ? `Invited by ${invitation.invitedBy.name} · ` : ''}
                    <span className={expiry === 'expired' ? 'invitation-row__expired' : undefined}>
                      {expiry === 'expired' ? 'Expired' : expiry}
                    </span>
                  </span>
                  {error?.id === invitation.id ? (
                    <span className="field__error" role="alert">
                      {error.message}
                    </span>
                  ) : null}
                </span>
                <RoleBadge role={invitation.role} />
                <button
                  type="button"
                  className="btn btn--secondary btn--sm"
                  onClick={() => void handleRevoke(invitation)}
                  disabled={isRevoking}
                  aria-label={`Revoke the invitation of ${invitation.email}`}
                  data-testid="invitation-revoke"
                >
                  {isRevoking ? <Spinner size="sm" /> : null}
                  Revoke
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
