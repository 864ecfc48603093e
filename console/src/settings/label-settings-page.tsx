import type { Label, LabelColor } from '@parley/api/protocol';
import { useId, useState } from 'react';
import { useLoaderData } from 'react-router';
import { isApiError } from '../api/http.ts';
import { createLabel, deleteLabel, updateLabel } from '../api/label-endpoints.ts';
import { useAppData } from '../app/use-app-data.ts';
import { LabelChip } from '../inbox/label-chip.tsx';
import { LABEL_COLORS } from '../inbox/label-colors.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { Field } from '../ui/field.tsx';
import { LockIcon, PlusIcon } from '../ui/icons.tsx';
import { useDeleteWithConfirm } from './canned-and-label-delete.ts';
import { EditorForm } from './canned-editor-form.tsx';
import { RowActions } from './canned-row-actions.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { checkLabelName, MAX_LABEL_NAME, sortLabels } from './label-form.ts';
import type { LabelSettingsData } from './label-settings-loader.ts';
import { canManageRouting } from './routing-settings-form.ts';
import { describeSaveError } from './save-footer.tsx';
import { SettingsHeader } from './settings-tabs.tsx';
import './settings.css';
import './canned-labels-settings.css';

type Editing = { kind: 'new' } | { kind: 'edit'; labelId: string } | null;

/** Settings → Labels: owners and admins name and colour the labels agents put on conversations. */
export function LabelSettingsPage() {
  const data = useLoaderData() as LabelSettingsData;
  const { me } = useAppData();
  const canEdit = canManageRouting(me.role);
  const [labels, setLabels] = useState(() => sortLabels(data.labels));
  const [editing, setEditing] = useState<Editing>(null);
  const [announcement, setAnnouncement] = useState('');
  const deletion = useDeleteWithConfirm<Label>(async (label) => {
    await deleteLabel(label.id);
    setLabels((current) => current.filter((item) => item.id !== label.id));
    setAnnouncement(`Label ${label.name} deleted.`);
  });

  function handleSaved(label: Label, isNew: boolean) {
    setLabels((current) => sortLabels([...current.filter((item) => item.id !== label.id), label]));
    setEditing(null);
    setAnnouncement(isNew ? `Label ${label.name} created.` : `Label ${label.name} saved.`);
  }

  const newButton = (
    <button
      type="button"
      className="btn btn--primary btn--sm"
      onClick={() => setEditing({ kind: 'new' })}
      disabled={editing?.kind === 'new'}
      data-testid="label-new"
    >
      <PlusIcon size={14} /> New label
    </button>
  );

  return (
    <main className="page settings">
      <SettingsHeader
        title="Labels"
        lead="Sort conversations by topic or urgency; every agent can put labels on them."
      />
      <div className="settings__sections">
        <section className="card settings-card" aria-labelledby="labels-title" data-testid="labels-card">
          <div className="settings-card__header settings-card__header--split">
            <div>
              <h2 className="settings-card__title" id="labels-title">
                Labels
              </h2>
              <p className="settings-card__description">
                {labels.length === 0
                  ? 'Labels like “Billing” or “Bug” make conversations easy to find and filter.'
                  : `${labels.length} ${labels.length === 1 ? 'label' : 'labels'} in ${me.workspace.name}.`}
              </p>
            </div>
            {canEdit && labels.length > 0 ? newButton : null}
          </div>

          {editing?.kind === 'new' ? (
            <LabelEditor
              labels={labels}
              onSaved={(label) => handleSaved(label, true)}
              onCancel={() => setEditing(null)}
            />
          ) : null}

          {labels.length === 0 && editing === null ? (
            <EmptyState title="No labels yet" action={canEdit ? newButton : null}>
              {canEdit
                ? 'Create a few, then put them on conversations from the conversation header.'
                : 'Owners and admins can create labels.'}
            </EmptyState>
          ) : null}

          {labels.length > 0 ? (
            <ul className="team-list">
              {labels.map((label) =>
                editing?.kind === 'edit' && editing.labelId === label.id ? (
                  <li key={label.id} className="team-list__editor">
                    <LabelEditor
                      label={label}
                      labels={labels}
                      onSaved={(saved) => handleSaved(saved, false)}
                      onCancel={() => setEditing(null)}
                    />
                  </li>
                ) : (
                  <li key={label.id} className="team-row" data-testid="label-row" data-label-id={label.id}>
                    <span className="team-row__text">
                      <LabelChip label={label} />
                    </span>
                    {canEdit ? (
                      <RowActions
                        name={label.name}
                        onEdit={() => setEditing({ kind: 'edit', labelId: label.id })}
                        onDelete={() => deletion.ask(label)}
                        testIdPrefix="label"
                      />
                    ) : null}
                  </li>
                ),
              )}
            </ul>
          ) : null}

          {canEdit ? null : (
            <div className="settings-card__footer settings-card__footer--readonly">
              <span className="read-only-note">
                <LockIcon size={14} /> Only owners and admins can change labels. Any agent can put them on
                conversations.
              </span>
            </div>
          )}
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
        </section>
      </div>

      {deletion.target ? (
        <ConfirmDialog
          title={`Delete ${deletion.target.name}?`}
          confirmLabel="Delete label"
          isBusy={deletion.isBusy}
          error={deletion.error}
          onConfirm={deletion.confirm}
          onCancel={deletion.cancel}
          testId="label-delete-dialog"
        >
          <p>It comes off every conversation that has it. Conversations themselves are not changed.</p>
        </ConfirmDialog>
      ) : null}
    </main>
  );
}

interface LabelEditorProps {
  label?: Label;
  labels: readonly Label[];
  onSaved(label: Label): void;
  onCancel(): void;
}

function LabelEditor({ label, labels, onSaved, onCancel }: LabelEditorProps) {
  const [name, setName] = useState(label?.name ?? '');
  const [color, setColor] = useState<LabelColor>(label?.color ?? 'blue');
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const id = useId();

  async function handleSubmit() {
    const problem = checkLabelName(name, labels, label?.id);
    if (problem) {
      setNameError(problem);
      document.getElementById(`${id}-name`)?.focus();
      return;
    }
    setIsSaving(true);
    setError(null);
    const body = { name: name.trim(), color };
    try {
      onSaved(label ? await updateLabel(label.id, body) : await createLabel(body));
    } catch (caught) {
      if (isApiError(caught, 'label/name_taken')) setNameError(caught.message);
      else setError(describeSaveError(caught));
      setIsSaving(false);
    }
  }

  return (
    <EditorForm
      title={label ? `Edit ${label.name}` : 'New label'}
      submitLabel={label ? 'Save label' : 'Create label'}
      isSaving={isSaving}
      error={error}
      onSubmit={handleSubmit}
      onCancel={onCancel}
      testId="label-editor"
      submitTestId="label-save"
    >
      <Field
        id={`${id}-name`}
        label="Name"
        value={name}
        placeholder="e.g. Billing"
        maxLength={MAX_LABEL_NAME + 10}
        onChange={(event) => {
          setName(event.target.value);
          setNameError(null);
        }}
        error={nameError}
        autoComplete="off"
        autoFocus
        data-testid="label-name-input"
      />
      <fieldset className="team-editor__members">
        <legend className="field__label">Colour</legend>
        <div className="swatches">
          {LABEL_COLORS.map((entry) => (
            <label key={entry.value} className="swatch" title={entry.name} data-testid={`label-color-${entry.value}`}>
              <input
                type="radio"
                name={`${id}-color`}
                value={entry.value}
                checked={color === entry.value}
                onChange={() => setColor(entry.value)}
              />
              <span className="visually-hidden">{entry.name}</span>
              <span className="label-chip" data-color={entry.value} aria-hidden="true">
                <span className="label-chip__dot" />
              </span>
            </label>
          ))}
        </div>
        <p className="label-editor__preview">
          Preview: <LabelChip label={{ id: label?.id ?? 'preview', name: name.trim() || 'Label', color }} />
        </p>
      </fieldset>
    </EditorForm>
  );
}
