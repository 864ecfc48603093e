import type { RoutingRule } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import {
  createRuleDraft,
  describePatternWarning,
  fromRuleDrafts,
  isSameRules,
  moveItem,
  toRuleDrafts,
} from './routing-rules-form.ts';

const BILLING = '00000000-0000-4000-8000-000000000001';
const SALES = '00000000-0000-4000-8000-000000000002';
const teams = new Set([BILLING, SALES]);

const saved: RoutingRule[] = [
  { id: 'r1', field: 'page_url', attributeKey: null, pattern: '*pricing*', teamId: BILLING },
  { id: 'r2', field: 'attribute', attributeKey: 'plan', pattern: 'enterprise', teamId: SALES },
  { id: 'r3', field: 'language', attributeKey: null, pattern: 'de', teamId: SALES },
];

describe('rules ↔ drafts', () => {
  test('a round trip keeps the order and drops attributeKey where it does not belong', () => {
    const drafts = toRuleDrafts(saved);
    expect(isSameRules(drafts, saved)).toBe(true);
    expect(fromRuleDrafts(drafts, teams)).toEqual({
      ok: true,
      rules: [
        { field: 'page_url', pattern: '*pricing*', teamId: BILLING },
        { field: 'attribute', attributeKey: 'plan', pattern: 'enterprise', teamId: SALES },
        { field: 'language', pattern: 'de', teamId: SALES },
      ],
    });
  });

  test('an attribute key typed and then left behind by switching field is not sent', () => {
    const [rule] = toRuleDrafts(saved);
    const result = fromRuleDrafts([{ ...rule!, attributeKey: 'plan' }], teams);
    expect(result.ok && result.rules[0]).toEqual({ field: 'page_url', pattern: '*pricing*', teamId: BILLING });
  });

  test('patterns and keys are trimmed', () => {
    const draft = {
      ...createRuleDraft(BILLING),
      field: 'attribute' as const,
      attributeKey: ' plan ',
      pattern: ' pro ',
    };
    const result = fromRuleDrafts([draft], teams);
    expect(result.ok && result.rules[0]).toEqual({
      field: 'attribute',
      attributeKey: 'plan',
      pattern: 'pro',
      teamId: BILLING,
    });
  });

  test('every missing piece is reported next to its field', () => {
    const empty = createRuleDraft();
    const attribute = { ...createRuleDraft(SALES), field: 'attribute' as const, pattern: 'x' };
    const goneTeam = { ...createRuleDraft('00000000-0000-4000-8000-00000000dead'), pattern: '*' };
    const result = fromRuleDrafts([empty, attribute, goneTeam], teams);
    expect(result).toEqual({
      ok: false,
      count: 4,
      errors: {
        [`${empty.id}.pattern`]: 'Enter what to match.',
        [`${empty.id}.teamId`]: 'Choose a team.',
        [`${attribute.id}.attributeKey`]: 'Name the attribute.',
        [`${goneTeam.id}.teamId`]: 'Choose a team.',
      },
    });
  });

  test('isSameRules notices edits and moves', () => {
    const drafts = toRuleDrafts(saved);
    expect(isSameRules(moveItem(drafts, 0, 1), saved)).toBe(false);
    expect(isSameRules([{ ...drafts[0]!, pattern: '*price*' }, ...drafts.slice(1)], saved)).toBe(false);
    expect(isSameRules(drafts.slice(1), saved)).toBe(false);
  });
});

test('moveItem moves one place and stops at the ends', () => {
  expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
  expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  expect(moveItem(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
});

test('a page URL without a wildcard gets a hint', () => {
  expect(describePatternWarning('page_url', 'pricing')).toMatch(/\*pricing\*/);
  expect(describePatternWarning('page_url', '*pricing*')).toBeNull();
  expect(describePatternWarning('language', 'de')).toBeNull();
  expect(describePatternWarning('page_url', ' ')).toBeNull();
});
