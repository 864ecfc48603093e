import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, type Method, requestAsAgent } from './agent-rest.ts';
import { saveScreenshot } from './browser.ts';

/** An agent REST call with the console page's own session cookie. */
export function callAsConsole<T>(page: Page, apiUrl: string, method: Method, path: string, data?: unknown): Promise<T> {
  return requestAsAgent<T>(page.request, apiUrl, method, path, data);
}

export { expectNoSeriousA11yViolations };

/** The same screen in light and in dark (prefers-color-scheme), as `<name>-light.png` and `<name>-dark.png`. */
export async function saveLightAndDark(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    // Colours ease over 120–200 ms: let them settle before the picture.
    await page.waitForTimeout(400);
    await saveScreenshot(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Gives a visitor an email for replies, as the widget's "email me" form does (not proof of identity). */
export async function setVisitorEmail(
  visitor: Page,
  urls: { apiUrl: string; siteUrl: string },
  siteKey: string,
  email: string,
): Promise<void> {
  const token = await visitor.evaluate((key) => window.localStorage.getItem(`parley:${key}:token`), siteKey);
  if (!token) throw new Error('the visitor has no session token yet');
  const response = await fetch(`${urls.apiUrl}/v1/widget/visitor/contact`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: urls.siteUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`contact answered ${response.status}: ${await response.text()}`);
}
