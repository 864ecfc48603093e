import type { PreChatFieldType } from '@parley/api/protocol';
import { useId } from 'react';
import { ArrowDownIcon, ArrowUpIcon, PlusIcon, TrashIcon } from '../ui/icons.tsx';
import {
  type AppearanceDraft,
  type DraftErrors,
  type FieldDraft,
  type FieldTarget,
  keyFromLabel,
  MAX_PRE_CHAT_FIELDS,
  moveField,
  newField,
} from './appearance-form.ts';

interface PreChatBuilderProps {
  draft: AppearanceDraft;
  errors: DraftErrors;
  disabled: boolean;
  onChange(update: (draft: AppearanceDraft) => AppearanceDraft): void;
}

const TYPES: { value: PreChatFieldType; label: string }[] = [
  { value: 'text', label: 'Short text' },
  { value: 'textarea', label: 'Long text' },
  { value: 'select', label: 'Dropdown' },
  { value: 'email', label: 'Email' },
];
const TARGETS: { value: FieldTarget; label: string }[] = [
  { value: 'name', label: 'Visitor’s name' },
  { value: 'email', label: 'Visitor’s email' },
  { value: 'custom', label: 'Attribute' },
];

/** The questions the widget asks before the first message: add, remove, reorder, required. */
export function PreChatBuilder({ draft, errors, disabled, onChange }: PreChatBuilderProps) {
  const switchId = useId();
  const setFields = (update: (fields: FieldDraft[]) => FieldDraft[]) =>
    onChange((current) => ({ ...current, fields: update(current.fields) }));
  const updateField = (id: string, change: Partial<FieldDraft>) =>
    setFields((fields) => fields.map((field) => (field.id === id ? { ...field, ...change } : field)));

  return (
    <fieldset className="settings-fieldset pre-chat" disabled={disabled} data-testid="pre-chat-builder">
      <legend className="settings-card__title">Pre-chat form</legend>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={draft.preChatEnabled}
          aria-checked={draft.preChatEnabled}
          aria-describedby={`${switchId}-description`}
          onChange={(event) => {
            const preChatEnabled = event.target.checked;
            onChange((current) => ({
              ...current,
              preChatEnabled,
              fields: preChatEnabled && current.fields.length === 0 ? [newField([])] : current.fields,
            }));
          }}
          data-testid="pre-chat-enabled"
        />
        <span className="switch-row__text">
          <span className="switch-row__label">Ask before the chat starts</span>
          <span className="switch-row__description" id={`${switchId}-description`}>
            Answers appear in the visitor sidebar. An email typed here is contact information, not proof of identity.
          </span>
        </span>
      </label>

      {draft.preChatEnabled ? (
        <>
          <ol className="pre-chat__fields">
            {draft.fields.map((field, index) => (
              <FieldRow
                key={field.id}
                field={field}
                index={index}
                count={draft.fields.length}
                error={errors.byField[field.id]}
                onChange={(change) => updateField(field.id, change)}
                onMove={(by) => setFields((fields) => moveField(fields, index, by))}
                onRemove={() => setFields((fields) => fields.filter((item) => item.id !== field.id))}
              />
            ))}
          </ol>
          {errors.fields ? <p className="field__error">{errors.fields}</p> : null}
          <div>
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              disabled={draft.fields.length >= MAX_PRE_CHAT_FIELDS}
              onClick={() => setFields((fields) => [...fields, newField(fields)])}
              data-testid="pre-chat-add"
            >
              <PlusIcon size={16} /> Add field
            </button>
            <span className="pre-chat__count muted">
              {draft.fields.length} of {MAX_PRE_CHAT_FIELDS}
            </span>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}

interface FieldRowProps {
  field: FieldDraft;
  index: number;
  count: number;
  error: string | undefined;
  onChange(change: Partial<FieldDraft>): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

function FieldRow({ field, index, count, error, onChange, onMove, onRemove }: FieldRowProps) {
  const id = useId();
  const name = field.label.trim() || `field ${index + 1}`;
  return (
    <li className="pre-chat__field" data-testid="pre-chat-field" aria-labelledby={`${id}-heading`}>
      <div className="pre-chat__field-bar">
        <span className="pre-chat__field-title" id={`${id}-heading`}>
          Field {index + 1}
        </span>
        <button
          type="button"
          className="icon-button icon-button--sm"
          aria-label={`Move ${name} up`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          <ArrowUpIcon size={16} />
        </button>
        <button
          type="button"
          className="icon-button icon-button--sm"
          aria-label={`Move ${name} down`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        >
          <ArrowDownIcon size={16} />
        </button>
        <button type="button" className="icon-button icon-button--sm" aria-label={`Remove ${name}`} onClick={onRemove}>
          <TrashIcon size={16} />
        </button>
      </div>
      <div className="pre-chat__grid">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-label`}>
            Label
          </label>
          <input
            id={`${id}-label`}
            className="input"
            value={field.label}
            maxLength={80}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              const label = event.target.value;
              onChange(field.target === 'custom' ? { label, key: keyFromLabel(label) } : { label });
            }}
            data-testid="pre-chat-label"
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-target`}>
            Saves to
          </label>
          <select
            id={`${id}-target`}
            className="select"
            value={field.target}
            onChange={(event) => {
              const target = event.target.value as FieldTarget;
              onChange({
                target,
                key: target === 'custom' ? keyFromLabel(field.label) : target,
                type: target === 'email' ? 'email' : field.type === 'email' ? 'text' : field.type,
              });
            }}
            data-testid="pre-chat-target"
          >
            {TARGETS.map((target) => (
              <option key={target.value} value={target.value}>
                {target.value === 'custom' && field.target === 'custom' && field.key
                  ? `${target.label} (${field.key})`
                  : target.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-type`}>
            Type
          </label>
          <select
            id={`${id}-type`}
            className="select"
            value={field.type}
            disabled={field.target === 'email'}
            onChange={(event) => onChange({ type: event.target.value as PreChatFieldType })}
            data-testid="pre-chat-type"
          >
            {TYPES.filter((type) => type.value !== 'email' || field.target === 'email').map((type) => (
              <option key={type.value} value={type.value}>
                {type.label}
              </option>
            ))}
          </select>
        </div>
        <label className="pre-chat__required">
          <input
            type="checkbox"
            checked={field.required}
            onChange={(event) => onChange({ required: event.target.checked })}
            data-testid="pre-chat-required"
          />
          Required
        </label>
      </div>
      {field.type === 'select' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-options`}>
            Choices, one a line
          </label>
          <textarea
            id={`${id}-options`}
            className="input pre-chat__options"
            rows={3}
            value={field.optionsText}
            onChange={(event) => onChange({ optionsText: event.target.value })}
            data-testid="pre-chat-options"
          />
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid="pre-chat-field-error">
          {error}
        </p>
      ) : null}
    </li>
  );
}
