import type { Inbox, Role } from '@parley/api/protocol';

// The inbox's routing settings as the form edits them (numbers as typed, the reassignment delay as an
// amount and a unit), turned back into what PATCH /v1/inboxes/:id { routing } takes.

export type RoutingMode = Inbox['routing']['mode'];

export const ROUTING_MODES: readonly { value: RoutingMode; label: string; description: string }[] = [
  {
    value: 'auto',
    label: 'Automatic',
    description: 'Each new conversation goes to the least busy available agent.',
  },
  {
    value: 'manual',
    label: 'Manual',
    description: 'Conversations wait in the queue until an agent takes one.',
  },
  {
    value: 'off',
    label: 'Off',
    description: 'Nobody is assigned; any agent can answer any conversation.',
  },
];

export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 100;
export const MIN_REASSIGN_SECONDS = 10;
export const MAX_REASSIGN_SECONDS = 86_400;
/** Offered when someone turns the reassignment on. */
export const DEFAULT_REASSIGN_SECONDS = 300;

export type DurationUnit = 'seconds' | 'minutes' | 'hours';
export const DURATION_UNITS: readonly { value: DurationUnit; label: string; seconds: number }[] = [
  { value: 'seconds', label: 'seconds', seconds: 1 },
  { value: 'minutes', label: 'minutes', seconds: 60 },
  { value: 'hours', label: 'hours', seconds: 3600 },
];

export interface RoutingDraft {
  mode: RoutingMode;
  defaultCapacity: string;
  isReassignOn: boolean;
  reassignAmount: string;
  reassignUnit: DurationUnit;
}

export interface RoutingValues {
  mode: RoutingMode;
  defaultCapacity: number;
  reassignAfterSeconds: number | null;
}

export type RoutingDraftResult =
  | { ok: true; routing: RoutingValues }
  | { ok: false; errors: { defaultCapacity?: string; reassign?: string } };

/** Who may change routing, teams and capacities (the api answers 403 `auth/forbidden` to anyone else). */
export function canManageRouting(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

export function toRoutingDraft(routing: Inbox['routing']): RoutingDraft {
  const seconds = routing.reassignAfterSeconds;
  const { amount, unit } = splitDuration(seconds ?? DEFAULT_REASSIGN_SECONDS);
  return {
    mode: routing.mode,
    defaultCapacity: String(routing.defaultCapacity),
    isReassignOn: seconds !== null,
    reassignAmount: String(amount),
    reassignUnit: unit,
  };
}

export function fromRoutingDraft(draft: RoutingDraft): RoutingDraftResult {
  const errors: { defaultCapacity?: string; reassign?: string } = {};
  const defaultCapacity = parseWholeNumber(draft.defaultCapacity);
  if (defaultCapacity === null || defaultCapacity < MIN_CAPACITY || defaultCapacity > MAX_CAPACITY) {
    errors.defaultCapacity = `Enter a whole number from ${MIN_CAPACITY} to ${MAX_CAPACITY}.`;
  }
  let reassignAfterSeconds: number | null = null;
  if (draft.isReassignOn) {
    const amount = parseWholeNumber(draft.reassignAmount);
    const factor = DURATION_UNITS.find((unit) => unit.value === draft.reassignUnit)?.seconds ?? 1;
    reassignAfterSeconds = amount === null ? null : amount * factor;
    if (
      reassignAfterSeconds === null ||
      reassignAfterSeconds < MIN_REASSIGN_SECONDS ||
      reassignAfterSeconds > MAX_REASSIGN_SECONDS
    ) {
      errors.reassign = 'Choose a wait from 10 seconds to 24 hours.';
    }
  }
  if (errors.defaultCapacity || errors.reassign) return { ok: false, errors };
  return { ok: true, routing: { mode: draft.mode, defaultCapacity: defaultCapacity!, reassignAfterSeconds } };
}

/** The largest unit that divides the duration exactly: 300 s → 5 minutes, 90 s → 90 seconds, 7200 s → 2 hours. */
export function splitDuration(seconds: number): { amount: number; unit: DurationUnit } {
  if (seconds >= 3600 && seconds % 3600 === 0) return { amount: seconds / 3600, unit: 'hours' };
  if (seconds >= 60 && seconds % 60 === 0) return { amount: seconds / 60, unit: 'minutes' };
  return { amount: seconds, unit: 'seconds' };
}

/** One line for the card's footer: "Automatic · up to 4 each · back to the queue after 2 minutes". */
export function summarizeRouting(routing: RoutingValues): string {
  const mode = ROUTING_MODES.find((item) => item.value === routing.mode)?.label ?? routing.mode;
  const parts = [mode, `up to ${routing.defaultCapacity} each`];
  if (routing.reassignAfterSeconds !== null) {
    parts.push(`back to the queue after ${formatDuration(routing.reassignAfterSeconds)}`);
  }
  return parts.join(' · ');
}

/** "5 minutes", "1 hour", "90 seconds". */
export function formatDuration(seconds: number): string {
  const { amount, unit } = splitDuration(seconds);
  return `${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`;
}

/** A capacity as typed on the members page: blank = the inbox default (null). */
export function parseOptionalCapacity(
  input: string,
): { ok: true; capacity: number | null } | { ok: false; error: string } {
  if (input.trim() === '') return { ok: true, capacity: null };
  const capacity = parseWholeNumber(input);
  if (capacity === null || capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
    return { ok: false, error: `Enter ${MIN_CAPACITY} to ${MAX_CAPACITY}, or leave it blank for the default.` };
  }
  return { ok: true, capacity };
}

/** Digits only ("12", " 12 "), else null: "1.5", "1e2", "-3" and "" are not whole numbers people meant. */
export function parseWholeNumber(input: string): number | null {
  const trimmed = input.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}
