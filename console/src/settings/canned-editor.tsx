import type { CannedResponse, CannedScope } from '@parley/api/protocol';
import { useId, useState } from 'react';
import { createCannedResponse, updateCannedResponse } from '../api/canned-endpoints.ts';
import { isApiError } from '../api/http.ts';
import { Field } from '../ui/field.tsx';
import { EditorForm } from './canned-editor-form.tsx';
import { CANNED_LIMITS, type CannedProblems, checkCannedDraft, normalizeShortcut } from './canned-form.ts';
import { describeSaveError } from './save-footer.tsx';

interface CannedEditorProps {
  response?: CannedResponse;
  existing: readonly CannedResponse[];
  /** Owners and admins may write shared responses; agents only their own. */
  canShare: boolean;
  onSaved(response: CannedResponse): void;
  onCancel(): void;
}

/** Creates or edits one canned response; checks it like the api does, the first problem gets the focus. */
export function CannedEditor({ response, existing, canShare, onSaved, onCancel }: CannedEditorProps) {
  const [shortcut, setShortcut] = useState(response?.shortcut ?? '');
  const [title, setTitle] = useState(response?.title ?? '');
  const [body, setBody] = useState(response?.body ?? '');
  const [scope, setScope] = useState<CannedScope>(response?.scope ?? 'personal');
  const [problems, setProblems] = useState<CannedProblems>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const id = useId();
  const fieldId = (field: keyof CannedProblems) => `${id}-${field}`;

  async function handleSubmit() {
    const draft = { shortcut, title, body, scope };
    const found = checkCannedDraft(draft, existing, response?.id);
    setProblems(found);
    const first = (['shortcut', 'title', 'body'] as const).find((field) => found[field]);
    if (first) {
      document.getElementById(fieldId(first))?.focus();
      return;
    }
    setIsSaving(true);
    setError(null);
    const saved = { ...draft, shortcut: normalizeShortcut(shortcut), title: title.trim() };
    try {
      onSaved(response ? await updateCannedResponse(response.id, saved) : await createCannedResponse(saved));
    } catch (caught) {
      if (isApiError(caught, 'canned/shortcut_taken')) setProblems({ shortcut: caught.message });
      else setError(describeSaveError(caught));
      setIsSaving(false);
    }
  }

  return (
    <EditorForm
      title={response ? `Edit /${response.shortcut}` : 'New canned response'}
      submitLabel={response ? 'Save response' : 'Create response'}
      isSaving={isSaving}
      error={error}
      onSubmit={handleSubmit}
      onCancel={onCancel}
      testId="canned-editor"
      submitTestId="canned-save"
    >
      <Field
        id={fieldId('shortcut')}
        label="Shortcut"
        hint="Type / and this in the composer. Letters, digits, - and _."
        value={shortcut}
        placeholder="refund"
        maxLength={CANNED_LIMITS.shortcut + 10}
        onChange={(event) => setShortcut(event.target.value)}
        error={problems.shortcut}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        data-testid="canned-shortcut-input"
      />
      <Field
        id={fieldId('title')}
        label="Title"
        value={title}
        placeholder="Refund policy"
        maxLength={CANNED_LIMITS.title + 10}
        onChange={(event) => setTitle(event.target.value)}
        error={problems.title}
        autoComplete="off"
        data-testid="canned-title-input"
      />
      <div className={`field${problems.body ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={fieldId('body')}>
          Reply
        </label>
        <textarea
          id={fieldId('body')}
          className="canned-editor__body"
          value={body}
          placeholder="Hi {{visitor.name}}, refunds reach your account within 5 working days."
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={problems.body ? true : undefined}
          aria-describedby={problems.body ? `${fieldId('body')}-error` : undefined}
          data-testid="canned-body-input"
        />
        {problems.body ? (
          <p className="field__error" id={`${fieldId('body')}-error`}>
            {problems.body}
          </p>
        ) : null}
      </div>
      <fieldset className="team-editor__members">
        <legend className="field__label">Who can use it</legend>
        <div className="scope-choice">
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'personal'}
              onChange={() => setScope('personal')}
              data-testid="canned-scope-personal"
            />
            Only me
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-scope`}
              checked={scope === 'shared'}
              onChange={() => setScope('shared')}
              disabled={!canShare}
              data-testid="canned-scope-shared"
            />
            Everyone in the workspace
          </label>
        </div>
        {canShare ? null : <p className="field__hint">Owners and admins write the shared responses.</p>}
      </fieldset>
    </EditorForm>
  );
}
