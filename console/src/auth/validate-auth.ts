export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface SignupValues {
  email: string;
  password: string;
  name: string;
  workspaceName: string;
}

export interface LoginValues {
  email: string;
  password: string;
}

export const PASSWORD_MIN_LENGTH = 8;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignup(values: SignupValues): FieldErrors<keyof SignupValues> {
  const errors: FieldErrors<keyof SignupValues> = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  const emailError = validateEmail(values.email);
  if (emailError) errors.email = emailError;
  if (values.password.length < PASSWORD_MIN_LENGTH) {
    errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (!values.workspaceName.trim()) errors.workspaceName = 'Enter your company or workspace name.';
  return errors;
}

export function validateLogin(values: LoginValues): FieldErrors<keyof LoginValues> {
  const errors: FieldErrors<keyof LoginValues> = {};
  const emailError = validateEmail(values.email);
  if (emailError) errors.email = emailError;
  if (!values.password) errors.password = 'Enter your password.';
  return errors;
}

function validateEmail(email: string): string | null {
  const trimmed = email.trim();
  if (!trimmed) return 'Enter your email address.';
  if (!EMAIL_PATTERN.test(trimmed)) return 'Enter an email address like name@company.com.';
  return null;
}

export function hasErrors(errors: Record<string, string | undefined>): boolean {
  return Object.values(errors).some(Boolean);
}
