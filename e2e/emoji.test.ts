import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  signUpThroughConsole,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// The emoji picker: a chunk fetched on the smiley's first press, driven by the keyboard, in the visitor's
// layout (desktop, phone, Arabic right to left). Real api, real console, real browser.
let stack: Stack;
let browser: Browser;
let agent: Page;
let exampleSiteLink: string;
const dialogs: string[] = [];
const WAIT_MS = 30_000;
const isPickerChunk = (url: string) => /\/widget-chat\.emoji-picker-[\w-]+\.js/.test(url);

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  agent = await (await newWatchedContext(browser, dialogs)).newPage();
  await signUpThroughConsole(agent, stack.apiUrl, {
    email: 'eve@acme.test',
    name: 'Eve Agent',
    workspace: 'Acme Bikes',
  });
  await agent.getByTestId('nav-settings').click();
  exampleSiteLink = (await agent.getByTestId('example-site-link').getAttribute('href')) ?? '';
  await agent.getByTestId('nav-conversations').click();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The example site in a fresh context, with the URLs of the picker chunks it fetched. */
async function openVisitor(options: Parameters<Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const pickerFetches: string[] = [];
  page.on('request', (request) => {
    if (isPickerChunk(request.url())) pickerFetches.push(request.url());
  });
  await page.goto(exampleSiteLink);
  await openWidget(page);
  await waitForPanelSettled(page);
  return { page, pickerFetches };
}

/** Moves the focus from the composer's field back to the smiley (Shift+Tab) and opens the picker with Enter. */
async function openPickerWithKeyboard(page: Page) {
  await page.getByTestId('parley-composer').focus();
  await page.keyboard.press('Shift+Tab');
  expect(await activeLabel(page)).toMatch(/emoji|رموز/i);
  await page.keyboard.press('Enter');
  await page.getByTestId('parley-emoji-picker').waitFor({ timeout: WAIT_MS });
}

/**
 * Types `text` into the focused field as soon as the next click (Enter on a cell is one) has been handled,
 * in the same task: no frame and no timer runs between the insert and this key.
 */
function typeInTheSameTaskAsNextClick(page: Page, text: string) {
  return page.evaluate((typed) => {
    window.addEventListener('click', () => document.execCommand('insertText', false, typed), { once: true });
  }, text);
}

/** The accessible name (aria-label) of what has the focus inside the widget's shadow root. */
function activeLabel(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('parley-widget');
    return host?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null;
  });
}

test('the visitor opens the picker with the keyboard, searches, inserts 👍 at the caret and sends; the agent sees it', async () => {
  const { page, pickerFetches } = await openVisitor();
  expect(pickerFetches).toEqual([]);
  await page.getByTestId('parley-composer').fill('Great');
  await page.getByTestId('parley-composer').evaluate((input: HTMLTextAreaElement) => input.setSelectionRange(0, 0));
  await openPickerWithKeyboard(page);
  expect(pickerFetches).toHaveLength(1);
  await saveScreenshot(page, 'emoji-picker-desktop');
  await expectNoSeriousA11yViolations(page, 'the open emoji picker');

  await page.keyboard.type('thumbs');
  await page.keyboard.press('ArrowDown');
  expect(await activeLabel(page)).toBe('👍');
  await page.keyboard.press('ArrowRight');
  expect(await activeLabel(page)).toBe('👎');
  await page.keyboard.press('ArrowLeft');
  expect(await activeLabel(page)).toBe('👍');
  // Inserted at the caret (the start), and the caret is after it at once: typing goes on from there.
  await typeInTheSameTaskAsNextClick(page, ' ');
  await page.keyboard.press('Enter');
  expect(await page.getByTestId('parley-emoji-picker').count()).toBe(0);
  expect(await page.getByTestId('parley-composer').inputValue()).toBe('👍 Great');
  await page.getByTestId('parley-composer').press('End');
  await page.keyboard.type(' 🇫🇷 👩‍💻');
  await page.getByTestId('parley-send').click();
  await expectMessageOnce(page, '👍 Great 🇫🇷 👩‍💻');

  const row = agent.getByTestId('conversation-row').first();
  await row.waitFor({ timeout: WAIT_MS });
  await row.click();
  await expectMessageOnce(agent, '👍 Great 🇫🇷 👩‍💻');

  // Recently used comes first the next time; Escape closes and gives the focus back to the smiley.
  await openPickerWithKeyboard(page);
  expect(pickerFetches).toHaveLength(1);
  const firstCell = page.getByTestId('parley-emoji-picker').locator('.emoji-cell').first();
  expect(await firstCell.getAttribute('aria-label')).toBe('👍');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'emoji-picker-desktop-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  expect(await page.getByTestId('parley-emoji-picker').count()).toBe(0);
  expect(await activeLabel(page)).toMatch(/emoji/i);
  await page.context().close();
});

test('the agent inserts an emoji from the console composer’s picker, fetched when first pressed', async () => {
  const fetched: string[] = [];
  agent.on('request', (request) => {
    if (/emoji-popover-[\w-]+\.js$/.test(request.url())) fetched.push(request.url());
  });
  await agent.getByTestId('composer').fill('Glad it works');
  await agent.getByTestId('composer').evaluate((field: HTMLTextAreaElement) => field.setSelectionRange(0, 0));
  await agent.getByTestId('emoji-button').click();
  await agent.getByTestId('emoji-popover').waitFor({ timeout: WAIT_MS });
  // Not part of the console's first load: fetched now, on the first press.
  expect(fetched).toHaveLength(1);
  await saveScreenshot(agent, 'emoji-console-popover');
  await expectNoSeriousA11yViolations(agent, 'the console emoji picker');
  await agent.keyboard.type('tada');
  await agent.keyboard.press('ArrowDown');
  // At the caret (the start), and the caret is after it at once.
  await typeInTheSameTaskAsNextClick(agent, ' ');
  await agent.keyboard.press('Enter');
  expect(await agent.getByTestId('emoji-popover').count()).toBe(0);
  expect(await agent.getByTestId('composer').inputValue()).toBe('🎉 Glad it works');
  await agent.getByTestId('send').click();
  await expectMessageOnce(agent, '🎉 Glad it works');
});

test('on a phone the picker fits the screen', async () => {
  const { page } = await openVisitor({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await openPickerWithKeyboard(page);
  const picker = await page.getByTestId('parley-emoji-picker').boundingBox();
  expect(picker).not.toBeNull();
  expect(picker?.x).toBeGreaterThanOrEqual(0);
  expect((picker?.x ?? 0) + (picker?.width ?? 0)).toBeLessThanOrEqual(390);
  expect(picker?.y).toBeGreaterThanOrEqual(0);
  await saveScreenshot(page, 'emoji-picker-phone');
  await page.context().close();
});

test('in Arabic the picker speaks Arabic and mirrors, arrows follow the reading direction', async () => {
  const { page } = await openVisitor({ locale: 'ar' });
  await openPickerWithKeyboard(page);
  const picker = page.getByTestId('parley-emoji-picker');
  expect(await picker.getAttribute('aria-label')).toBe('الرموز التعبيرية');
  await eventually(async () => expect(await picker.textContent()).toContain('الوجوه'));
  await page.keyboard.press('ArrowDown');
  const first = await activeLabel(page);
  await page.keyboard.press('ArrowLeft');
  const second = await activeLabel(page);
  expect(first).toBe('😀');
  expect(second).toBe('😃');
  await saveScreenshot(page, 'emoji-picker-arabic');
  await expectNoSeriousA11yViolations(page, 'the emoji picker in Arabic');
  await page.context().close();
});
