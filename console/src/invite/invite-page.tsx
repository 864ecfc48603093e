import { type FormEvent, useState } from 'react';
import { Link, useLoaderData, useNavigate } from 'react-router';
import { isApiError } from '../api/http.ts';
import { AuthLayout, FormAlert } from '../auth/auth-layout.tsx';
import { type FieldErrors, hasErrors, PASSWORD_MIN_LENGTH } from '../auth/validate-auth.ts';
import { Field } from '../ui/field.tsx';
import { AlertIcon } from '../ui/icons.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { acceptInvitation, describeUnusable, type InvitePageData } from './invite-loader.ts';
import './invite.css';

interface AcceptValues {
  name: string;
  password: string;
}

const ROLE_WORDS = { admin: 'an admin', agent: 'an agent' } as const;

/** `/invite/:token`: the invitee chooses a name and password, joins the workspace and lands in the console. */
export function InvitePage() {
  const data = useLoaderData() as InvitePageData;
  const [unusable, setUnusable] = useState<{ code: string; message: string } | null>(null);
  if (data.kind === 'unusable' || unusable) {
    const { code, message } = unusable ?? (data as Extract<InvitePageData, { kind: 'unusable' }>);
    return <UnusableInvitation code={code} message={message} />;
  }
  return <AcceptForm data={data} onUnusable={setUnusable} />;
}

function AcceptForm({
  data,
  onUnusable,
}: {
  data: Extract<InvitePageData, { kind: 'usable' }>;
  onUnusable(state: { code: string; message: string }): void;
}) {
  const navigate = useNavigate();
  const { invitation } = data;
  const [values, setValues] = useState<AcceptValues>({ name: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors<keyof AcceptValues>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  function update(key: keyof AcceptValues, value: string) {
    setValues((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: undefined }));
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors<keyof AcceptValues> = {
      name: values.name.trim() ? undefined : 'Enter your name.',
      password:
        values.password.length < PASSWORD_MIN_LENGTH ? `Use at least ${PASSWORD_MIN_LENGTH} characters.` : undefined,
    };
    setErrors(found);
    setFormError(null);
    if (hasErrors(found)) return;
    setIsSubmitting(true);
    try {
      await acceptInvitation(data.token, { name: values.name.trim(), password: values.password });
      navigate('/conversations', { replace: true });
    } catch (error) {
      setIsSubmitting(false);
      if (isApiError(error) && error.code.startsWith('invitation/'))
        onUnusable({ code: error.code, message: describeUnusable(error.code, error.message) });
      else setFormError(isApiError(error) ? error.message : 'Could not create your account. Try again.');
    }
  }

  const inviter = invitation.invitedByName ?? 'Someone';
  return (
    <AuthLayout
      title={`Join ${invitation.workspaceName}`}
      subtitle={`${inviter} invited you as ${ROLE_WORDS[invitation.role]}. Choose your name and a password.`}
      footer={
        <>
          Already have an account? <Link to="/login">Log in</Link>
        </>
      }
    >
      <form className="stack-form" onSubmit={handleSubmit} noValidate data-testid="invite-accept-form">
        <FormAlert message={formError} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hint="The address you were invited at. You sign in with it."
          data-testid="invite-accept-email"
        />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(event) => update('name', event.target.value)}
          error={errors.name}
          data-testid="invite-accept-name"
          autoFocus
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
          data-testid="invite-accept-password"
        />
        <button
          type="submit"
          className="btn btn--primary btn--block btn--lg"
          disabled={isSubmitting}
          data-testid="invite-accept-submit"
        >
          {isSubmitting ? <Spinner size="sm" /> : null}
          {isSubmitting ? 'Joining…' : `Join ${invitation.workspaceName}`}
        </button>
      </form>
    </AuthLayout>
  );
}

function UnusableInvitation({ code, message }: { code: string; message: string }) {
  return (
    <AuthLayout
      title="This invitation can’t be used"
      subtitle="Ask an owner or admin of the workspace for a new link."
      footer={
        <>
          Already joined? <Link to="/login">Log in</Link>
        </>
      }
    >
      <div className="invite-problem" role="alert" data-testid="invite-unusable" data-code={code}>
        <AlertIcon size={20} />
        <p>{message}</p>
      </div>
    </AuthLayout>
  );
}
