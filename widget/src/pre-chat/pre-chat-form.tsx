// widget-chat.pre-chat-form-<hash>.js: the pre-chat form, loaded only when the inbox has one.
import type { PreChatField, PreChatForm } from '@parley/api/protocol';
import { useRef, useState } from 'preact/hooks';
import { useChunkStyles } from '../ui/use-chunk-styles.ts';
import { checkAnswers, type FieldProblem } from './check-answers.ts';
import preChatCss from './pre-chat.css?inline';
import { preChatContext } from './pre-chat-context.ts';
import { preChatStrings } from './pre-chat-strings.ts';

interface PreChatFormViewProps {
  form: PreChatForm;
  locale: string | undefined;
  onDone(): void;
}

const fieldId = (key: string) => `parley-prechat-${key}`;

/** The inbox's questions before the first message: labelled fields, errors tied to them and announced. */
export function PreChatFormView({ form, locale, onDone }: PreChatFormViewProps) {
  const text = preChatStrings(locale);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [status, setStatus] = useState<'idle' | 'sending' | 'invalid' | 'failed'>('idle');
  const formRef = useRef<HTMLFormElement>(null);
  useChunkStyles(formRef, preChatCss);

  async function submit(event: Event) {
    event.preventDefault();
    const found = checkAnswers(form, answers);
    setProblems(found);
    const firstInvalid = form.fields.find((field) => found[field.key]);
    if (firstInvalid) {
      setStatus('invalid');
      formRef.current?.querySelector<HTMLElement>(`#${fieldId(firstInvalid.key)}`)?.focus();
      return;
    }
    setStatus('sending');
    try {
      const token = await preChatContext.visitorToken();
      const response = await fetch(`${preChatContext.apiBase}/v1/widget/pre-chat`, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ answers }),
      });
      if (!response.ok) throw new Error(`Parley: the pre-chat answers were refused (${response.status})`);
      onDone();
    } catch {
      setStatus('failed');
    }
  }

  return (
    <form class="prechat" ref={formRef} noValidate onSubmit={submit} data-testid="parley-prechat">
      <p class="prechat-intro">{text.intro}</p>
      <p class="prechat-alert" role="alert" data-testid="parley-prechat-alert">
        {status === 'invalid' ? text.fix : status === 'failed' ? text.failed : ''}
      </p>
      {form.fields.map((field) => (
        <Field
          key={field.key}
          field={field}
          value={answers[field.key] ?? ''}
          problem={problems[field.key] && text[problems[field.key]!]}
          optional={text.optional}
          choose={text.choose}
          onInput={(value) => {
            setAnswers((current) => ({ ...current, [field.key]: value }));
            setProblems(({ [field.key]: _, ...others }) => others);
          }}
        />
      ))}
      <button type="submit" class="prechat-start" disabled={status === 'sending'} data-testid="parley-prechat-start">
        {status === 'sending' ? text.sending : text.start}
      </button>
    </form>
  );
}

interface FieldProps {
  field: PreChatField;
  value: string;
  problem: string | undefined;
  optional: string;
  choose: string;
  onInput(value: string): void;
}

function Field({ field, value, problem, optional, choose, onInput }: FieldProps) {
  const id = fieldId(field.key);
  const shared = {
    id,
    name: field.key,
    class: 'prechat-input',
    value,
    required: field.required,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': problem ? `${id}-error` : undefined,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="prechat-field">
      <label class="prechat-label" for={id}>
        {field.label}
        {!field.required && <span class="prechat-optional"> ({optional})</span>}
      </label>
      {field.type === 'textarea' ? (
        <textarea {...shared} rows={3} maxLength={1000} />
      ) : field.type === 'select' ? (
        <select {...shared}>
          <option value="">{choose}</option>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...shared}
          type={field.type === 'email' ? 'email' : 'text'}
          list={undefined}
          maxLength={1000}
          autocomplete={field.type === 'email' ? 'email' : field.key === 'name' ? 'name' : 'off'}
        />
      )}
      {problem && (
        <p class="prechat-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}
