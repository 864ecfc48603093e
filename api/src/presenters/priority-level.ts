import type { ConversationPriority } from '../protocol/entities.ts';

/** The stored integer (routing's queue order) for each priority, lowest first. */
export const PRIORITY_LEVELS: readonly ConversationPriority[] = ['none', 'low', 'medium', 'high', 'urgent'];

export function priorityToLevel(priority: ConversationPriority): number {
  return PRIORITY_LEVELS.indexOf(priority);
}

/** Out-of-range values (set directly in the database) clamp to the nearest level. */
export function levelToPriority(level: number): ConversationPriority {
  return PRIORITY_LEVELS[Math.max(0, Math.min(PRIORITY_LEVELS.length - 1, Math.trunc(level)))]!;
}
