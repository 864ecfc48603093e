import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until `check` passes (polling), or fails with its last error. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Texts of the rendered messages, in order. */
export async function messageTexts(page: Page): Promise<string[]> {
  return page.getByTestId(/^(parley-)?message$/).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
}

export async function expectMessageOnce(page: Page, text: string) {
  await eventually(async () => {
    const matches = (await messageTexts(page)).filter((t) => t.includes(text));
    if (matches.length !== 1) {
      const dump = await page
        .getByTestId(/^(parley-)?message$/)
        .evaluateAll((nodes) =>
          nodes.map((n) => `${n.getAttribute('data-seq')}/${n.getAttribute('data-status')}: ${n.textContent}`),
        );
      expect(
        matches,
        `"${text}" should be shown exactly once on ${page.url()}; shown: ${dump.join(' | ')}`,
      ).toHaveLength(1);
    }
  });
}

/** A fresh browser context that records every dialog its pages open (an XSS payload that ran would). */
export async function newWatchedContext(browser: Browser, dialogs: string[]): Promise<BrowserContext> {
  const context = await browser.newContext();
  context.on('page', (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    }),
  );
  return context;
}

export async function signUpThroughConsole(
  page: Page,
  apiUrl: string,
  who: { email: string; name: string; workspace: string },
) {
  await page.goto(apiUrl);
  await page.getByTestId('signup-email').waitFor();
  await page.getByTestId('signup-email').fill(who.email);
  await page.getByTestId('signup-password').fill('correct horse battery');
  await page.getByTestId('signup-name').fill(who.name);
  await page.getByTestId('signup-workspace').fill(who.workspace);
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('nav-settings').waitFor();
}

export async function sendFromWidget(page: Page, text: string) {
  await page.getByTestId('parley-composer').fill(text);
  await page.getByTestId('parley-send').click();
}

export async function sendFromConsole(page: Page, text: string) {
  await page.getByTestId('composer').fill(text);
  await page.getByTestId('send').click();
}

export async function openWidget(page: Page) {
  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-composer').waitFor();
}

/** Waits until the widget panel's opening animation is over, so a screenshot shows it as people see it. */
export async function waitForPanelSettled(page: Page) {
  await page
    .getByTestId('parley-panel')
    .evaluate((panel) => Promise.all(panel.getAnimations().map((animation) => animation.finished)).then(() => {}));
}
