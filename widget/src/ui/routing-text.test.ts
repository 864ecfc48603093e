import { describe, expect, it } from 'vitest';
import { describeAway, describeQueue, formatBackAt, formatWait } from './routing-text.ts';

describe('formatBackAt', () => {
  // 2026-03-04 is a Wednesday.
  const now = new Date('2026-03-04T20:30:00Z');

  it('says "at" for later today, in the visitor’s time zone and clock', () => {
    expect(formatBackAt(new Date('2026-03-04T22:00:00Z'), now, 'en-GB', 'UTC')).toBe('at 22:00');
    expect(formatBackAt(new Date('2026-03-04T22:00:00Z'), now, 'en-US', 'UTC')).toBe('at 10:00\u00a0PM');
    // Berlin is UTC+1 in March: 22:00 UTC is 23:00 there, still Wednesday.
    expect(formatBackAt(new Date('2026-03-04T22:00:00Z'), now, 'en-GB', 'Europe/Berlin')).toBe('at 23:00');
  });

  it('counts days across midnight in the visitor’s zone, not in UTC', () => {
    // 23:30 UTC is 00:30 Thursday in Berlin: "tomorrow" there, "today" in UTC.
    const justAfterMidnightInBerlin = new Date('2026-03-04T23:30:00Z');
    expect(formatBackAt(justAfterMidnightInBerlin, now, 'en-GB', 'Europe/Berlin')).toBe('tomorrow at 00:30');
    expect(formatBackAt(justAfterMidnightInBerlin, now, 'en-GB', 'UTC')).toBe('at 23:30');
    // Late evening in New York (15:30 there): Thursday 09:00 Berlin is 03:00 Thursday in New York.
    expect(formatBackAt(new Date('2026-03-05T08:00:00Z'), now, 'en-GB', 'America/New_York')).toBe('tomorrow at 03:00');
    // In Tokyo it is already Thursday 05:30: the same opening is later today.
    expect(formatBackAt(new Date('2026-03-05T08:00:00Z'), now, 'en-GB', 'Asia/Tokyo')).toBe('at 17:00');
  });

  it('names the weekday within a week, and the date beyond', () => {
    // Friday night → Monday morning.
    const friday = new Date('2026-03-06T19:00:00Z');
    expect(formatBackAt(new Date('2026-03-09T08:00:00Z'), friday, 'en-GB', 'Europe/Berlin')).toBe('Monday at 09:00');
    expect(formatBackAt(new Date('2026-03-09T08:00:00Z'), friday, 'en-US', 'America/Los_Angeles')).toBe(
      'Monday at 1:00\u00a0AM',
    );
    expect(formatBackAt(new Date('2026-03-20T08:00:00Z'), friday, 'en-GB', 'Europe/Berlin')).toBe(
      'on Friday 20 March at 09:00',
    );
  });

  it('never says a day in the past (an opening already reached reads "at")', () => {
    expect(formatBackAt(new Date('2026-03-04T08:00:00Z'), now, 'en-GB', 'UTC')).toBe('at 08:00');
  });
});

describe('describeAway', () => {
  const now = new Date('2026-03-04T20:30:00Z');

  it('says when the team is back, or where the reply goes without an opening time', () => {
    expect(describeAway('2026-03-05T08:00:00.000Z', now, 'en-GB', 'Europe/Berlin')).toBe(
      'We’re away right now. We’ll be back tomorrow at 09:00.',
    );
    expect(describeAway(null, now, 'en-GB', 'Europe/Berlin')).toBe(
      'We’re away right now. Leave your email and we’ll reply there.',
    );
    expect(describeAway('not a date', now, 'en-GB')).toBe(
      'We’re away right now. Leave your email and we’ll reply there.',
    );
  });
});

describe('describeQueue', () => {
  it('shows the place and, when known, a rough wait', () => {
    expect(describeQueue(3, 120)).toBe('You’re number 3 in line · about 2 min');
    expect(describeQueue(3, null)).toBe('You’re number 3 in line');
    expect(describeQueue(1, 20)).toBe('You’re number 1 in line · less than a minute');
  });

  it('rounds the wait to minutes, then hours', () => {
    expect(formatWait(59)).toBe('less than a minute');
    expect(formatWait(89)).toBe('about 1 min');
    expect(formatWait(3500)).toBe('about 58 min');
    expect(formatWait(3599)).toBe('about 1 hour');
    expect(formatWait(3600)).toBe('about 1 hour');
    expect(formatWait(3 * 3600 + 100)).toBe('about 3 hours');
  });
});
