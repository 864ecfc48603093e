import type { BulkResult } from '@parley/api/protocol';

/** Why one conversation was left as it was, in words that fit after "1 was …" / "2 were …". */
const REASONS: Record<string, { one: string; many: string }> = {
  'conversation/resolved': { one: 'was resolved', many: 'were resolved' },
  'conversation/not_found': { one: 'was not found', many: 'were not found' },
  'conversation/already_assigned': { one: 'was already taken', many: 'were already taken' },
  'member/not_found': { one: 'cannot go to that agent', many: 'cannot go to that agent' },
};

/**
 * One line for what a bulk action did, e.g. "2 of 3 assigned; 1 was resolved". Null when every
 * conversation changed (the list itself shows it).
 */
export function describeBulkResults(results: BulkResult['results'], verb: string): string | null {
  const failed = results.filter((result) => !result.ok);
  if (failed.length === 0) return null;
  const byCode = new Map<string, number>();
  for (const result of failed) byCode.set(result.code, (byCode.get(result.code) ?? 0) + 1);
  const reasons = [...byCode].map(([code, count]) => {
    const words = REASONS[code] ?? { one: 'could not be changed', many: 'could not be changed' };
    return `${count} ${count === 1 ? words.one : words.many}`;
  });
  return `${results.length - failed.length} of ${results.length} ${verb}; ${reasons.join(', ')}`;
}
