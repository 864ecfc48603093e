import { expect, test } from 'vitest';
import { matchesRule, type VisitorFacts } from './choose-team.ts';

const visitor = (facts: Partial<VisitorFacts>): VisitorFacts => ({
  page_url: null,
  language: null,
  attributes: {},
  ...facts,
});

test('a page URL rule matches with * wildcards and nothing else', () => {
  const rule = { field: 'page_url' as const, attribute_key: null, pattern: 'https://shop.example.com/billing*' };
  expect(matchesRule(rule, visitor({ page_url: 'https://shop.example.com/billing/invoices?id=1' }))).toBe(true);
  expect(matchesRule(rule, visitor({ page_url: 'https://shop.example.com/pricing' }))).toBe(false);
  expect(matchesRule(rule, visitor({ page_url: 'https://evil.example/?https://shop.example.com/billing' }))).toBe(
    false,
  );
  expect(matchesRule(rule, visitor({}))).toBe(false);
});

test('a language rule matches the tag and its regional variants', () => {
  const rule = { field: 'language' as const, attribute_key: null, pattern: 'de' };
  expect(matchesRule(rule, visitor({ language: 'de' }))).toBe(true);
  expect(matchesRule(rule, visitor({ language: 'de-AT' }))).toBe(true);
  expect(matchesRule(rule, visitor({ language: 'dev' }))).toBe(false);
  expect(matchesRule(rule, visitor({ language: 'en-US' }))).toBe(false);
});

test('an attribute rule matches the host page attribute by value', () => {
  const rule = { field: 'attribute' as const, attribute_key: 'plan', pattern: 'Enterprise' };
  expect(matchesRule(rule, visitor({ attributes: { plan: 'enterprise' } }))).toBe(true);
  expect(matchesRule(rule, visitor({ attributes: { plan: 'free' } }))).toBe(false);
  expect(matchesRule(rule, visitor({ attributes: {} }))).toBe(false);
});
