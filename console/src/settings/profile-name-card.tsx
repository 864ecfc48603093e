import { type FormEvent, useState } from 'react';
import { Field } from '../ui/field.tsx';
import { updateProfileName } from './profile-api.ts';
import { checkProfileName, NAME_MAX } from './profile-form.ts';
import { rememberProfileChange } from './profile-me-store.ts';
import { describeSaveError, SaveFooter, type SaveState } from './save-footer.tsx';

export function ProfileNameCard({ name, email }: { name: string; email: string }) {
  const [saved, setSaved] = useState(name);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const isDirty = draft.trim() !== saved;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = checkProfileName(draft);
    setError(problem);
    if (problem) return;
    setState({ kind: 'saving' });
    try {
      const me = await updateProfileName(draft.trim());
      setSaved(me.user.name);
      setDraft(me.user.name);
      rememberProfileChange({ name: me.user.name });
      setState({ kind: 'saved' });
    } catch (caught) {
      setState({ kind: 'error', message: describeSaveError(caught) });
    }
  }

  return (
    <form className="card settings-card" aria-labelledby="profile-name-title" onSubmit={handleSubmit} noValidate>
      <div>
        <h2 className="settings-card__title" id="profile-name-title">
          Your details
        </h2>
        <p className="settings-card__description">Teammates and visitors see this name on your replies.</p>
      </div>
      <Field
        label="Name"
        value={draft}
        maxLength={NAME_MAX}
        autoComplete="name"
        error={error}
        onChange={(event) => setDraft(event.target.value)}
        data-testid="profile-name"
      />
      <Field label="Email" value={email} readOnly disabled hint="Your sign-in address." />
      <SaveFooter
        state={state}
        isDirty={isDirty}
        canEdit
        onDiscard={() => {
          setDraft(saved);
          setError(null);
        }}
        testId="profile-name-save"
      />
    </form>
  );
}
