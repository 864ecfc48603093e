import type { PreChatForm } from '../../protocol/pre-chat.ts';

// The same rule as the widget's form: something@something.something, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface AnswerProblem {
  key: string;
  reason: 'required' | 'email' | 'option' | 'unknown';
}

/** The answers as they will be stored (trimmed, empty ones dropped), or the problems found. */
export function checkPreChatAnswers(
  form: PreChatForm,
  answers: Record<string, string>,
): { ok: true; values: Record<string, string> } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const values: Record<string, string> = {};
  const fieldsByKey = new Map(form.fields.map((field) => [field.key, field]));
  for (const key of Object.keys(answers)) {
    if (!fieldsByKey.has(key)) problems.push({ key, reason: 'unknown' });
  }
  for (const field of form.fields) {
    const value = (answers[field.key] ?? '').trim();
    if (value === '') {
      if (field.required) problems.push({ key: field.key, reason: 'required' });
      continue;
    }
    if (field.type === 'email' && !EMAIL_PATTERN.test(value)) problems.push({ key: field.key, reason: 'email' });
    else if (field.type === 'select' && !field.options?.includes(value))
      problems.push({ key: field.key, reason: 'option' });
    else values[field.key] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}
