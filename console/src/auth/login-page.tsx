import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { logIn } from '../api/endpoints.ts';
import { isApiError } from '../api/http.ts';
import { readNextPath } from '../app/loaders.ts';
import { Field } from '../ui/field.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { AuthLayout, FormAlert } from './auth-layout.tsx';
import { type FieldErrors, hasErrors, type LoginValues, validateLogin } from './validate-auth.ts';

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<LoginValues>({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof LoginValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  function update(key: keyof LoginValues, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateLogin(values);
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) return;
    setIsSubmitting(true);
    try {
      await logIn({ email: values.email.trim(), password: values.password });
      navigate(readNextPath(`${window.location.origin}${location.pathname}${location.search}`), { replace: true });
    } catch (error) {
      setIsSubmitting(false);
      setFormError(isApiError(error) ? error.message : 'Could not log you in. Try again.');
    }
  }

  return (
    <AuthLayout
      title="Log in"
      subtitle="Welcome back. Your conversations are waiting."
      footer={
        <>
          New to Parley? <Link to="/signup">Create a workspace</Link>
        </>
      }
    >
      <form className="stack-form" onSubmit={handleSubmit} noValidate>
        <FormAlert message={formError} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          value={values.email}
          onChange={(event) => update('email', event.target.value)}
          error={errors.email}
          data-testid="login-email"
          autoFocus
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => update('password', event.target.value)}
          error={errors.password}
          data-testid="login-password"
        />
        <button
          type="submit"
          className="btn btn--primary btn--block btn--lg"
          disabled={isSubmitting}
          data-testid="login-submit"
        >
          {isSubmitting ? <Spinner size="sm" /> : null}
          {isSubmitting ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </AuthLayout>
  );
}
