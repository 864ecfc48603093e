import { type FormEvent, useState } from 'react';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { signUp } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';
import type { AuthPageData } from '../app/loaders.ts';
import { Field } from '../ui/field.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { AuthLayout, FormAlert } from './auth-layout.tsx';
import {
  type FieldErrors,
  hasErrors,
  PASSWORD_MIN_LENGTH,
  type SignupValues,
  validateSignup,
} from './validate-auth.ts';

const EMPTY: SignupValues = { email: '', password: '', name: '', workspaceName: '' };

export function SignupPage() {
  const { instance } = useLoaderData() as AuthPageData;
  const navigate = useNavigate();
  const [values, setValues] = useState<SignupValues>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<keyof SignupValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  function update(key: keyof SignupValues, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateSignup(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) return;
    setIsSubmitting(true);
    try {
      await signUp({
        email: values.email.trim(),
        password: values.password,
        name: values.name.trim(),
        workspaceName: values.workspaceName.trim(),
      });
      navigate('/conversations', { replace: true });
    } catch (error) {
      setIsSubmitting(false);
      if (isApiError(error, 'auth/email_taken')) setErrors({ email: error.message });
      else setFormError(isApiError(error) ? error.message : 'Could not create your account. Try again.');
    }
  }

  return (
    <AuthLayout
      title={instance.hasAccounts ? 'Create a workspace' : 'Set up Parley'}
      subtitle={
        instance.hasAccounts
          ? 'Start a new workspace for your team.'
          : 'Create the first account. You will be the owner of this workspace.'
      }
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form className="stack-form" onSubmit={handleSubmit} noValidate>
        <FormAlert message={formError} />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(event) => update('name', event.target.value)}
          error={errors.name}
          data-testid="signup-name"
          autoFocus
        />
        <Field
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          data-testid="signup-email"
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
          value={values.password}
          onChange={(event) => update('password', event.target.value)}
          error={errors.password}
          data-testid="signup-password"
        />
        <Field
          label="Company or workspace name"
          name="workspaceName"
          autoComplete="organization"
          placeholder="Acme Inc."
          value={values.workspaceName}
          onChange={(event) => update('workspaceName', event.target.value)}
          error={errors.workspaceName}
          data-testid="signup-workspace"
        />
        <button
          type="submit"
          className="btn btn--primary btn--block btn--lg"
          disabled={isSubmitting}
          data-testid="signup-submit"
        >
          {isSubmitting ? <Spinner size="sm" /> : null}
          {isSubmitting ? 'Creating your workspace…' : 'Create account'}
        </button>
      </form>
    </AuthLayout>
  );
}
