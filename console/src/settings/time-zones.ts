// The timezone picker's options, grouped by region ("Europe" → "Berlin (UTC+01:00)"), from what this
// browser's Intl knows, and small formatters for showing the time there.

export interface TimeZoneOption {
  value: string;
  label: string;
}

export interface TimeZoneGroup {
  region: string;
  zones: TimeZoneOption[];
}

/** Every IANA zone Intl lists, plus UTC and `current` (so a saved zone Intl lists under another name still shows). */
export function listTimeZoneGroups(
  current: string,
  at: Date,
  known: readonly string[] = listKnownZones(),
): TimeZoneGroup[] {
  const names = new Set(known);
  names.add('UTC');
  if (current) names.add(current);
  const groups = new Map<string, TimeZoneOption[]>();
  for (const name of [...names].sort()) {
    const slash = name.indexOf('/');
    const region = slash > 0 ? name.slice(0, slash) : 'Other';
    const place = (slash > 0 ? name.slice(slash + 1) : name).replaceAll('_', ' ').replaceAll('/', ' / ');
    const offset = formatUtcOffset(name, at);
    const zones = groups.get(region) ?? [];
    zones.push({ value: name, label: offset && name !== 'UTC' ? `${place} (${offset})` : place });
    groups.set(region, zones);
  }
  return [...groups].map(([region, zones]) => ({ region, zones })).sort((a, b) => a.region.localeCompare(b.region));
}

/** "UTC+01:00", "UTC−03:30", "UTC" at that moment; '' for a zone Intl does not know. */
export function formatUtcOffset(timeZone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((item) => item.type === 'timeZoneName')?.value;
    if (!part) return '';
    const offset = part.replace(/^GMT/, '');
    return offset ? `UTC${offset.replace('-', '−')}` : 'UTC';
  } catch {
    return '';
  }
}

/** "Tuesday 14:05" in that zone; '' for a zone Intl does not know. */
export function formatClockIn(timeZone: string, at: Date): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(
      at,
    );
  } catch {
    return '';
  }
}

function listKnownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
