import type { PreChatForm } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { checkAnswers } from './check-answers.ts';

const form: PreChatForm = {
  enabled: true,
  fields: [
    { key: 'name', label: 'Name', type: 'text', required: true },
    { key: 'email', label: 'Email', type: 'email', required: false },
  ],
};

describe('checkAnswers', () => {
  test('a blank required field and a malformed email are named', () => {
    expect(checkAnswers(form, { name: '  ', email: 'ann@' })).toEqual({ name: 'required', email: 'email' });
  });

  test('an empty optional field is fine; valid answers have no problems', () => {
    expect(checkAnswers(form, { name: 'Ann' })).toEqual({});
    expect(checkAnswers(form, { name: 'Ann', email: 'ann@example.com' })).toEqual({});
  });
});
