import { AppError } from '../../app-error.ts';
import type { PreChatForm } from '../../protocol/pre-chat.ts';

/** What the schema cannot say about a form: unique keys, options exactly on selects, unique options. */
export function checkPreChatForm(form: PreChatForm): void {
  const problems: string[] = [];
  const keys = new Set<string>();
  form.fields.forEach((field, index) => {
    const at = `appearance.preChatForm.fields[${index}]`;
    if (keys.has(field.key)) problems.push(`${at}.key '${field.key}' is used twice`);
    keys.add(field.key);
    if (field.type === 'select' && !field.options) problems.push(`${at} is a select without options`);
    if (field.type !== 'select' && field.options) problems.push(`${at}.options is only for a select`);
    if (field.options && new Set(field.options).size !== field.options.length) {
      problems.push(`${at}.options has the same choice twice`);
    }
    if (field.key === 'email' && field.type !== 'email') problems.push(`${at}: the 'email' key needs the email type`);
  });
  if (problems.length > 0) throw new AppError('request/invalid', `${problems.join('; ')}.`);
}
