import type { Inbox } from '@parley/api/protocol';
import { type FormEvent, useState } from 'react';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { isApiError } from '../api/http.ts';
import { useAppData } from '../app/use-app-data.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { Field } from '../ui/field.tsx';
import { LockIcon, PlusIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { createInbox } from './inbox-list-api.ts';
import { canManageRouting } from './routing-settings-form.ts';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';
import './appearance.css';

export function InboxListPage() {
  const { inboxes } = useLoaderData() as { inboxes: Inbox[] };
  const { me } = useAppData();
  const canCreate = canManageRouting(me.role);
  return (
    <main className="page settings">
      <SettingsHeader
        title="Inboxes"
        lead="One inbox per site or brand: each has its own site key, allowed origins, appearance and pre-chat form."
      />
      <div className="settings__sections">
        {canCreate ? (
          <NewInboxForm />
        ) : (
          <section className="card settings-card" aria-labelledby="new-inbox-locked-title">
            <div className="settings-card__header">
              <h2 className="settings-card__title" id="new-inbox-locked-title">
                New inbox
              </h2>
              <p className="settings-card__description">
                Another site or brand gets an inbox of its own. You can open each one&rsquo;s settings below.
              </p>
            </div>
            <div className="settings-card__footer settings-card__footer--readonly">
              <span className="read-only-note">
                <LockIcon size={14} /> Only owners and admins can create inboxes.
              </span>
            </div>
          </section>
        )}
        {inboxes.length === 0 ? (
          <EmptyState title="No inboxes yet">Create one to install the chat widget on a site.</EmptyState>
        ) : (
          <ul className="card inbox-list" data-testid="inbox-list">
            {inboxes.map((inbox) => (
              <li key={inbox.id} className="inbox-list__item" data-testid="inbox-list-item">
                <span className="inbox-list__swatch" style={{ background: inbox.appearance.color ?? '#4f46e5' }} />
                <span className="inbox-list__text">
                  <span className="inbox-list__name">{inbox.name}</span>
                  <span className="inbox-list__meta">
                    <code>{inbox.siteKey}</code> ·{' '}
                    {inbox.allowedOrigins.length === 0
                      ? 'no sites allowed yet'
                      : inbox.allowedOrigins.length === 1
                        ? '1 site'
                        : `${inbox.allowedOrigins.length} sites`}
                    {inbox.appearance.preChatForm?.enabled ? ' · pre-chat form' : ''}
                  </span>
                </span>
                <Link
                  className="btn btn--ghost btn--sm"
                  to={`/settings/inbox?inbox=${inbox.id}`}
                  aria-label={`Settings of ${inbox.name}: sites, snippet, routing`}
                  data-testid="inbox-list-settings"
                >
                  Settings
                </Link>
                <Link
                  className="btn btn--secondary btn--sm"
                  to={`/settings/inboxes/${inbox.id}/appearance`}
                  aria-label={`Appearance of ${inbox.name}`}
                >
                  Appearance
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}

function NewInboxForm() {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setError('Give the inbox a name, for example the site it is for.');
      return;
    }
    setIsSaving(true);
    try {
      const inbox = await createInbox({ name: name.trim() });
      navigate(`/settings/inboxes/${inbox.id}/appearance`);
    } catch (caught) {
      setError(isApiError(caught) ? caught.message : 'Could not create the inbox. Try again.');
      setIsSaving(false);
    }
  }

  return (
    <form className="card settings-card new-inbox" onSubmit={submit} noValidate>
      <div>
        <h2 className="settings-card__title">New inbox</h2>
        <p className="settings-card__description">
          It gets its own site key and snippet. Add the sites allowed to show it in its inbox settings.
        </p>
      </div>
      <div className="new-inbox__row">
        <Field
          label="Name"
          value={name}
          maxLength={100}
          placeholder="Docs site"
          error={error}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          data-testid="new-inbox-name"
        />
        <button type="submit" className="btn btn--primary" disabled={isSaving} data-testid="new-inbox-create">
          {isSaving ? <Spinner size="sm" /> : <PlusIcon size={16} />}
          New inbox
        </button>
      </div>
    </form>
  );
}
