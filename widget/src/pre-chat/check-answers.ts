import type { PreChatForm } from '@parley/api/protocol';

// The api checks the same (api/src/services/pre-chat/check-pre-chat-answers.ts); this only spares a round trip.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type FieldProblem = 'required' | 'email';

/** The problem of each field that has one, by key. */
export function checkAnswers(form: PreChatForm, answers: Record<string, string>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of form.fields) {
    const value = (answers[field.key] ?? '').trim();
    if (value === '' && field.required) problems[field.key] = 'required';
    else if (value !== '' && field.type === 'email' && !EMAIL_PATTERN.test(value)) problems[field.key] = 'email';
  }
  return problems;
}
