import type { CannedResponse } from '@parley/api/protocol';
import { describe, expect, it } from 'vitest';
import { canWriteCanned, checkCannedDraft, matchesCannedSearch, normalizeShortcut } from './canned-form.ts';
import { checkLabelName } from './label-form.ts';

const REFUND: CannedResponse = {
  id: 'a',
  shortcut: 'refund',
  title: 'Refund policy',
  body: 'Refunds take 5 days.',
  scope: 'shared',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const draft = { shortcut: 'hello', title: 'Hello', body: 'Hello!', scope: 'personal' as const };

describe('canned response drafts', () => {
  it('normalizes shortcuts: lower case, no leading slash', () => {
    expect(normalizeShortcut(' /Refund ')).toBe('refund');
  });

  it('passes a good draft and explains each problem', () => {
    expect(checkCannedDraft(draft, [REFUND])).toEqual({});
    expect(checkCannedDraft({ ...draft, shortcut: 'two words', title: ' ', body: '' }, [])).toEqual({
      shortcut: 'Use only letters, digits, - and _ (no spaces).',
      title: 'Give it a title.',
      body: 'Write the reply it inserts.',
    });
    expect(checkCannedDraft({ ...draft, shortcut: 'x'.repeat(33) }, []).shortcut).toMatch(/32 characters/);
    expect(checkCannedDraft({ ...draft, body: 'x'.repeat(5001) }, []).body).toMatch(/5,000/);
  });

  it('refuses a shortcut taken in the same scope only', () => {
    expect(checkCannedDraft({ ...draft, shortcut: 'REFUND', scope: 'shared' }, [REFUND]).shortcut).toMatch(/taken/);
    expect(checkCannedDraft({ ...draft, shortcut: 'refund' }, [REFUND])).toEqual({});
    expect(checkCannedDraft({ ...draft, shortcut: 'refund', scope: 'shared' }, [REFUND], REFUND.id)).toEqual({});
  });

  it('lets agents write only personal responses', () => {
    expect(canWriteCanned('agent', 'personal')).toBe(true);
    expect(canWriteCanned('agent', 'shared')).toBe(false);
    expect(canWriteCanned('admin', 'shared')).toBe(true);
  });

  it('searches shortcut and title, ignoring case and a leading slash', () => {
    expect(matchesCannedSearch(REFUND, '/REF')).toBe(true);
    expect(matchesCannedSearch(REFUND, 'policy')).toBe(true);
    expect(matchesCannedSearch(REFUND, 'days')).toBe(false);
  });
});

describe('label names', () => {
  const labels = [{ id: '1', name: 'Billing', color: 'green' as const }];
  it('are required, at most 40 characters, and unique ignoring case', () => {
    expect(checkLabelName('  ', labels)).toBe('Give the label a name.');
    expect(checkLabelName('x'.repeat(41), labels)).toMatch(/40 characters/);
    expect(checkLabelName('billing', labels)).toBe('There is already a label called Billing.');
    expect(checkLabelName('billing', labels, '1')).toBeNull();
    expect(checkLabelName('Bug', labels)).toBeNull();
  });
});
