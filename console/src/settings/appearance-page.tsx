import type { Inbox } from '@parley/api/protocol';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { Link, useLoaderData } from 'react-router';
import { updateInbox } from '../api/endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { Field } from '../ui/field.tsx';
import { AlertIcon, ArrowLeftIcon } from '../ui/icons.tsx';
import { accentTextContrast } from './appearance-contrast.ts';
import { type AppearanceDraft, checkDraft, hasErrors, toAppearance, toDraft } from './appearance-form.ts';
import { PreChatBuilder } from './pre-chat-builder.tsx';
import { canManageRouting } from './routing-settings-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';
import { WidgetPreview } from './widget-preview.tsx';
import './settings.css';
import './appearance.css';

export function AppearancePage() {
  const { inbox: loaded } = useLoaderData() as { inbox: Inbox };
  const { me } = useAppData();
  const canEdit = canManageRouting(me.role);
  const [inbox, setInbox] = useState(loaded);
  const [draft, setDraft] = useState<AppearanceDraft>(() => toDraft(loaded.appearance));
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [showErrors, setShowErrors] = useState(false);
  const ids = useId();

  const appearance = useMemo(() => toAppearance(draft), [draft]);
  const errors = useMemo(() => checkDraft(draft), [draft]);
  const isDirty = JSON.stringify(appearance) !== JSON.stringify(toAppearance(toDraft(inbox.appearance)));
  const contrast = /^#[0-9a-fA-F]{6}$/.test(draft.color) ? accentTextContrast(draft.color) : null;
  const shownErrors = showErrors ? errors : { byField: {} };

  function update(change: (current: AppearanceDraft) => AppearanceDraft) {
    setDraft(change);
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  }
  const set = <K extends keyof AppearanceDraft>(key: K, value: AppearanceDraft[K]) =>
    update((current) => ({ ...current, [key]: value }));

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (hasErrors(errors)) {
      setShowErrors(true);
      setSaveState({ kind: 'error', message: 'Fix the fields marked below first.' });
      return;
    }
    setSaveState({ kind: 'saving' });
    try {
      const saved = await updateInbox(inbox.id, { appearance });
      setInbox(saved);
      setDraft(toDraft(saved.appearance));
      setShowErrors(false);
      setSaveState({ kind: 'saved' });
    } catch (error) {
      setSaveState({ kind: 'error', message: describeSaveError(error) });
    }
  }

  return (
    <main className="page settings appearance-page">
      <header className="page__header settings__header">
        <Link className="link-button link-button--muted appearance-page__back" to="/settings/inboxes">
          <ArrowLeftIcon size={16} /> All inboxes
        </Link>
        <h1 className="page__title">Appearance of {inbox.name}</h1>
        <p className="page__lead">
          How the chat looks on your site and what it asks before the first message. Its sites and snippet are in{' '}
          <Link to={`/settings/inbox?inbox=${inbox.id}`}>its inbox settings</Link>.
        </p>
      </header>
      <div className="appearance-page__layout">
        <form className="card settings-card appearance-form" onSubmit={save} noValidate data-testid="appearance-form">
          <fieldset className="settings-fieldset appearance-form__fields" disabled={!canEdit}>
            <legend className="settings-card__title">Look</legend>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-color`}>
                Colour
              </label>
              <div className="color-row">
                <input
                  type="color"
                  className="color-row__swatch"
                  value={contrast ? draft.color : '#000000'}
                  onChange={(event) => set('color', event.target.value)}
                  aria-label="Pick a colour"
                  data-testid="appearance-color-picker"
                />
                <input
                  id={`${ids}-color`}
                  className="input color-row__hex"
                  value={draft.color}
                  maxLength={7}
                  spellCheck={false}
                  aria-invalid={shownErrors.color ? true : undefined}
                  aria-describedby={`${ids}-color-note`}
                  onChange={(event) => set('color', event.target.value.trim())}
                  data-testid="appearance-color"
                />
              </div>
              <p className="field__hint" id={`${ids}-color-note`} data-testid="appearance-contrast">
                {!contrast ? (
                  <span className="field__error">{errors.color}</span>
                ) : contrast.ratio < 4.5 ? (
                  <span className="contrast-warning" role="status">
                    <AlertIcon size={14} /> Text on this colour has a contrast of {contrast.ratio.toFixed(1)}:1, below
                    the 4.5:1 WCAG AA asks. Pick a darker or lighter shade.
                  </span>
                ) : (
                  `The widget writes ${contrast.text} text on it: contrast ${contrast.ratio.toFixed(1)}:1 (WCAG AA).`
                )}
              </p>
            </div>
            <fieldset className="field">
              <legend className="field__label">Position</legend>
              <div className="radio-toggle">
                {(['left', 'right'] as const).map((position) => (
                  <label key={position} className="radio-toggle__option">
                    <input
                      type="radio"
                      name={`${ids}-position`}
                      value={position}
                      checked={draft.position === position}
                      onChange={() => set('position', position)}
                      data-testid={`appearance-position-${position}`}
                    />
                    <span>{position === 'left' ? 'Bottom left' : 'Bottom right'}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              label="Launcher text"
              hint="Beside the chat bubble; leave empty for the bubble alone."
              value={draft.launcherText}
              maxLength={40}
              onChange={(event) => set('launcherText', event.target.value)}
              data-testid="appearance-launcher-text"
            />
            <Field
              label="Title"
              hint={`In the panel header; empty shows “${inbox.name}”.`}
              value={draft.title}
              maxLength={80}
              onChange={(event) => set('title', event.target.value)}
              data-testid="appearance-title"
            />
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-reply-time`}>
                Reply time
              </label>
              <select
                id={`${ids}-reply-time`}
                className="select select--wide"
                value={draft.replyTime}
                aria-describedby={`${ids}-reply-time-hint`}
                onChange={(event) => set('replyTime', event.target.value as AppearanceDraft['replyTime'])}
                data-testid="appearance-reply-time"
              >
                <option value="auto">Automatic</option>
                <option value="minutes">In a few minutes</option>
                <option value="hours">In a few hours</option>
                <option value="day">In a day</option>
              </select>
              <p className="field__hint" id={`${ids}-reply-time-hint`}>
                Shown under the title while agents are online: “Typically replies in …”. Automatic: the median first
                reply of the last 30 days, nothing until enough conversations have been answered.
              </p>
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-greeting`}>
                Greeting
              </label>
              <textarea
                id={`${ids}-greeting`}
                className="input appearance-form__greeting"
                rows={3}
                maxLength={500}
                value={draft.greeting}
                onChange={(event) => set('greeting', event.target.value)}
                data-testid="appearance-greeting"
              />
            </div>
            <Field
              label="Logo URL"
              hint="An https:// image, shown square in the panel header (at least 56 × 56 px)."
              placeholder="https://www.example.com/logo.png"
              inputMode="url"
              value={draft.logoUrl}
              maxLength={500}
              error={shownErrors.logoUrl}
              onChange={(event) => set('logoUrl', event.target.value)}
              data-testid="appearance-logo"
            />
          </fieldset>
          <PreChatBuilder draft={draft} errors={shownErrors} disabled={!canEdit} onChange={update} />
          <SaveFooter
            state={saveState}
            isDirty={isDirty}
            canEdit={canEdit}
            onDiscard={() => {
              setDraft(toDraft(inbox.appearance));
              setShowErrors(false);
              setSaveState({ kind: 'idle' });
            }}
            testId="appearance-save"
          />
        </form>
        <div className="appearance-page__preview">
          <WidgetPreview config={{ inboxName: inbox.name, appearance, replyTime: appearance.replyTime ?? null }} />
        </div>
      </div>
    </main>
  );
}
