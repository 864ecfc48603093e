import type { ContactDetail } from '@parley/api/protocol';
import { type FormEvent, useId, useState } from 'react';
import { PlusIcon, TrashIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { type AttributeRow, checkAttributeRows, toAttributeRows } from './attribute-draft.ts';
import { updateContact } from './contact-endpoints.ts';

interface ContactAttributesCardProps {
  contact: ContactDetail;
  onSaved(contact: ContactDetail): void;
}

/** What the site set with `setAttributes` (plain text), edited as name/value rows that replace the whole set. */
export function ContactAttributesCard({ contact, onSaved }: ContactAttributesCardProps) {
  const titleId = useId();
  const [rows, setRows] = useState<AttributeRow[] | null>(null);
  const [problem, setProblem] = useState<{ text: string; rowIndex: number | null } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const shown = toAttributeRows(contact.attributes);

  function change(index: number, patch: Partial<AttributeRow>) {
    setRows((current) => current?.map((row, at) => (at === index ? { ...row, ...patch } : row)) ?? null);
    setProblem(null);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!rows) return;
    const checked = checkAttributeRows(rows);
    if (!checked.ok) {
      setProblem({ text: checked.problem, rowIndex: checked.rowIndex });
      return;
    }
    setIsSaving(true);
    try {
      onSaved(await updateContact(contact.id, { attributes: checked.attributes }));
      setRows(null);
    } catch (failure) {
      setProblem({ text: failure instanceof Error ? failure.message : 'Could not save. Try again.', rowIndex: null });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <section className="card contact-card" aria-labelledby={titleId} data-testid="contact-attributes">
      <header className="contact-card__header">
        <h2 className="contact-card__title" id={titleId}>
          Attributes
        </h2>
        {rows ? null : (
          <button
            type="button"
            className="btn btn--ghost btn--sm"
            onClick={() => setRows(shown.length > 0 ? shown : [{ key: '', value: '' }])}
            data-testid="attributes-edit"
          >
            Edit
          </button>
        )}
      </header>
      {rows ? (
        <form className="contact-form" onSubmit={handleSubmit} noValidate>
          <ul className="attribute-rows">
            {rows.map((row, index) => (
              <li key={index} className="attribute-row">
                <input
                  className="input"
                  aria-label={`Attribute ${index + 1} name`}
                  value={row.key}
                  placeholder="name"
                  maxLength={100}
                  aria-invalid={problem?.rowIndex === index ? true : undefined}
                  onChange={(event) => change(index, { key: event.target.value })}
                  data-testid="attribute-key"
                />
                <input
                  className="input"
                  aria-label={`Attribute ${index + 1} value`}
                  value={row.value}
                  placeholder="value"
                  maxLength={500}
                  onChange={(event) => change(index, { value: event.target.value })}
                  data-testid="attribute-value"
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove attribute ${row.key || index + 1}`}
                  onClick={() => setRows((current) => current?.filter((_, at) => at !== index) ?? null)}
                >
                  <TrashIcon size={16} />
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="btn btn--ghost btn--sm attribute-rows__add"
            onClick={() => setRows((current) => [...(current ?? []), { key: '', value: '' }])}
            data-testid="attribute-add"
          >
            <PlusIcon size={16} /> Add attribute
          </button>
          {problem ? (
            <p className="field__error" role="alert">
              {problem.text}
            </p>
          ) : null}
          <div className="contact-form__actions">
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              onClick={() => setRows(null)}
              disabled={isSaving}
            >
              Cancel
            </button>
            <button
              type="submit"
              className="btn btn--primary btn--sm"
              disabled={isSaving}
              data-testid="attributes-save"
            >
              {isSaving ? <Spinner size="sm" /> : null}
              Save
            </button>
          </div>
        </form>
      ) : shown.length > 0 ? (
        <dl className="contact-facts">
          {shown.map((row) => (
            <div key={row.key} className="contact-facts__pair">
              <dt>{row.key}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="contact-card__empty">
          No attributes. Your site sets them with <code>Parley('setAttributes', …)</code>.
        </p>
      )}
    </section>
  );
}
