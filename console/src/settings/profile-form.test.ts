import { expect, test } from 'vitest';
import { checkAvatarFile, checkPasswordForm, checkProfileName } from './profile-form.ts';
import { applyProfileChanges } from './profile-me-store.ts';

test('name: required, at most 80 characters once trimmed', () => {
  expect(checkProfileName('  ')).toBe('Enter your name.');
  expect(checkProfileName('x'.repeat(81))).toMatch(/80/);
  expect(checkProfileName(` ${'x'.repeat(80)} `)).toBeNull();
});

test('password: errors by field', () => {
  expect(checkPasswordForm({ currentPassword: '', newPassword: 'short', confirmPassword: '' })).toEqual({
    currentPassword: 'Enter your current password.',
    newPassword: 'Use at least 8 characters.',
  });
  expect(
    checkPasswordForm({ currentPassword: 'old password', newPassword: 'new password', confirmPassword: 'other' }),
  ).toEqual({
    confirmPassword: 'The two new passwords are not the same.',
  });
  expect(
    checkPasswordForm({
      currentPassword: 'same password',
      newPassword: 'same password',
      confirmPassword: 'same password',
    }),
  ).toEqual({ newPassword: 'Choose a password you do not use now.' });
  expect(
    checkPasswordForm({
      currentPassword: 'old password',
      newPassword: 'new password',
      confirmPassword: 'new password',
    }),
  ).toEqual({});
});

test('avatar: PNG, JPEG or WebP up to 512 KB', () => {
  expect(checkAvatarFile({ type: 'image/png', size: 512 * 1024 })).toBeNull();
  expect(checkAvatarFile({ type: 'image/png', size: 512 * 1024 + 1 })).toMatch(/512 KB/);
  expect(checkAvatarFile({ type: 'image/svg+xml', size: 10 })).toMatch(/PNG, JPEG or WebP/);
  expect(checkAvatarFile({ type: 'text/html', size: 10 })).toMatch(/PNG, JPEG or WebP/);
});

test('live Me: a new name and a removed picture apply over the loaded one', () => {
  const me = {
    user: { id: 'u', email: 'a@example.test', name: 'Old', avatarUrl: '/v1/users/u/avatar?v=1' },
    workspace: { id: 'w', name: 'W' },
    role: 'agent' as const,
  };
  expect(applyProfileChanges(me, {})).toBe(me);
  expect(applyProfileChanges(me, { name: 'New' }).user).toEqual({ ...me.user, name: 'New' });
  expect(applyProfileChanges(me, { avatarUrl: null }).user).toEqual({ id: 'u', email: 'a@example.test', name: 'Old' });
  expect(applyProfileChanges(me, { avatarUrl: '/v2' }).user.avatarUrl).toBe('/v2');
});
