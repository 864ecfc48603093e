import type { Label } from '@parley/api/protocol';

export const MAX_LABEL_NAME = 40;

/** What is wrong with a label name, the same rules as the api (unique ignoring case), or null. */
export function checkLabelName(name: string, labels: readonly Label[], ownId?: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'Give the label a name.';
  if (trimmed.length > MAX_LABEL_NAME) return `Keep the name to ${MAX_LABEL_NAME} characters or fewer.`;
  const lower = trimmed.toLowerCase();
  const clash = labels.find((label) => label.id !== ownId && label.name.toLowerCase() === lower);
  return clash ? `There is already a label called ${clash.name}.` : null;
}

export function sortLabels(labels: readonly Label[]): Label[] {
  return [...labels].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}
