import { AVATAR_MAX_BYTES, AVATAR_TYPES } from '@parley/api/protocol';

export const NAME_MAX = 80;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function checkProfileName(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Enter your name.';
  if (trimmed.length > NAME_MAX) return `Keep it to ${NAME_MAX} characters or fewer.`;
  return null;
}

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export type PasswordErrors = Partial<Record<keyof PasswordForm, string>>;

/** Errors by field, the same rules as the api's (signup's length rules). */
export function checkPasswordForm(form: PasswordForm): PasswordErrors {
  const errors: PasswordErrors = {};
  if (!form.currentPassword) errors.currentPassword = 'Enter your current password.';
  if (form.newPassword.length < PASSWORD_MIN) errors.newPassword = `Use at least ${PASSWORD_MIN} characters.`;
  else if (form.newPassword.length > PASSWORD_MAX) errors.newPassword = `Use at most ${PASSWORD_MAX} characters.`;
  else if (form.newPassword === form.currentPassword) errors.newPassword = 'Choose a password you do not use now.';
  if (!errors.newPassword && form.confirmPassword !== form.newPassword)
    errors.confirmPassword = 'The two new passwords are not the same.';
  return errors;
}

/** A quick check before uploading; the api checks the bytes themselves. */
export function checkAvatarFile(file: { type: string; size: number }): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG or WebP image.';
  if (file.size > AVATAR_MAX_BYTES) return 'The picture must be 512 KB or less.';
  return null;
}
