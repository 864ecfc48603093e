import type { Inbox } from '@parley/api/protocol';
import { type FormEvent, useId, useState } from 'react';
import { updateInboxRouting } from '../api/settings-endpoints.ts';
import {
  DURATION_UNITS,
  type DurationUnit,
  fromRoutingDraft,
  MAX_CAPACITY,
  MIN_CAPACITY,
  ROUTING_MODES,
  type RoutingDraft,
  summarizeRouting,
  toRoutingDraft,
} from './routing-settings-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';

interface RoutingCardProps {
  inbox: Inbox;
  canEdit: boolean;
  onSaved(inbox: Inbox): void;
}

/** How conversations reach agents: mode, default capacity and the return-to-queue timer. */
export function RoutingCard({ inbox, canEdit, onSaved }: RoutingCardProps) {
  const [saved, setSaved] = useState(() => toRoutingDraft(inbox.routing));
  const [draft, setDraft] = useState<RoutingDraft>(saved);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [showErrors, setShowErrors] = useState(false);
  const ids = { title: useId(), capacity: useId(), reassign: useId(), amount: useId(), unit: useId() };

  const result = fromRoutingDraft(draft);
  const errors = showErrors && !result.ok ? result.errors : {};
  const isDirty = !isSameDraft(draft, saved);

  function change(patch: Partial<RoutingDraft>) {
    setDraft((current) => ({ ...current, ...patch }));
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!result.ok) {
      setShowErrors(true);
      return;
    }
    setSaveState({ kind: 'saving' });
    try {
      const updated = await updateInboxRouting(inbox.id, result.routing);
      const next = toRoutingDraft(updated.routing);
      setSaved(next);
      setDraft(next);
      setShowErrors(false);
      setSaveState({ kind: 'saved' });
      onSaved(updated);
    } catch (error) {
      setSaveState({ kind: 'error', message: describeSaveError(error) });
    }
  }

  return (
    <form
      className="card settings-card"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={ids.title}
      id="routing"
      data-testid="routing-card"
    >
      <div className="settings-card__header">
        <h2 className="settings-card__title" id={ids.title}>
          Routing
        </h2>
        <p className="settings-card__description">How new conversations in this inbox reach your agents.</p>
      </div>

      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <legend className="field__label">Assignment</legend>
        <div className="choice-cards">
          {ROUTING_MODES.map((mode) => (
            <label key={mode.value} className="choice-card">
              <input
                type="radio"
                name={`${ids.title}-mode`}
                value={mode.value}
                checked={draft.mode === mode.value}
                onChange={() => change({ mode: mode.value })}
                className="choice-card__input"
                aria-describedby={`${ids.title}-${mode.value}`}
                data-testid={`routing-mode-${mode.value}`}
              />
              <span className="choice-card__text">
                <span className="choice-card__label">{mode.label}</span>
                <span className="choice-card__description" id={`${ids.title}-${mode.value}`}>
                  {mode.description}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <legend className="visually-hidden">Load</legend>
        <div className="field">
          <label className="field__label" htmlFor={ids.capacity}>
            Default capacity
          </label>
          <div className="inline-fields">
            <input
              id={ids.capacity}
              className="input input--narrow"
              type="number"
              inputMode="numeric"
              min={MIN_CAPACITY}
              max={MAX_CAPACITY}
              step={1}
              value={draft.defaultCapacity}
              onChange={(event) => change({ defaultCapacity: event.target.value })}
              aria-invalid={errors.defaultCapacity ? true : undefined}
              aria-describedby={`${ids.capacity}-hint${errors.defaultCapacity ? ` ${ids.capacity}-error` : ''}`}
              data-testid="routing-capacity"
            />
            <span className="inline-fields__suffix">open conversations per agent</span>
          </div>
          <p className="field__hint" id={`${ids.capacity}-hint`}>
            Routing stops offering an agent more once they have this many open. Set a different limit per person on the
            Members page.
          </p>
          {errors.defaultCapacity ? (
            <p className="field__error" id={`${ids.capacity}-error`}>
              {errors.defaultCapacity}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label className="check-row">
            <input
              type="checkbox"
              className="checkbox"
              checked={draft.isReassignOn}
              onChange={(event) => change({ isReassignOn: event.target.checked })}
              aria-describedby={`${ids.reassign}-hint`}
              data-testid="routing-reassign-toggle"
            />
            <span className="field__label">Return unanswered conversations to the queue</span>
          </label>
          {draft.isReassignOn ? (
            <div className="inline-fields inline-fields--indented">
              <label className="inline-fields__prefix" htmlFor={ids.amount}>
                When the agent hasn&rsquo;t replied in
              </label>
              <input
                id={ids.amount}
                className="input input--narrow"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={draft.reassignAmount}
                onChange={(event) => change({ reassignAmount: event.target.value })}
                aria-invalid={errors.reassign ? true : undefined}
                aria-describedby={errors.reassign ? `${ids.reassign}-error` : undefined}
                data-testid="routing-reassign-amount"
              />
              <label className="visually-hidden" htmlFor={ids.unit}>
                Unit
              </label>
              <select
                id={ids.unit}
                className="select select--auto"
                value={draft.reassignUnit}
                onChange={(event) => change({ reassignUnit: event.target.value as DurationUnit })}
                data-testid="routing-reassign-unit"
              >
                {DURATION_UNITS.map((unit) => (
                  <option key={unit.value} value={unit.value}>
                    {unit.label}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <p className="field__hint field__hint--indented" id={`${ids.reassign}-hint`}>
            Counted from the moment it was assigned; it goes back to the front of the queue for someone else. Between 10
            seconds and 24 hours.
          </p>
          {errors.reassign ? (
            <p className="field__error field__hint--indented" id={`${ids.reassign}-error`}>
              {errors.reassign}
            </p>
          ) : null}
        </div>
      </fieldset>

      <SaveFooter
        state={saveState}
        isDirty={isDirty}
        canEdit={canEdit}
        summary={summarizeRouting({
          mode: inbox.routing.mode,
          defaultCapacity: inbox.routing.defaultCapacity,
          reassignAfterSeconds: inbox.routing.reassignAfterSeconds,
        })}
        onDiscard={() => {
          setDraft(saved);
          setShowErrors(false);
          setSaveState({ kind: 'idle' });
        }}
        testId="routing-save"
      />
    </form>
  );
}

function isSameDraft(a: RoutingDraft, b: RoutingDraft): boolean {
  return (
    a.mode === b.mode &&
    a.defaultCapacity.trim() === b.defaultCapacity.trim() &&
    a.isReassignOn === b.isReassignOn &&
    (!a.isReassignOn || (a.reassignAmount.trim() === b.reassignAmount.trim() && a.reassignUnit === b.reassignUnit))
  );
}
