import { type FormEvent, useState } from 'react';
import { isApiError } from '../api/http.ts';
import { Field } from '../ui/field.tsx';
import { CheckIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { changeOwnPassword } from './profile-api.ts';
import { checkPasswordForm, type PasswordErrors, type PasswordForm } from './profile-form.ts';

const EMPTY: PasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

export function ProfilePasswordCard({ email }: { email: string }) {
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isDone, setIsDone] = useState(false);

  const change = (key: keyof PasswordForm) => (value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    setIsDone(false);
  };

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found = checkPasswordForm(form);
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) return;
    setIsSaving(true);
    try {
      await changeOwnPassword({ currentPassword: form.currentPassword, newPassword: form.newPassword });
      setForm(EMPTY);
      setIsDone(true);
    } catch (caught) {
      if (isApiError(caught, 'profile/wrong_password')) setErrors({ currentPassword: caught.message });
      else if (isApiError(caught, 'request/invalid')) setErrors({ newPassword: 'Use between 8 and 256 characters.' });
      else setFormError(isApiError(caught) ? caught.message : 'Could not change the password. Try again.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form className="card settings-card" aria-labelledby="profile-password-title" onSubmit={handleSubmit} noValidate>
      <div>
        <h2 className="settings-card__title" id="profile-password-title">
          Password
        </h2>
        <p className="settings-card__description">
          Changing it signs you out everywhere else: other browsers and devices have to sign in again.
        </p>
      </div>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={form.currentPassword}
        error={errors.currentPassword}
        onChange={(event) => change('currentPassword')(event.target.value)}
        data-testid="profile-current-password"
      />
      <div className="profile-password__pair">
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          value={form.newPassword}
          error={errors.newPassword}
          onChange={(event) => change('newPassword')(event.target.value)}
          data-testid="profile-new-password"
        />
        <Field
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          value={form.confirmPassword}
          error={errors.confirmPassword}
          onChange={(event) => change('confirmPassword')(event.target.value)}
          data-testid="profile-confirm-password"
        />
      </div>
      <div className="settings-card__footer">
        <span className="save-status" role="status" data-testid="profile-password-status">
          {isDone ? (
            <span className="save-status--ok">
              <CheckIcon size={16} /> Password changed. Your other sessions were signed out.
            </span>
          ) : formError ? (
            <span className="save-status--error">{formError}</span>
          ) : null}
        </span>
        <button type="submit" className="btn btn--primary" disabled={isSaving} data-testid="profile-password-save">
          {isSaving ? <Spinner size="sm" /> : null}
          {isSaving ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  );
}
