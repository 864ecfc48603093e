import type { Appearance, PreChatField, PreChatFieldType, ReplyTime } from '@parley/api/protocol';

/** Where an answer goes: the visitor's name, their email, or an attribute under its own key. */
export type FieldTarget = 'name' | 'email' | 'custom';

export interface FieldDraft {
  /** Stable while the list is edited (React key). */
  id: string;
  target: FieldTarget;
  /** The attribute key of a custom field. */
  key: string;
  label: string;
  type: PreChatFieldType;
  required: boolean;
  /** A dropdown's choices, one a line. */
  optionsText: string;
}

export interface AppearanceDraft {
  color: string;
  position: 'left' | 'right';
  launcherText: string;
  title: string;
  greeting: string;
  logoUrl: string;
  preChatEnabled: boolean;
  fields: FieldDraft[];
  /** What the widget promises under its title while agents are online; auto: the inbox's median first response. */
  replyTime: 'auto' | ReplyTime;
}

export const MAX_PRE_CHAT_FIELDS = 10;
export const DEFAULT_COLOR = '#4f46e5';
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

let nextId = 0;
const newId = () => `field-${++nextId}`;

function targetOf(key: string): FieldTarget {
  return key === 'name' || key === 'email' ? key : 'custom';
}

export function toDraft(appearance: Appearance): AppearanceDraft {
  const form = appearance.preChatForm;
  return {
    color: appearance.color ?? DEFAULT_COLOR,
    position: appearance.position ?? 'right',
    launcherText: appearance.launcherText ?? '',
    title: appearance.title ?? '',
    greeting: appearance.greeting ?? '',
    logoUrl: appearance.logoUrl ?? '',
    preChatEnabled: form?.enabled ?? false,
    replyTime: appearance.replyTime ?? 'auto',
    fields: (form?.fields ?? []).map((field) => ({
      id: newId(),
      target: targetOf(field.key),
      key: field.key,
      label: field.label,
      type: field.type,
      required: field.required,
      optionsText: (field.options ?? []).join('\n'),
    })),
  };
}

/** A new field: the visitor's name first, then their email, then custom questions. */
export function newField(existing: FieldDraft[]): FieldDraft {
  const taken = new Set(existing.map((field) => field.target));
  if (!taken.has('name')) {
    return { id: newId(), target: 'name', key: 'name', label: 'Name', type: 'text', required: true, optionsText: '' };
  }
  if (!taken.has('email')) {
    return {
      id: newId(),
      target: 'email',
      key: 'email',
      label: 'Email',
      type: 'email',
      required: true,
      optionsText: '',
    };
  }
  return { id: newId(), target: 'custom', key: '', label: '', type: 'text', required: false, optionsText: '' };
}

/** "Order number" → "order_number": the attribute key a custom field saves to. */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
  return key || 'field';
}

function optionsOf(field: FieldDraft): string[] {
  return [
    ...new Set(
      field.optionsText
        .split('\n')
        .map((option) => option.trim())
        .filter(Boolean),
    ),
  ];
}

function keyOf(field: FieldDraft): string {
  return field.target === 'custom' ? field.key || keyFromLabel(field.label) : field.target;
}

/** What the api takes: empty texts left out, keys and options filled in. */
export function toAppearance(draft: AppearanceDraft): Appearance {
  const text = (value: string) => value.trim() || undefined;
  const fields: PreChatField[] = draft.fields.map((field) => ({
    key: keyOf(field),
    label: field.label.trim(),
    type: field.target === 'email' ? 'email' : field.type,
    required: field.required,
    ...(field.type === 'select' && field.target !== 'email' ? { options: optionsOf(field) } : {}),
  }));
  const appearance: Appearance = {
    color: draft.color,
    position: draft.position,
    launcherText: text(draft.launcherText),
    title: text(draft.title),
    greeting: text(draft.greeting),
    logoUrl: text(draft.logoUrl),
    preChatForm: { enabled: draft.preChatEnabled, fields },
    replyTime: draft.replyTime === 'auto' ? undefined : draft.replyTime,
  };
  return JSON.parse(JSON.stringify(appearance)) as Appearance;
}

export type DraftErrors = Partial<Record<'color' | 'logoUrl' | 'fields', string>> & {
  byField: Record<string, string>;
};

/** The problems to show before saving; the api checks the same again. */
export function checkDraft(draft: AppearanceDraft): DraftErrors {
  const errors: DraftErrors = { byField: {} };
  if (!HEX_COLOR.test(draft.color)) errors.color = 'Use a colour like #4f46e5.';
  const logo = draft.logoUrl.trim();
  if (logo && !/^https:\/\/[^\s"<>]+$/.test(logo)) errors.logoUrl = 'Use an https:// address of an image.';
  if (draft.fields.length > MAX_PRE_CHAT_FIELDS) errors.fields = `At most ${MAX_PRE_CHAT_FIELDS} fields.`;
  if (draft.preChatEnabled && draft.fields.length === 0)
    errors.fields = 'Add at least one field, or turn the form off.';
  const seen = new Set<string>();
  for (const field of draft.fields) {
    const key = keyOf(field);
    if (!field.label.trim()) errors.byField[field.id] = 'Give the field a label.';
    else if (!KEY.test(key)) errors.byField[field.id] = 'The key starts with a letter: a–z, 0–9 and _.';
    else if (seen.has(key)) errors.byField[field.id] = `Another field already saves to “${key}”.`;
    else if (field.type === 'select' && field.target !== 'email' && optionsOf(field).length === 0) {
      errors.byField[field.id] = 'Add at least one choice, one a line.';
    }
    seen.add(key);
  }
  return errors;
}

export function hasErrors(errors: DraftErrors): boolean {
  return Boolean(errors.color || errors.logoUrl || errors.fields || Object.keys(errors.byField).length);
}

export function moveField(fields: FieldDraft[], index: number, by: -1 | 1): FieldDraft[] {
  const target = index + by;
  if (target < 0 || target >= fields.length) return fields;
  const moved = [...fields];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}
