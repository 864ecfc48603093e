import type { VisitorDevice } from '../../protocol/visitor-rest.ts';

type Browser = NonNullable<VisitorDevice['browser']>;

// Most specific first: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
const BROWSERS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Edge', pattern: /\bEdg(?:e|A|iOS)?\/(\d+)/ },
  { name: 'Opera', pattern: /\bOPR\/(\d+)/ },
  { name: 'Samsung Internet', pattern: /\bSamsungBrowser\/(\d+)/ },
  { name: 'Firefox', pattern: /\b(?:Firefox|FxiOS)\/(\d+)/ },
  { name: 'Chrome', pattern: /\b(?:Chrome|HeadlessChrome|CriOS)\/(\d+)/ },
  { name: 'Safari', pattern: /\bVersion\/(\d+)(?:\.\d+)*.*\bSafari\// },
];

// iOS before macOS and Android before Linux: the later ones' markers appear in the earlier ones' agents.
const SYSTEMS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Windows', pattern: /\bWindows NT\b/ },
  { name: 'iOS', pattern: /\b(?:iPhone|iPad|iPod)\b/ },
  { name: 'macOS', pattern: /\bMac OS X\b|\bMacintosh\b/ },
  { name: 'Android', pattern: /\bAndroid\b/ },
  { name: 'ChromeOS', pattern: /\bCrOS\b/ },
  { name: 'Linux', pattern: /\bLinux\b/ },
];

/** The browser (with its major version) a User-Agent header names; null for one not listed above. */
export function parseBrowser(userAgent: string): Browser | null {
  for (const { name, pattern } of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return { name, version: match[1] ?? null };
  }
  return null;
}

/** The operating system a User-Agent header names; null for one not listed above. */
export function parseOperatingSystem(userAgent: string): string | null {
  return SYSTEMS.find(({ pattern }) => pattern.test(userAgent))?.name ?? null;
}
