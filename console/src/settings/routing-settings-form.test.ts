import { describe, expect, test } from 'vitest';
import {
  canManageRouting,
  formatDuration,
  fromRoutingDraft,
  parseOptionalCapacity,
  parseWholeNumber,
  type RoutingDraft,
  splitDuration,
  summarizeRouting,
  toRoutingDraft,
} from './routing-settings-form.ts';

const saved = { mode: 'auto', defaultCapacity: 10, reassignAfterSeconds: null, businessHours: null } as const;

describe('routing draft', () => {
  test('off by default offers five minutes when the reassignment is turned on', () => {
    const draft = toRoutingDraft(saved);
    expect(draft).toEqual({
      mode: 'auto',
      defaultCapacity: '10',
      isReassignOn: false,
      reassignAmount: '5',
      reassignUnit: 'minutes',
    });
    expect(fromRoutingDraft(draft)).toEqual({
      ok: true,
      routing: { mode: 'auto', defaultCapacity: 10, reassignAfterSeconds: null },
    });
    expect(fromRoutingDraft({ ...draft, isReassignOn: true })).toEqual({
      ok: true,
      routing: { mode: 'auto', defaultCapacity: 10, reassignAfterSeconds: 300 },
    });
  });

  test('a saved delay comes back in the largest unit that fits exactly', () => {
    expect(toRoutingDraft({ ...saved, reassignAfterSeconds: 90 })).toMatchObject({
      isReassignOn: true,
      reassignAmount: '90',
      reassignUnit: 'seconds',
    });
    expect(toRoutingDraft({ ...saved, reassignAfterSeconds: 86_400 })).toMatchObject({
      reassignAmount: '24',
      reassignUnit: 'hours',
    });
  });

  test.each([
    ['10', 'seconds', 10],
    ['2', 'minutes', 120],
    ['24', 'hours', 86_400],
  ] as const)('%s %s is %i seconds', (amount, unit, seconds) => {
    const draft: RoutingDraft = {
      ...toRoutingDraft(saved),
      isReassignOn: true,
      reassignAmount: amount,
      reassignUnit: unit,
    };
    const result = fromRoutingDraft(draft);
    expect(result.ok && result.routing.reassignAfterSeconds).toBe(seconds);
  });

  test.each([
    ['9', 'seconds'],
    ['25', 'hours'],
    ['0', 'minutes'],
    ['', 'minutes'],
    ['1.5', 'minutes'],
  ] as const)('%j %s is outside 10 seconds – 24 hours', (amount, unit) => {
    const draft: RoutingDraft = {
      ...toRoutingDraft(saved),
      isReassignOn: true,
      reassignAmount: amount,
      reassignUnit: unit,
    };
    const result = fromRoutingDraft(draft);
    expect(result.ok ? null : result.errors.reassign).toMatch(/10 seconds to 24 hours/);
  });

  test.each(['0', '101', '', 'ten', '2.5', '-1'])('capacity %j is refused', (capacity) => {
    const result = fromRoutingDraft({ ...toRoutingDraft(saved), defaultCapacity: capacity });
    expect(result.ok ? null : result.errors.defaultCapacity).toMatch(/1 to 100/);
  });

  test('both problems are reported at once', () => {
    const result = fromRoutingDraft({
      ...toRoutingDraft(saved),
      defaultCapacity: '0',
      isReassignOn: true,
      reassignAmount: '1',
      reassignUnit: 'seconds',
    });
    expect(result.ok ? {} : Object.keys(result.errors)).toEqual(['defaultCapacity', 'reassign']);
  });
});

test('splitDuration and formatDuration', () => {
  expect(splitDuration(45)).toEqual({ amount: 45, unit: 'seconds' });
  expect(splitDuration(60)).toEqual({ amount: 1, unit: 'minutes' });
  expect(splitDuration(5400)).toEqual({ amount: 90, unit: 'minutes' });
  expect(formatDuration(60)).toBe('1 minute');
  expect(formatDuration(3600)).toBe('1 hour');
  expect(formatDuration(7200)).toBe('2 hours');
  expect(formatDuration(10)).toBe('10 seconds');
});

test('parseOptionalCapacity: blank is the inbox default', () => {
  expect(parseOptionalCapacity('  ')).toEqual({ ok: true, capacity: null });
  expect(parseOptionalCapacity('3')).toEqual({ ok: true, capacity: 3 });
  expect(parseOptionalCapacity('100')).toEqual({ ok: true, capacity: 100 });
  expect(parseOptionalCapacity('101').ok).toBe(false);
  expect(parseOptionalCapacity('0').ok).toBe(false);
  expect(parseOptionalCapacity('abc').ok).toBe(false);
});

test('parseWholeNumber accepts digits only', () => {
  expect(parseWholeNumber(' 42 ')).toBe(42);
  expect(parseWholeNumber('1e2')).toBeNull();
  expect(parseWholeNumber('')).toBeNull();
});

test('owners and admins manage routing; agents read', () => {
  expect(canManageRouting('owner')).toBe(true);
  expect(canManageRouting('admin')).toBe(true);
  expect(canManageRouting('agent')).toBe(false);
});

test('summarizeRouting says it in one line', () => {
  expect(summarizeRouting({ mode: 'auto', defaultCapacity: 4, reassignAfterSeconds: 120 })).toBe(
    'Automatic · up to 4 each · back to the queue after 2 minutes',
  );
  expect(summarizeRouting({ mode: 'off', defaultCapacity: 10, reassignAfterSeconds: null })).toBe(
    'Off · up to 10 each',
  );
});
