import type { RoutingRule, RoutingRuleInput } from '@parley/api/protocol';
import { createDraftId } from './business-hours-form.ts';

// The inbox's routing rules as the editor holds them: an ordered list (first match wins) of drafts with
// ids for React keys, checked like the api checks them before the whole list is PUT back.

export type RuleField = RoutingRuleInput['field'];

export const RULE_FIELDS: readonly {
  value: RuleField;
  label: string;
  verb: string;
  placeholder: string;
  hint: string;
}[] = [
  {
    value: 'page_url',
    label: 'Page URL',
    verb: 'matches',
    placeholder: '*pricing*',
    hint: 'The whole address must match; * stands for any text.',
  },
  {
    value: 'language',
    label: 'Language',
    verb: 'is',
    placeholder: 'de',
    hint: 'The browser language; "de" also matches de-AT and de-CH.',
  },
  {
    value: 'attribute',
    label: 'Attribute',
    verb: 'equals',
    placeholder: 'enterprise',
    hint: 'A visitor attribute your site passes to the widget, compared exactly.',
  },
];

export const MAX_RULES = 100;
const MAX_PATTERN = 500;
const MAX_ATTRIBUTE_KEY = 100;

export interface RuleDraft {
  id: string;
  field: RuleField;
  attributeKey: string;
  pattern: string;
  teamId: string;
}

/** Keyed `<rule id>.attributeKey`, `<rule id>.pattern`, `<rule id>.teamId`, or `rules` for the list. */
export type RuleErrors = Record<string, string>;

export type RulesResult = { ok: true; rules: RoutingRuleInput[] } | { ok: false; errors: RuleErrors; count: number };

export function toRuleDrafts(rules: readonly RoutingRule[]): RuleDraft[] {
  return rules.map((rule) => ({
    id: createDraftId(),
    field: rule.field,
    attributeKey: rule.attributeKey ?? '',
    pattern: rule.pattern,
    teamId: rule.teamId,
  }));
}

export function createRuleDraft(teamId = ''): RuleDraft {
  return { id: createDraftId(), field: 'page_url', attributeKey: '', pattern: '', teamId };
}

/** The rules to PUT, or what is wrong with each; a team that no longer exists counts as not chosen. */
export function fromRuleDrafts(drafts: readonly RuleDraft[], teamIds: ReadonlySet<string>): RulesResult {
  const errors: RuleErrors = {};
  if (drafts.length > MAX_RULES) errors.rules = `At most ${MAX_RULES} rules per inbox.`;
  const rules: RoutingRuleInput[] = [];
  for (const draft of drafts) {
    const pattern = draft.pattern.trim();
    const attributeKey = draft.attributeKey.trim();
    if (draft.field === 'attribute') {
      if (!attributeKey) errors[`${draft.id}.attributeKey`] = 'Name the attribute.';
      else if (attributeKey.length > MAX_ATTRIBUTE_KEY)
        errors[`${draft.id}.attributeKey`] = `At most ${MAX_ATTRIBUTE_KEY} characters.`;
    }
    if (!pattern) errors[`${draft.id}.pattern`] = 'Enter what to match.';
    else if (pattern.length > MAX_PATTERN) errors[`${draft.id}.pattern`] = `At most ${MAX_PATTERN} characters.`;
    if (!draft.teamId || !teamIds.has(draft.teamId)) errors[`${draft.id}.teamId`] = 'Choose a team.';
    rules.push({
      field: draft.field,
      ...(draft.field === 'attribute' ? { attributeKey } : {}),
      pattern,
      teamId: draft.teamId,
    });
  }
  const count = Object.keys(errors).length;
  return count > 0 ? { ok: false, errors, count } : { ok: true, rules };
}

/** A hint for a pattern that is allowed but probably not meant: a page URL with no wildcard matches one address only. */
export function describePatternWarning(field: RuleField, pattern: string): string | null {
  const trimmed = pattern.trim();
  if (field !== 'page_url' || !trimmed || trimmed.includes('*')) return null;
  return `Without a *, only the exact address "${trimmed}" matches. Did you mean *${trimmed}*?`;
}

/** A copy of the list with the item at `index` moved by `offset` (clamped to the ends). */
export function moveItem<T>(items: readonly T[], index: number, offset: number): T[] {
  const target = Math.min(Math.max(index + offset, 0), items.length - 1);
  if (index < 0 || index >= items.length || target === index) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Whether the drafts say the same as the saved rules (ids aside), so "Save" is offered only for a change. */
export function isSameRules(drafts: readonly RuleDraft[], saved: readonly RoutingRule[]): boolean {
  return (
    drafts.length === saved.length &&
    drafts.every((draft, index) => {
      const rule = saved[index]!;
      return (
        draft.field === rule.field &&
        draft.pattern === rule.pattern &&
        draft.teamId === rule.teamId &&
        (draft.field === 'attribute' ? draft.attributeKey === (rule.attributeKey ?? '') : true)
      );
    })
  );
}
