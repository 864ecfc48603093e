import { describe, expect, test } from 'vitest';
import { formatDevice, formatLocalTime, formatPageAddress, toSafeHttpUrl } from './visitor-sidebar-format.ts';

describe('toSafeHttpUrl', () => {
  test('http and https addresses are links', () => {
    expect(toSafeHttpUrl('https://shop.example/pricing?plan=team')).toBe('https://shop.example/pricing?plan=team');
    expect(toSafeHttpUrl('HTTP://shop.example')).toBe('http://shop.example/');
  });

  test('other schemes and garbage are not', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<b>',
      'file:///etc/passwd',
      '/relative',
      '',
    ]) {
      expect(toSafeHttpUrl(url)).toBeNull();
    }
  });
});

test('formatPageAddress drops the scheme and a trailing slash', () => {
  expect(formatPageAddress('https://shop.example/')).toBe('shop.example');
  expect(formatPageAddress('http://shop.example/a?b=1')).toBe('shop.example/a?b=1');
});

describe('formatLocalTime', () => {
  const at = new Date('2026-12-01T11:05:00Z');

  test('the time in the zone with its offset', () => {
    expect(formatLocalTime(at, 'Europe/Istanbul', 'en-GB')).toBe('14:05 (GMT+3)');
    expect(formatLocalTime(at, 'America/New_York', 'en-GB')).toBe('06:05 (GMT-5)');
    expect(formatLocalTime(at, 'Asia/Kolkata', 'en-GB')).toBe('16:35 (GMT+5:30)');
  });

  test('daylight saving time moves the offset', () => {
    expect(formatLocalTime(new Date('2026-07-01T11:05:00Z'), 'America/New_York', 'en-GB')).toBe('07:05 (GMT-4)');
  });

  test('an unknown zone is null', () => {
    expect(formatLocalTime(at, 'Mars/Olympus_Mons')).toBeNull();
  });
});

test('formatDevice', () => {
  expect(formatDevice({ browser: { name: 'Firefox', version: '133' }, os: 'macOS' })).toBe('Firefox 133 on macOS');
  expect(formatDevice({ browser: { name: 'Chrome', version: null }, os: null })).toBe('Chrome');
  expect(formatDevice({ browser: null, os: 'Windows' })).toBe('Unknown browser on Windows');
  expect(formatDevice({ browser: null, os: null })).toBeNull();
});
