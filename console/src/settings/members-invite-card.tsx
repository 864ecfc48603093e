import type { CreatedInvitation, InvitedRole } from '@parley/api/protocol';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { useCopy } from '../lib/use-copy.ts';
import { Field } from '../ui/field.tsx';
import { CheckIcon, CopyIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { createInvitation } from './members-api.ts';
import { INVITE_ROLES } from './members-permissions.ts';
import { ROLE_LABELS } from './people.ts';
import { describeSaveError } from './save-footer.tsx';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const EMAIL_NOTES: Record<CreatedInvitation['email'], string> = {
  sent: 'We emailed this link too. It works once, for 7 days.',
  not_configured: 'Email is not set up on this server: send the link yourself. It works once, for 7 days.',
  failed: 'The email could not be sent: send the link yourself. It works once, for 7 days.',
};

/** "Invite member": an email and a role give a link to copy (and an email, when the server can send one). */
export function InviteCard({ onInvited }: { onInvited(created: CreatedInvitation): void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<InvitedRole>('agent');
  const [emailError, setEmailError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const roleId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = email.trim();
    if (!EMAIL_PATTERN.test(trimmed)) {
      setEmailError(
        trimmed ? 'Enter an email address like name@company.com.' : 'Enter the email of the person to invite.',
      );
      return;
    }
    setIsSending(true);
    setFormError(null);
    try {
      const answer = await createInvitation({ email: trimmed, role });
      setCreated(answer);
      setEmail('');
      onInvited(answer);
    } catch (error) {
      if (isApiError(error, 'invitation/already_member')) setEmailError(error.message);
      else setFormError(describeSaveError(error));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <section className="card settings-card" aria-labelledby="invite-title" data-testid="invite-card">
      <div className="settings-card__header">
        <h2 className="settings-card__title" id="invite-title">
          Invite member
        </h2>
        <p className="settings-card__description">
          The invitee gets a link to choose their name and password, and joins this workspace with the role you pick.
        </p>
      </div>
      <form className="invite-form" onSubmit={handleSubmit} noValidate>
        <div className="invite-form__email">
          <Field
            label="Email"
            type="email"
            inputMode="email"
            autoComplete="off"
            placeholder="name@company.com"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailError(null);
            }}
            error={emailError}
            data-testid="invite-email"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={roleId}>
            Role
          </label>
          <select
            id={roleId}
            className="select"
            value={role}
            onChange={(event) => setRole(event.target.value as InvitedRole)}
            data-testid="invite-role"
          >
            {INVITE_ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="btn btn--primary invite-form__submit"
          disabled={isSending}
          data-testid="invite-submit"
        >
          {isSending ? <Spinner size="sm" /> : null}
          Create invite link
        </button>
      </form>
      {formError ? (
        <p className="field__error" role="alert">
          {formError}
        </p>
      ) : null}
      {created ? <InviteLink key={created.invitation.id} created={created} /> : null}
    </section>
  );
}

function InviteLink({ created }: { created: CreatedInvitation }) {
  const { copyState, copy } = useCopy();
  const inputRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const handleCopy = () => copy(created.acceptUrl, () => inputRef.current?.select());

  // A new link takes the focus, selected, so it can be copied with the keyboard at once.
  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <div className="invite-link" data-testid="invite-link-panel">
      <label className="field__label" htmlFor={linkId}>
        Invite link for {created.invitation.email} ({ROLE_LABELS[created.invitation.role]})
      </label>
      <div className="invite-link__row">
        <input
          ref={inputRef}
          id={linkId}
          className="input invite-link__input"
          readOnly
          value={created.acceptUrl}
          onFocus={(event) => event.target.select()}
          data-testid="invite-link"
        />
        <button type="button" className="btn btn--secondary" onClick={handleCopy} data-testid="invite-copy">
          {copyState === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
          {copyState === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="field__hint" data-testid="invite-email-note" data-email={created.email}>
        {EMAIL_NOTES[created.email]}
      </p>
      <p className="visually-hidden" role="status">
        {copyState === 'copied' ? 'Link copied to the clipboard.' : null}
        {copyState === 'manual' ? 'Copying is blocked here: the link is selected, press Ctrl+C (⌘C on a Mac).' : null}
      </p>
    </div>
  );
}
