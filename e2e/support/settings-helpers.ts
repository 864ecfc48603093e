import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDb, type DbHandle } from '@parley/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectNoSeriousA11yViolations, findSeriousViolations, type Method, requestAsAgent } from './agent-rest.ts';
import { screenshotDir } from './browser.ts';
import type { Stack } from './stack.ts';

// Helpers for the console's settings screens: REST with a page's session, axe, tall screenshots, and
// the one fixture the product has no screen for yet (a second member: there is no invitation route).

export type { Method };

/** A REST call with the browser context's session cookie and the console's Origin; throws unless 2xx. */
export function callApi<T>(
  context: BrowserContext,
  apiUrl: string,
  method: Method,
  path: string,
  data?: unknown,
): Promise<T> {
  return requestAsAgent<T>(context.request, apiUrl, method, path, data);
}

export { findSeriousViolations };

export function expectAccessible(page: Page, where: string): Promise<void> {
  return expectNoSeriousA11yViolations(page, where);
}

/** Lets colour transitions started by a colour-scheme switch finish, so shots and axe see the final colours. */
export async function waitForTransitions(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))).then(() => {}),
  );
}

async function emulateScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await waitForTransitions(page);
}

/**
 * A screenshot of the whole settings page: the console scrolls inside `.page`, so the viewport is made
 * as tall as that content for the shot, then put back.
 */
export async function saveTallScreenshot(page: Page, name: string, colorScheme?: 'light' | 'dark'): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1360, height: 900 };
  if (colorScheme) await emulateScheme(page, colorScheme);
  const extra = await page.evaluate(() => {
    const scroller = document.querySelector('.page');
    return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
  });
  await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + Math.max(extra, 0), 6000) });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(viewport);
  if (colorScheme) await emulateScheme(page, 'light');
}

/** Light and dark, as `<name>-light.png` and `<name>-dark.png`. */
export async function saveTallLightAndDark(page: Page, name: string): Promise<void> {
  await saveTallScreenshot(page, `${name}-light`, 'light');
  await saveTallScreenshot(page, `${name}-dark`, 'dark');
}

/** A screenshot of one element (a card, a dialog), whole even when it is taller than the window. */
export async function saveElementScreenshot(page: Page, selector: string, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1360, height: 900 };
  const element = page.locator(selector).first();
  const height = await element.evaluate((node) => node.getBoundingClientRect().height);
  if (height + 80 > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(Math.ceil(height) + 80, 6000) });
  }
  await element.screenshot({ path: resolve(screenshotDir, `${name}.png`), animations: 'disabled', caret: 'hide' });
  await page.setViewportSize(viewport);
}

/** Signs someone up over HTTP in a context of their own (they get their own workspace, as every signup does). */
export async function signUpOverHttp(
  browser: Browser,
  apiUrl: string,
  who: { email: string; name: string; workspace: string; password: string },
): Promise<{ context: BrowserContext; userId: string }> {
  const context = await browser.newContext();
  const me = await callApi<{ user: { id: string } }>(context, apiUrl, 'POST', '/v1/auth/signup', {
    email: who.email,
    password: who.password,
    name: who.name,
    workspaceName: who.workspace,
  });
  return { context, userId: me.user.id };
}

/**
 * Runs `work` on the stack's database while the api is stopped (PGlite allows one process at a time),
 * then starts the api again. For fixtures the product has no screen for yet.
 */
export async function withApiStopped<T>(stack: Stack, work: (db: DbHandle['db']) => Promise<T>): Promise<T> {
  await stack.killApi();
  const env = stack.database.env;
  // Where the api keeps PGlite (api/src/server.ts), or the Postgres database.
  const handle = env.DATABASE_URL
    ? await createDb({ databaseUrl: env.DATABASE_URL })
    : await createDb({ dataDir: join(env.PARLEY_DATA_DIR!, 'pglite') });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
    await stack.startApi();
  }
}

/** Makes a user an agent of another workspace (and of its inboxes), as an invitation would. */
export async function makeAgentOf(db: DbHandle['db'], userId: string, workspaceId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('memberships').where('user_id', '=', userId).execute();
    await trx.insertInto('memberships').values({ workspace_id: workspaceId, user_id: userId, role: 'agent' }).execute();
    await trx.deleteFrom('inbox_members').where('user_id', '=', userId).execute();
    const inboxes = await trx.selectFrom('inboxes').select('id').where('workspace_id', '=', workspaceId).execute();
    if (inboxes.length > 0) {
      await trx
        .insertInto('inbox_members')
        .values(inboxes.map((inbox) => ({ inbox_id: inbox.id, user_id: userId })))
        .execute();
    }
  });
}
