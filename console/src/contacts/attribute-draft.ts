/** One editable attribute row; `key` and `value` as typed. */
export interface AttributeRow {
  key: string;
  value: string;
}

export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;
export const ATTRIBUTE_VALUE_MAX = 500;
export const ATTRIBUTES_MAX = 50;

export function toAttributeRows(attributes: Record<string, string>): AttributeRow[] {
  return Object.entries(attributes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, value }));
}

export type AttributeCheck =
  | { ok: true; attributes: Record<string, string> }
  | { ok: false; problem: string; rowIndex: number | null };

/** The rows as the api takes them, or the first problem; rows left entirely blank are dropped. */
export function checkAttributeRows(rows: readonly AttributeRow[]): AttributeCheck {
  const attributes: Record<string, string> = {};
  const kept = rows.map((row, index) => ({ key: row.key.trim(), value: row.value, index }));
  let count = 0;
  for (const row of kept) {
    if (row.key === '' && row.value.trim() === '') continue;
    if (!ATTRIBUTE_KEY_PATTERN.test(row.key))
      return {
        ok: false,
        rowIndex: row.index,
        problem: 'Names use letters, digits, “_”, “.” or “-” (up to 100).',
      };
    if (Object.hasOwn(attributes, row.key))
      return { ok: false, rowIndex: row.index, problem: `“${row.key}” is there twice.` };
    if (row.value.length > ATTRIBUTE_VALUE_MAX)
      return { ok: false, rowIndex: row.index, problem: `Values are at most ${ATTRIBUTE_VALUE_MAX} characters.` };
    attributes[row.key] = row.value;
    count++;
  }
  if (count > ATTRIBUTES_MAX) return { ok: false, rowIndex: null, problem: `At most ${ATTRIBUTES_MAX} attributes.` };
  return { ok: true, attributes };
}
