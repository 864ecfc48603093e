import { describe, expect, test } from 'vitest';
import { parseBrowser, parseOperatingSystem } from './parse-user-agent.ts';

// Real User-Agent headers of current browsers.
const AGENTS = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edgeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Mobile/15E148 Safari/604.1',
  chromeIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  firefoxAndroid: 'Mozilla/5.0 (Android 15; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  samsungAndroid:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36',
  operaMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 OPR/116.0.0.0',
  headlessChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  chromebook:
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
};

describe('parseBrowser', () => {
  test.each([
    [AGENTS.chromeWindows, 'Chrome', '131'],
    [AGENTS.edgeWindows, 'Edge', '131'],
    [AGENTS.firefoxLinux, 'Firefox', '133'],
    [AGENTS.safariMac, 'Safari', '18'],
    [AGENTS.safariIphone, 'Safari', '18'],
    [AGENTS.chromeIphone, 'Chrome', '131'],
    [AGENTS.chromeAndroid, 'Chrome', '131'],
    [AGENTS.firefoxAndroid, 'Firefox', '133'],
    [AGENTS.samsungAndroid, 'Samsung Internet', '27'],
    [AGENTS.operaMac, 'Opera', '116'],
    [AGENTS.headlessChrome, 'Chrome', '131'],
  ])('%s is %s %s', (userAgent, name, version) => {
    expect(parseBrowser(userAgent)).toEqual({ name, version });
  });

  test('an agent it does not know is null rather than a guess', () => {
    expect(parseBrowser('curl/8.5.0')).toBeNull();
    expect(parseBrowser('')).toBeNull();
  });
});

describe('parseOperatingSystem', () => {
  test.each([
    [AGENTS.chromeWindows, 'Windows'],
    [AGENTS.safariMac, 'macOS'],
    [AGENTS.safariIphone, 'iOS'],
    [AGENTS.chromeIphone, 'iOS'],
    [AGENTS.chromeAndroid, 'Android'],
    [AGENTS.firefoxAndroid, 'Android'],
    [AGENTS.firefoxLinux, 'Linux'],
    [AGENTS.chromebook, 'ChromeOS'],
  ])('%s runs on %s', (userAgent, system) => {
    expect(parseOperatingSystem(userAgent)).toBe(system);
  });

  test('an unknown system is null', () => {
    expect(parseOperatingSystem('curl/8.5.0')).toBeNull();
  });
});
