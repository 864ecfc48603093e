import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from './parley-pages.ts';

// The single-page app of examples/spa-identify (served under /app/ by examples/server.mjs): its users,
// its sign-in form, and the log of Parley events it keeps on the page.

export interface SpaUser {
  id: string;
  email: string;
  password: string;
  name: string;
}

/** The example backend's in-memory users (examples/spa-identify/accounts.mjs). */
export const ANN: SpaUser = { id: 'u_1001', email: 'ann@acme.test', password: 'ride-on', name: 'Ann Rider' };
export const BEN: SpaUser = { id: 'u_1002', email: 'ben@acme.test', password: 'ride-on', name: 'Ben Cargo' };

/**
 * Hands the inbox's identity secret to the example backend (POST /app/api/identity-secret, accepted only
 * from this machine). The secret exists only once the owner has signed up, after the stack started.
 */
export async function giveIdentitySecretToExampleSite(siteUrl: string, secret: string): Promise<void> {
  const response = await fetch(`${siteUrl}/app/api/identity-secret`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret }),
  });
  if (response.status !== 204) throw new Error(`the example site refused the secret: ${response.status}`);
}

export function spaUrl(siteUrl: string, siteKey: string, path = '/app/'): string {
  return `${siteUrl}${path}?siteKey=${encodeURIComponent(siteKey)}`;
}

/** Signs in with the app's form (a route change, not a page load); the app then calls Parley('identify'). */
export async function signInOnSpa(page: Page, user: SpaUser): Promise<void> {
  await page.getByTestId('nav-account').click();
  const form = page.getByTestId('sign-in-form');
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Password').fill(user.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your orders' }).waitFor();
}

/** Signs out with the account page's button; the app then calls Parley('reset'). */
export async function signOutOnSpa(page: Page): Promise<void> {
  await page.getByTestId('nav-account').click();
  await page.getByTestId('sign-out').click();
  await page.getByRole('heading', { name: 'Your Acme account' }).waitFor();
}

/** The Parley events the app logged (`ready`, `open`, `unread 1`, `message Quinn: …`), oldest first. */
export async function spaEvents(page: Page): Promise<string[]> {
  return page.getByTestId('parley-events').locator('li').allTextContents();
}

export async function expectSpaEvent(page: Page, event: string, timeoutMs = 30_000): Promise<void> {
  await eventually(async () => expect(await spaEvents(page)).toContain(event), timeoutMs);
}

/** The widget's localStorage entries for a site key (token, outbox, user). */
export async function widgetStorage(page: Page, siteKey: string): Promise<Record<string, string>> {
  return page.evaluate((prefix) => {
    const entries: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix)) entries[key.slice(prefix.length)] = localStorage.getItem(key) ?? '';
    }
    return entries;
  }, `parley:${siteKey}:`);
}

/**
 * Adds a `message` handler through the host API (Parley('on')); the result removes it (Parley('off')) and
 * reads the bodies it heard meanwhile.
 */
export async function listenToMessagesInPage(
  page: Page,
): Promise<{ off(): Promise<void>; heard(): Promise<string[]> }> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const handler = (message: { body: string }) => seen.push(message.body);
    Object.assign(window, { seenByTest: seen, handlerOfTest: handler });
    window.Parley('on', 'message', handler);
  });
  return {
    off: () =>
      page.evaluate(() => {
        const { handlerOfTest } = window as unknown as { handlerOfTest: (message: { body: string }) => void };
        window.Parley('off', 'message', handlerOfTest);
      }),
    heard: () => page.evaluate(() => (window as unknown as { seenByTest: string[] }).seenByTest),
  };
}
