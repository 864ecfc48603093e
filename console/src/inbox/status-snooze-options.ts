/** The snooze menu's choices, in the agent's own time zone. */
export interface SnoozeOption {
  id: 'hour' | 'tomorrow' | 'next-week';
  label: string;
  until: Date;
}

export function snoozeOptions(now: Date): SnoozeOption[] {
  const inAnHour = new Date(now.getTime() + 3_600_000);
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  // Next Monday at 9:00 (a week from today when today is Monday).
  const nextWeek = new Date(now);
  nextWeek.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  nextWeek.setHours(9, 0, 0, 0);
  return [
    { id: 'hour', label: 'In 1 hour', until: inAnHour },
    { id: 'tomorrow', label: 'Tomorrow 9:00', until: tomorrow },
    { id: 'next-week', label: 'Next week', until: nextWeek },
  ];
}

/** A `datetime-local` value (local time, no zone) as a Date; null when empty, invalid or not in the future. */
export function parseCustomSnooze(value: string, now: Date): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) || date.getTime() <= now.getTime() ? null : date;
}

/** The `min` of the custom input: now, as a `datetime-local` value. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
