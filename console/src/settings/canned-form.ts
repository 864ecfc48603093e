import type { CannedResponse, CannedScope, Role } from '@parley/api/protocol';

export const CANNED_LIMITS = { shortcut: 32, title: 100, body: 5000 } as const;

export interface CannedDraft {
  shortcut: string;
  title: string;
  body: string;
  scope: CannedScope;
}

export type CannedProblems = Partial<Record<'shortcut' | 'title' | 'body', string>>;

/** Shortcuts are stored lower case; a leading `/` typed out of habit is dropped. */
export function normalizeShortcut(value: string): string {
  return value.trim().replace(/^\/+/, '').toLowerCase();
}

/** The same checks as the api, one message per field; empty when the draft can be saved. */
export function checkCannedDraft(
  draft: CannedDraft,
  existing: readonly CannedResponse[],
  ownId?: string,
): CannedProblems {
  const problems: CannedProblems = {};
  const shortcut = normalizeShortcut(draft.shortcut);
  if (!shortcut) problems.shortcut = 'Give it a shortcut, like refund.';
  else if (shortcut.length > CANNED_LIMITS.shortcut)
    problems.shortcut = `Keep the shortcut to ${CANNED_LIMITS.shortcut} characters or fewer.`;
  else if (!/^[a-z0-9_-]+$/.test(shortcut)) problems.shortcut = 'Use only letters, digits, - and _ (no spaces).';
  else if (existing.some((r) => r.id !== ownId && r.scope === draft.scope && r.shortcut === shortcut))
    problems.shortcut = `/${shortcut} is already taken${draft.scope === 'shared' ? ' by a shared response' : ' by one of yours'}.`;
  if (!draft.title.trim()) problems.title = 'Give it a title.';
  else if (draft.title.trim().length > CANNED_LIMITS.title)
    problems.title = `Keep the title to ${CANNED_LIMITS.title} characters or fewer.`;
  if (!draft.body.trim()) problems.body = 'Write the reply it inserts.';
  else if (draft.body.length > CANNED_LIMITS.body)
    problems.body = `Keep the reply to ${CANNED_LIMITS.body.toLocaleString('en')} characters or fewer.`;
  return problems;
}

/** Shared responses are written by owners and admins; everyone writes their own. */
export function canWriteCanned(role: Role, scope: CannedScope): boolean {
  return scope === 'personal' || role !== 'agent';
}

/** Matches like the composer's search: the shortcut or title contains the words, ignoring case. */
export function matchesCannedSearch(response: CannedResponse, search: string): boolean {
  const words = search.trim().toLowerCase().replace(/^\//, '');
  return !words || response.shortcut.includes(words) || response.title.toLowerCase().includes(words);
}
