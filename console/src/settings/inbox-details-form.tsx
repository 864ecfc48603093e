import type { Inbox } from '@parley/api/protocol';
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import { updateInbox } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';
import { Field } from '../ui/field.tsx';
import { CheckIcon, CloseIcon, LockIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { normalizeOrigin } from './normalize-origin.ts';

interface InboxDetailsFormProps {
  inbox: Inbox;
  /** Owners and admins edit; agents see the saved values (the api refuses their changes). */
  canEdit: boolean;
  onSaved(inbox: Inbox): void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function InboxDetailsForm({ inbox, canEdit, onSaved }: InboxDetailsFormProps) {
  const [name, setName] = useState(inbox.name);
  const [origins, setOrigins] = useState<string[]>(inbox.allowedOrigins);
  const [newOrigin, setNewOrigin] = useState('');
  const [originError, setOriginError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const originInputId = useId();

  const isDirty = name !== inbox.name || origins.join('\n') !== inbox.allowedOrigins.join('\n');

  function markEdited() {
    if (saveState.kind === 'saved' || saveState.kind === 'error') setSaveState({ kind: 'idle' });
  }

  function addOrigin() {
    const result = normalizeOrigin(newOrigin);
    if (!result.ok) {
      setOriginError(result.error);
      return;
    }
    if (origins.includes(result.origin)) {
      setOriginError(`${result.origin} is already in the list.`);
      return;
    }
    setOrigins([...origins, result.origin]);
    setNewOrigin('');
    setOriginError(null);
    markEdited();
  }

  function removeOrigin(origin: string) {
    setOrigins(origins.filter((item) => item !== origin));
    markEdited();
  }

  function handleOriginKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addOrigin();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Give the inbox a name.');
      return;
    }
    setSaveState({ kind: 'saving' });
    try {
      const saved = await updateInbox(inbox.id, { name: name.trim(), allowedOrigins: origins });
      setName(saved.name);
      setOrigins(saved.allowedOrigins);
      onSaved(saved);
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'error', message: isApiError(error) ? error.message : 'Could not save. Try again.' });
    }
  }

  return (
    <form className="card settings-card" onSubmit={handleSubmit} noValidate>
      <div className="settings-card__header">
        <h2 className="settings-card__title">Inbox details</h2>
        <p className="settings-card__description">Agents see this name; visitors see it in the widget header.</p>
      </div>
      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <Field
          label="Inbox name"
          value={name}
          maxLength={100}
          onChange={(event) => {
            setName(event.target.value);
            setNameError(null);
            markEdited();
          }}
          error={nameError}
          data-testid="inbox-name"
        />

        <fieldset className="origins">
          <legend className="field__label">Allowed origins</legend>
          <p className="field__hint">
            The widget only loads on these sites. Add each address exactly as it appears in the browser, for example
            https://www.example.com.
          </p>
          {origins.length > 0 ? (
            <ul className="origins__list" data-testid="allowed-origins">
              {origins.map((origin) => (
                <li key={origin} className="origins__item">
                  <code className="origins__value">{origin}</code>
                  {canEdit ? (
                    <button
                      type="button"
                      className="icon-button icon-button--sm"
                      onClick={() => removeOrigin(origin)}
                      aria-label={`Remove ${origin}`}
                      title="Remove"
                    >
                      <CloseIcon size={14} />
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="origins__empty">No sites yet. The widget will not load anywhere until you add one.</p>
          )}
          {canEdit ? (
            <div className="origins__add">
              <label className="visually-hidden" htmlFor={originInputId}>
                Add an origin
              </label>
              <input
                id={originInputId}
                className="input"
                placeholder="https://www.example.com"
                value={newOrigin}
                onChange={(event) => {
                  setNewOrigin(event.target.value);
                  setOriginError(null);
                }}
                onKeyDown={handleOriginKeyDown}
                aria-invalid={originError ? true : undefined}
                aria-describedby={originError ? `${originInputId}-error` : undefined}
                inputMode="url"
                autoComplete="off"
                spellCheck={false}
                data-testid="origin-input"
              />
              <button type="button" className="btn btn--secondary" onClick={addOrigin} data-testid="origin-add">
                Add
              </button>
            </div>
          ) : null}
          {originError ? (
            <p className="field__error" id={`${originInputId}-error`}>
              {originError}
            </p>
          ) : null}
        </fieldset>
      </fieldset>

      {canEdit ? (
        <div className="settings-card__footer">
          <span className="save-status" role="status">
            {saveState.kind === 'saved' ? (
              <span className="save-status--ok">
                <CheckIcon size={16} /> Saved
              </span>
            ) : saveState.kind === 'error' ? (
              <span className="save-status--error">{saveState.message}</span>
            ) : isDirty ? (
              <span className="muted">Unsaved changes</span>
            ) : null}
          </span>
          <button
            type="submit"
            className="btn btn--primary"
            disabled={!isDirty || saveState.kind === 'saving'}
            data-testid="inbox-save"
          >
            {saveState.kind === 'saving' ? <Spinner size="sm" /> : null}
            {saveState.kind === 'saving' ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      ) : (
        <div className="settings-card__footer settings-card__footer--readonly">
          <span className="read-only-note" data-testid="inbox-details-read-only">
            <LockIcon size={14} /> Only owners and admins can change this.
          </span>
        </div>
      )}
    </form>
  );
}
