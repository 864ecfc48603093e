const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long someone has waited, short and calm: "under 1 min", "3 min", "1 h 5 min", "2 h", "3 days".
 * A start in the future (clock skew between browser and server) counts as just now.
 */
export function formatWaitDuration(sinceIso: string, now: Date = new Date()): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return '';
  const elapsed = Math.max(0, now.getTime() - since);
  if (elapsed < MINUTE) return 'under 1 min';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min`;
  if (elapsed < DAY) {
    const hours = Math.floor(elapsed / HOUR);
    const minutes = Math.floor((elapsed % HOUR) / MINUTE);
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(elapsed / DAY);
  return days === 1 ? '1 day' : `${days} days`;
}

/** Compact form for tight spots such as the sidebar: "<1m", "3m", "1h", "2d". */
export function formatWaitShort(sinceIso: string, now: Date = new Date()): string {
  const since = Date.parse(sinceIso);
  if (Number.isNaN(since)) return '';
  const elapsed = Math.max(0, now.getTime() - since);
  if (elapsed < MINUTE) return '<1m';
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)}m`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)}h`;
  return `${Math.floor(elapsed / DAY)}d`;
}
