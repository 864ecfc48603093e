import type { ContactDetail } from '@parley/api/protocol';
import { type FormEvent, useId, useState } from 'react';
import { Field } from '../ui/field.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { updateContact } from './contact-endpoints.ts';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface ContactDetailsCardProps {
  contact: ContactDetail;
  onSaved(contact: ContactDetail): void;
}

/** Name and email, edited in place; the verified user id is shown, never edited (only the site's hash sets it). */
export function ContactDetailsCard({ contact, onSaved }: ContactDetailsCardProps) {
  const titleId = useId();
  const [isEditing, setIsEditing] = useState(false);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  function startEditing() {
    setName(contact.name ?? '');
    setEmail(contact.email ?? '');
    setError(null);
    setEmailError(null);
    setIsEditing(true);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmedEmail = email.trim();
    if (trimmedEmail && !EMAIL_PATTERN.test(trimmedEmail)) {
      setEmailError('Enter an email address like name@example.com.');
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      const saved = await updateContact(contact.id, { name: name.trim() || null, email: trimmedEmail || null });
      onSaved(saved);
      setIsEditing(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Could not save. Try again.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <section className="card contact-card" aria-labelledby={titleId} data-testid="contact-details">
      <header className="contact-card__header">
        <h2 className="contact-card__title" id={titleId}>
          Details
        </h2>
        {isEditing ? null : (
          <button type="button" className="btn btn--ghost btn--sm" onClick={startEditing} data-testid="contact-edit">
            Edit
          </button>
        )}
      </header>
      {isEditing ? (
        <form className="contact-form" onSubmit={handleSubmit} noValidate>
          <Field
            label="Name"
            value={name}
            maxLength={100}
            onChange={(event) => setName(event.target.value)}
            autoFocus
            data-testid="contact-name-input"
          />
          <Field
            label="Email"
            type="email"
            value={email}
            maxLength={254}
            error={emailError}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailError(null);
            }}
            data-testid="contact-email-input"
          />
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="contact-form__actions">
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              onClick={() => setIsEditing(false)}
              disabled={isSaving}
            >
              Cancel
            </button>
            <button type="submit" className="btn btn--primary btn--sm" disabled={isSaving} data-testid="contact-save">
              {isSaving ? <Spinner size="sm" /> : null}
              Save
            </button>
          </div>
        </form>
      ) : (
        <dl className="contact-facts">
          <dt>Name</dt>
          <dd data-testid="contact-name">{contact.name ?? <span className="contact-facts__none">Not given</span>}</dd>
          <dt>Email</dt>
          <dd data-testid="contact-email">{contact.email ?? <span className="contact-facts__none">Not given</span>}</dd>
          <dt>Site user id</dt>
          <dd>
            {contact.externalId ? (
              <code className="contact-facts__code">{contact.externalId}</code>
            ) : (
              <span className="contact-facts__none">Anonymous visitor</span>
            )}
          </dd>
          <dt>First seen</dt>
          <dd>{new Date(contact.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
          <dt>Last seen</dt>
          <dd>{new Date(contact.lastSeenAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        </dl>
      )}
    </section>
  );
}
