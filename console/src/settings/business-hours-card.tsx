import type { Inbox } from '@parley/api/protocol';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { isApiError } from '../api/http.ts';
import { updateInboxRouting } from '../api/settings-endpoints.ts';
import { useNow } from '../lib/use-now.ts';
import { AlertIcon, CloseIcon, PlusIcon, TrashIcon } from '../ui/icons.tsx';
import {
  type BusinessHoursDraft,
  createException,
  createInterval,
  type DraftErrors,
  describeIntervalSpan,
  detectBrowserTimeZone,
  type ExceptionDraft,
  fromBusinessHoursDraft,
  type IntervalDraft,
  listDraftWarnings,
  MAX_EXCEPTION_LABEL,
  MAX_INTERVALS_PER_DAY,
  normalizeTime,
  splitServerProblems,
  toBusinessHoursDraft,
  WEEKDAYS,
  type WeekdayKey,
} from './business-hours-form.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';
import { formatClockIn, listTimeZoneGroups } from './time-zones.ts';

interface BusinessHoursCardProps {
  inbox: Inbox;
  canEdit: boolean;
  onSaved(inbox: Inbox): void;
}

/** When the team answers: timezone, a weekly schedule and dated exceptions, or "always open". */
export function BusinessHoursCard({ inbox, canEdit, onSaved }: BusinessHoursCardProps) {
  const browserZone = useMemo(detectBrowserTimeZone, []);
  const [saved, setSaved] = useState(() => toBusinessHoursDraft(inbox.routing.businessHours, browserZone));
  const [draft, setDraft] = useState<BusinessHoursDraft>(saved);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [showErrors, setShowErrors] = useState(false);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const titleId = useId();

  const result = fromBusinessHoursDraft(draft);
  const savedResult = useMemo(() => fromBusinessHoursDraft(saved), [saved]);
  const isDirty =
    JSON.stringify(result.ok ? result.hours : draft) !== JSON.stringify(savedResult.ok && savedResult.hours);
  const errors: DraftErrors = showErrors && !result.ok ? result.errors : {};
  const warnings = listDraftWarnings(draft);

  function update(change: (current: BusinessHoursDraft) => BusinessHoursDraft) {
    setDraft(change);
    setServerProblems([]);
    if (saveState.kind !== 'saving') setSaveState({ kind: 'idle' });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!result.ok) {
      // The first field with a problem, once React has marked it.
      flushSync(() => setShowErrors(true));
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setSaveState({ kind: 'saving' });
    setServerProblems([]);
    try {
      const updated = await updateInboxRouting(inbox.id, { businessHours: result.hours });
      const next = toBusinessHoursDraft(updated.routing.businessHours, draft.timezone || browserZone);
      setSaved(next);
      setDraft(next);
      setShowErrors(false);
      setSaveState({ kind: 'saved' });
      onSaved(updated);
    } catch (error) {
      if (isApiError(error, 'request/invalid')) {
        setServerProblems(splitServerProblems(error.message));
        setSaveState({ kind: 'error', message: 'Not saved: the server found problems (listed above).' });
      } else {
        setSaveState({ kind: 'error', message: describeSaveError(error) });
      }
    }
  }

  const clientProblems = showErrors && !result.ok ? result.summary : [];

  return (
    <form
      ref={formRef}
      className="card settings-card"
      onSubmit={handleSubmit}
      noValidate
      aria-labelledby={titleId}
      id="business-hours"
      data-testid="hours-card"
    >
      <div className="settings-card__header">
        <h2 className="settings-card__title" id={titleId}>
          Business hours
        </h2>
        <p className="settings-card__description">
          When your team answers. Outside these hours the widget tells visitors when you are back and asks for an email,
          and automatic routing waits.
        </p>
      </div>

      <fieldset className="settings-fieldset" disabled={!canEdit}>
        <legend className="visually-hidden">Business hours</legend>
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            className="switch"
            checked={draft.isAlwaysOpen}
            aria-checked={draft.isAlwaysOpen}
            onChange={(event) => {
              const isAlwaysOpen = event.target.checked;
              update((current) => ({ ...current, isAlwaysOpen }));
            }}
            aria-describedby={`${titleId}-always`}
            data-testid="hours-always-open"
          />
          <span className="switch-row__text">
            <span className="switch-row__label">Always open</span>
            <span className="switch-row__description" id={`${titleId}-always`}>
              {draft.isAlwaysOpen
                ? 'Visitors can start a chat at any time. Turn this off to set opening hours.'
                : 'Visitors see you as open only during the hours below.'}
            </span>
          </span>
        </label>

        {draft.isAlwaysOpen ? null : (
          <>
            <TimezoneField
              canEdit={canEdit}
              value={draft.timezone}
              browserZone={browserZone}
              error={errors.timezone}
              onChange={(timezone) => update((current) => ({ ...current, timezone }))}
            />

            <section className="hours-section" aria-labelledby={`${titleId}-weekly`}>
              <div className="hours-section__header">
                <h3 className="hours-section__title" id={`${titleId}-weekly`}>
                  Weekly hours
                </h3>
                {canEdit ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      update((current) => {
                        const weekly = { ...current.weekly };
                        for (const key of ['tue', 'wed', 'thu', 'fri'] as const) {
                          weekly[key] = current.weekly.mon.map((interval) =>
                            createInterval(interval.start, interval.end),
                          );
                        }
                        return { ...current, weekly };
                      })
                    }
                    data-testid="hours-copy-monday"
                  >
                    Copy Monday to Tuesday–Friday
                  </button>
                ) : null}
              </div>
              <p className="field__hint">
                {canEdit ? 'Add several intervals for a break. ' : null}An interval that ends before it starts, like
                22:00–02:00, runs past midnight.
              </p>
              <ul className="hours-week">
                {WEEKDAYS.map((day) => (
                  <li key={day.key} className="hours-day" data-testid={`hours-day-${day.key}`}>
                    <span className="hours-day__name" id={`${titleId}-${day.key}`}>
                      {day.label}
                    </span>
                    <IntervalList
                      intervals={draft.weekly[day.key]}
                      errors={errors}
                      groupError={errors[day.key]}
                      labelPrefix={day.label}
                      closedText="Closed"
                      canEdit={canEdit}
                      onChange={(intervals) =>
                        update((current) => ({
                          ...current,
                          weekly: { ...current.weekly, [day.key as WeekdayKey]: intervals },
                        }))
                      }
                      testId={`hours-${day.key}`}
                    />
                  </li>
                ))}
              </ul>
            </section>

            <section className="hours-section" aria-labelledby={`${titleId}-exceptions`}>
              <div className="hours-section__header">
                <h3 className="hours-section__title" id={`${titleId}-exceptions`}>
                  Holidays and special dates
                </h3>
              </div>
              <p className="field__hint">A date here replaces that day&rsquo;s weekly hours.</p>
              {draft.exceptions.length > 0 ? (
                <ul className="hours-exceptions">
                  {draft.exceptions.map((exception) => (
                    <ExceptionRow
                      key={exception.id}
                      exception={exception}
                      canEdit={canEdit}
                      errors={errors}
                      onChange={(next) =>
                        update((current) => ({
                          ...current,
                          exceptions: current.exceptions.map((item) => (item.id === next.id ? next : item)),
                        }))
                      }
                      onRemove={() =>
                        update((current) => ({
                          ...current,
                          exceptions: current.exceptions.filter((item) => item.id !== exception.id),
                        }))
                      }
                    />
                  ))}
                </ul>
              ) : (
                <p className="settings-empty">No special dates. Add public holidays or days with different hours.</p>
              )}
              {errors.exceptions ? <p className="field__error">{errors.exceptions}</p> : null}
              {canEdit ? (
                <div>
                  <button
                    type="button"
                    className="btn btn--secondary btn--sm"
                    onClick={() =>
                      update((current) => ({ ...current, exceptions: [...current.exceptions, createException()] }))
                    }
                    data-testid="hours-exception-add"
                  >
                    <PlusIcon size={14} /> Add a date
                  </button>
                </div>
              ) : null}
            </section>

            {warnings.map((warning) => (
              <p key={warning} className="form-note">
                {warning}
              </p>
            ))}
          </>
        )}
      </fieldset>

      {clientProblems.length > 0 || serverProblems.length > 0 ? (
        <div className="form-alert" role="alert" data-testid="hours-errors">
          <AlertIcon size={18} />
          <div>
            <p className="form-alert__title">
              {serverProblems.length > 0
                ? 'The server did not accept these hours:'
                : `Fix ${clientProblems.length === 1 ? 'this problem' : `these ${clientProblems.length} problems`} to save:`}
            </p>
            <ul className="form-alert__list">
              {(serverProblems.length > 0 ? serverProblems : clientProblems).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}

      <SaveFooter
        state={saveState}
        isDirty={isDirty}
        canEdit={canEdit}
        summary={saved.isAlwaysOpen ? 'Always open' : `Hours in ${saved.timezone}`}
        onDiscard={() => {
          setDraft(saved);
          setShowErrors(false);
          setServerProblems([]);
          setSaveState({ kind: 'idle' });
        }}
        testId="hours-save"
      />
    </form>
  );
}

function TimezoneField({
  canEdit,
  value,
  browserZone,
  error,
  onChange,
}: {
  canEdit: boolean;
  value: string;
  browserZone: string;
  error: string | undefined;
  onChange(timezone: string): void;
}) {
  const id = useId();
  const now = useNow();
  const minute = Math.floor(now.getTime() / 60_000);
  // Offsets change with daylight saving time, not by the minute: one list per hour is plenty.
  const hour = Math.floor(minute / 60);
  const groups = useMemo(() => listTimeZoneGroups(value, new Date(hour * 3_600_000)), [value, hour]);
  const clock = formatClockIn(value, now);
  const describedBy = [clock ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        Timezone
      </label>
      <div className="inline-fields">
        <select
          id={id}
          className="select select--wide"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid="hours-timezone"
        >
          {value ? null : <option value="">Choose a timezone</option>}
          {groups.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.zones.map((zone) => (
                <option key={zone.value} value={zone.value}>
                  {zone.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {canEdit && value !== browserZone ? (
          <button type="button" className="link-button" onClick={() => onChange(browserZone)}>
            Use mine ({browserZone})
          </button>
        ) : null}
      </div>
      {clock ? (
        <p className="field__hint" id={`${id}-hint`}>
          It is {clock} there now.
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface IntervalListProps {
  intervals: IntervalDraft[];
  errors: DraftErrors;
  groupError: string | undefined;
  /** "Monday" or the exception's date: names the inputs for screen readers. */
  labelPrefix: string;
  closedText: string | null;
  canEdit: boolean;
  onChange(intervals: IntervalDraft[]): void;
  testId: string;
}

function IntervalList({
  intervals,
  errors,
  groupError,
  labelPrefix,
  closedText,
  canEdit,
  onChange,
  testId,
}: IntervalListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const canAdd = canEdit && intervals.length < MAX_INTERVALS_PER_DAY;

  function add() {
    const last = intervals.at(-1);
    // After the last one, an hour later, so it rarely overlaps; the first one is an office day.
    const next = last ? suggestNextInterval(last) : createInterval();
    flushSync(() => onChange([...intervals, next]));
    listRef.current?.querySelector<HTMLInputElement>(`[data-interval-id="${next.id}"] input`)?.focus();
  }

  function remove(id: string) {
    const index = intervals.findIndex((interval) => interval.id === id);
    flushSync(() => onChange(intervals.filter((interval) => interval.id !== id)));
    // Keep the keyboard in the list: the previous interval's remove button, or the add button.
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-action="remove-interval"]');
    const target = buttons?.[Math.max(0, index - 1)] ?? listRef.current?.querySelector('[data-action="add-interval"]');
    (target as HTMLElement | null | undefined)?.focus();
  }

  return (
    <div className="interval-list" ref={listRef}>
      {intervals.length === 0 && closedText ? <span className="interval-list__closed">{closedText}</span> : null}
      {intervals.map((interval, index) => {
        const error = errors[interval.id];
        const span = describeIntervalSpan(interval);
        const name = `${labelPrefix}, interval ${index + 1}`;
        const errorId = `${testId}-${interval.id}-error`;
        return (
          <div key={interval.id} className="interval" data-interval-id={interval.id} data-testid={`${testId}-interval`}>
            <div className="interval__inputs">
              <TimeInput
                value={interval.start}
                label={`${name}: opens`}
                isInvalid={Boolean(error)}
                errorId={error ? errorId : undefined}
                onChange={(start) =>
                  onChange(intervals.map((item) => (item.id === interval.id ? { ...item, start } : item)))
                }
                testId="interval-start"
              />
              <span className="interval__dash" aria-hidden="true">
                –
              </span>
              <TimeInput
                value={interval.end}
                label={`${name}: closes`}
                isInvalid={Boolean(error)}
                errorId={error ? errorId : undefined}
                onChange={(end) =>
                  onChange(intervals.map((item) => (item.id === interval.id ? { ...item, end } : item)))
                }
                testId="interval-end"
              />
              {span ? (
                <span className="interval__note">{span === 'next-day' ? 'ends next day' : '24 hours'}</span>
              ) : null}
              {canEdit ? (
                <button
                  type="button"
                  className="icon-button icon-button--sm"
                  onClick={() => remove(interval.id)}
                  aria-label={`Remove ${name}`}
                  title="Remove"
                  data-action="remove-interval"
                >
                  <CloseIcon size={14} />
                </button>
              ) : null}
            </div>
            {error ? (
              <p className="field__error" id={errorId}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {groupError ? <p className="field__error">{groupError}</p> : null}
      {canAdd ? (
        <button
          type="button"
          className="link-button interval-list__add"
          onClick={add}
          aria-label={`Add hours on ${labelPrefix}`}
          data-action="add-interval"
          data-testid={`${testId}-add`}
        >
          <PlusIcon size={14} /> {intervals.length === 0 ? 'Add hours' : 'Add'}
        </button>
      ) : null}
    </div>
  );
}

function TimeInput({
  value,
  label,
  isInvalid,
  errorId,
  onChange,
  testId,
}: {
  value: string;
  label: string;
  isInvalid: boolean;
  errorId: string | undefined;
  onChange(value: string): void;
  testId: string;
}) {
  return (
    <input
      className="input input--time"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      // "9" becomes "09:00" when the field is left; anything unreadable stays for the error to name.
      onBlur={() => {
        const normalized = normalizeTime(value);
        if (normalized !== value) onChange(normalized);
      }}
      aria-label={label}
      aria-invalid={isInvalid ? true : undefined}
      aria-describedby={errorId}
      placeholder="09:00"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={8}
      data-testid={testId}
    />
  );
}

function ExceptionRow({
  exception,
  canEdit,
  errors,
  onChange,
  onRemove,
}: {
  exception: ExceptionDraft;
  canEdit: boolean;
  errors: DraftErrors;
  onChange(exception: ExceptionDraft): void;
  onRemove(): void;
}) {
  const id = useId();
  const dateError = errors[`${exception.id}.date`];
  const labelError = errors[`${exception.id}.label`];
  const name = exception.date || 'new date';
  return (
    <li className="hours-exception" data-testid="hours-exception">
      <div className="hours-exception__fields">
        <div className="field hours-exception__date">
          <label className="field__label field__label--sm" htmlFor={`${id}-date`}>
            Date
          </label>
          <input
            id={`${id}-date`}
            type="date"
            className="input input--date"
            value={exception.date}
            onChange={(event) => onChange({ ...exception, date: event.target.value })}
            aria-invalid={dateError ? true : undefined}
            aria-describedby={dateError ? `${id}-date-error` : undefined}
            data-testid="exception-date"
          />
        </div>
        <div className="field hours-exception__label">
          <label className="field__label field__label--sm" htmlFor={`${id}-label`}>
            Label <span className="muted">(optional)</span>
          </label>
          <input
            id={`${id}-label`}
            className="input"
            value={exception.label}
            placeholder="e.g. Public holiday"
            maxLength={MAX_EXCEPTION_LABEL + 20}
            onChange={(event) => onChange({ ...exception, label: event.target.value })}
            aria-invalid={labelError ? true : undefined}
            aria-describedby={labelError ? `${id}-label-error` : undefined}
            data-testid="exception-label"
          />
        </div>
        <div className="field hours-exception__kind">
          <label className="field__label field__label--sm" htmlFor={`${id}-kind`}>
            Hours
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            value={exception.isClosed ? 'closed' : 'special'}
            onChange={(event) => onChange({ ...exception, isClosed: event.target.value === 'closed' })}
            data-testid="exception-kind"
          >
            <option value="closed">Closed all day</option>
            <option value="special">Special hours</option>
          </select>
        </div>
        {canEdit ? (
          <button
            type="button"
            className="icon-button hours-exception__remove"
            onClick={onRemove}
            aria-label={`Remove the exception for ${name}`}
            title="Remove"
            data-testid="exception-remove"
          >
            <TrashIcon size={16} />
          </button>
        ) : null}
      </div>
      {dateError ? (
        <p className="field__error" id={`${id}-date-error`}>
          {dateError}
        </p>
      ) : null}
      {labelError ? (
        <p className="field__error" id={`${id}-label-error`}>
          {labelError}
        </p>
      ) : null}
      {exception.isClosed ? null : (
        <div className="hours-exception__intervals">
          <IntervalList
            intervals={exception.intervals}
            errors={errors}
            groupError={errors[`${exception.id}.intervals`]}
            labelPrefix={exception.date || 'this date'}
            closedText={null}
            canEdit={canEdit}
            onChange={(intervals) => onChange({ ...exception, intervals })}
            testId="exception"
          />
        </div>
      )}
    </li>
  );
}

function suggestNextInterval(last: IntervalDraft): IntervalDraft {
  const end = normalizeTime(last.end);
  const match = /^(\d{2}):(\d{2})$/.exec(end);
  if (!match) return createInterval();
  const startHour = Math.min(Number(match[1]) + 1, 23);
  const endHour = Math.min(startHour + 3, 24);
  const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
  return createInterval(pad(startHour), pad(endHour));
}
