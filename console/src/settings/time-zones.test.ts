import { expect, test } from 'vitest';
import { formatClockIn, formatUtcOffset, listTimeZoneGroups } from './time-zones.ts';

const winter = new Date('2026-01-15T12:00:00Z');

test('zones are grouped by region with their offset, and UTC and the current zone are always there', () => {
  const groups = listTimeZoneGroups('Etc/GMT+5', winter, [
    'Europe/Berlin',
    'America/Argentina/Buenos_Aires',
    'Asia/Kolkata',
  ]);
  expect(groups.map((group) => group.region)).toEqual(['America', 'Asia', 'Etc', 'Europe', 'Other']);
  const options = groups.flatMap((group) => group.zones);
  expect(options).toContainEqual({ value: 'Europe/Berlin', label: 'Berlin (UTC+01:00)' });
  expect(options).toContainEqual({
    value: 'America/Argentina/Buenos_Aires',
    label: 'Argentina / Buenos Aires (UTC−03:00)',
  });
  expect(options).toContainEqual({ value: 'Asia/Kolkata', label: 'Kolkata (UTC+05:30)' });
  expect(options).toContainEqual({ value: 'UTC', label: 'UTC' });
  expect(options.map((option) => option.value)).toContain('Etc/GMT+5');
});

test('offsets follow daylight saving time', () => {
  expect(formatUtcOffset('Europe/Berlin', new Date('2026-07-01T12:00:00Z'))).toBe('UTC+02:00');
  expect(formatUtcOffset('Mars/Olympus_Mons', winter)).toBe('');
});

test('the clock in a zone', () => {
  expect(formatClockIn('Europe/Berlin', winter)).toBe('Thursday 13:00');
  expect(formatClockIn('Nowhere/Else', winter)).toBe('');
});
