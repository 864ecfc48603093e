import { describe, expect, it } from 'vitest';
import { hasErrors, validateLogin, validateSignup } from './validate-auth.ts';

describe('validateSignup', () => {
  it('accepts a complete form', () => {
    const errors = validateSignup({
      email: 'ann@acme.test',
      password: 'longenough',
      name: 'Ann',
      workspaceName: 'Acme',
    });
    expect(hasErrors(errors)).toBe(false);
  });

  it('explains each problem', () => {
    const errors = validateSignup({ email: 'ann', password: 'short', name: ' ', workspaceName: '' });
    expect(Object.keys(errors).sort()).toEqual(['email', 'name', 'password', 'workspaceName']);
    expect(errors.password).toContain('8');
  });
});

describe('validateLogin', () => {
  it('needs an email and a password', () => {
    expect(validateLogin({ email: '', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(hasErrors(validateLogin({ email: 'a@b.co', password: 'x' }))).toBe(false);
  });
});
