import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromConsole,
  sendFromWidget,
  signUpThroughConsole,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// The end of a conversation, through the real widget, console and api: the agent resolves, the visitor
// rates it 4 with a comment (the agent sees it live), downloads the transcript, starts a new conversation
// and finds the old one, read-only, in Previous conversations; on a desktop and on a phone.
let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
let visitorContext: BrowserContext;
let exampleSiteLink = '';
let firstId = '';
const dialogs: string[] = [];
const DESKTOP = { width: 1440, height: 860 };
const COMMENT = 'Quick and kind <b>thanks</b>';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function newestConversationId(): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { conversations } = await callAsConsole<ConversationList>(
      agent,
      stack.apiUrl,
      'GET',
      '/v1/conversations?status=all',
    );
    id = conversations[0]?.id ?? '';
    expect(id).not.toBe('');
  });
  return id;
}

async function resolveInConsole(conversationId: string) {
  await agent.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await agent.getByTestId('resolve').click();
  await eventually(async () =>
    expect(await agent.getByTestId('conversation-status').textContent()).toMatch(/resolved/i),
  );
}

test('a visitor and an agent talk; the agent resolves and the widget offers a rating, the transcript and a new conversation', async () => {
  agent = await (await newWatchedContext(browser, dialogs)).newPage();
  await agent.setViewportSize(DESKTOP);
  await signUpThroughConsole(agent, stack.apiUrl, { email: 'ana@acme.test', name: 'Ana Agent', workspace: 'Acme' });
  await agent.getByTestId('nav-settings').click();
  exampleSiteLink = (await agent.getByTestId('example-site-link').getAttribute('href')) ?? '';

  visitorContext = await newWatchedContext(browser, dialogs);
  visitor = await visitorContext.newPage();
  await visitor.setViewportSize({ width: 1280, height: 860 });
  await visitor.goto(exampleSiteLink);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'My order #1042 has not arrived.');
  await expectMessageOnce(visitor, 'My order #1042 has not arrived.');

  firstId = await newestConversationId();
  await agent.goto(`${stack.apiUrl}/conversations/${firstId}`);
  await sendFromConsole(agent, 'It ships today, sorry for the wait!');
  await expectMessageOnce(visitor, 'It ships today, sorry for the wait!');
  await resolveInConsole(firstId);

  const card = visitor.getByTestId('parley-end-card');
  await card.waitFor({ timeout: 15_000 });
  expect(await card.getByRole('radio').count()).toBe(5);
  expect(await card.getByRole('group', { name: 'How was this conversation?' }).count()).toBe(1);
  expect(await card.getByRole('button', { name: 'Download transcript' }).count()).toBe(1);
  expect(await card.getByRole('button', { name: 'Start a new conversation' }).count()).toBe(1);
  await waitForPanelSettled(visitor);
  await saveScreenshot(visitor, 'csat-widget-rating');
  await expectNoSeriousA11yViolations(visitor, 'the widget rating form');
});

test('the visitor rates 4 with the keyboard and a comment; the agent’s console shows it live', async () => {
  const card = visitor.getByTestId('parley-end-card');
  await card.getByRole('radio', { name: '1 of 5: Terrible' }).focus();
  await visitor.keyboard.press('Space');
  for (let step = 0; step < 3; step += 1) await visitor.keyboard.press('ArrowRight');
  expect(await card.getByRole('radio', { name: '4 of 5: Good' }).isChecked()).toBe(true);
  await card.getByLabel('Anything to add? (optional)').fill(COMMENT);
  await saveScreenshot(visitor, 'csat-widget-rating-comment');
  await expectNoSeriousA11yViolations(visitor, 'the widget rating form with its comment');
  await card.getByRole('button', { name: 'Send' }).click();
  await visitor.getByTestId('parley-rating-thanks').waitFor();
  expect(await visitor.getByTestId('parley-rating-thanks').textContent()).toContain('You rated it 4 of 5.');
  await saveScreenshot(visitor, 'csat-widget-thanks');

  const rating = agent.getByTestId('rating-item');
  await rating.waitFor({ timeout: 15_000 });
  expect(await rating.textContent()).toContain('rated this conversation 4 of 5');
  expect(await rating.textContent()).toContain(COMMENT);
  expect(await agent.locator('[data-testid="rating-item"] b').count()).toBe(0);
  // The list row of the resolved conversation carries the rating too.
  await agent.getByTestId('filter-resolved').click();
  await eventually(async () => expect(await agent.getByTestId('rating-badge').first().textContent()).toContain('4'));
  await saveLightAndDark(agent, 'csat-console-rating');
  await expectNoSeriousA11yViolations(agent, 'the console timeline with a rating');
});

test('the visitor downloads the transcript: plain text with both sides, names and times', async () => {
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByTestId('parley-end-card').getByRole('button', { name: 'Download transcript' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-transcript-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.txt$/);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text).toMatch(/\] You:\n {2}My order #1042 has not arrived\./);
  expect(text).toMatch(/\] Ana Agent:\n {2}It ships today, sorry for the wait!/);
  expect(text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\]/);
});

test('the visitor starts a new conversation, then finds the old one read-only in Previous conversations', async () => {
  await visitor.getByRole('button', { name: 'Start a new conversation' }).click();
  await eventually(async () => expect(await visitor.getByTestId('parley-end-card').count()).toBe(0));
  // Focus moves in an effect, which runs after the frame that removed the end card.
  const focused = () =>
    visitor.evaluate(
      () => document.querySelector('parley-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null,
    );
  await eventually(async () => expect(await focused()).toBe('parley-composer'));
  await sendFromWidget(visitor, 'Another question: do you ship to Norway?');
  await expectMessageOnce(visitor, 'Another question: do you ship to Norway?');
  await eventually(async () => expect(await newestConversationId()).not.toBe(firstId));

  await visitor.getByRole('button', { name: 'Previous conversations' }).click();
  const list = visitor.getByTestId('parley-history-list');
  await list.waitFor();
  const rows = list.getByRole('listitem');
  await eventually(async () => expect(await rows.count()).toBe(2));
  expect(await rows.nth(0).textContent()).toContain('Open');
  expect(await rows.nth(0).textContent()).toContain('You: Another question');
  expect(await rows.nth(1).textContent()).toContain('Resolved');
  expect(await rows.nth(1).textContent()).toContain('Rated 4 of 5');
  await saveScreenshot(visitor, 'csat-widget-history-list');
  await expectNoSeriousA11yViolations(visitor, 'the previous conversations list');

  await rows.nth(1).getByRole('button').click();
  const messages = visitor.getByTestId('parley-history-messages');
  await messages.waitFor();
  await eventually(async () => expect(await messages.textContent()).toContain('It ships today, sorry for the wait!'));
  expect(await visitor.getByTestId('parley-history').getByRole('textbox').count()).toBe(0);
  expect(await visitor.getByTestId('parley-history').textContent()).toContain('read-only');
  await saveScreenshot(visitor, 'csat-widget-history-read-only');
  await expectNoSeriousA11yViolations(visitor, 'a resolved conversation, read-only');

  await visitor.getByRole('button', { name: 'All conversations' }).click();
  await visitor.getByRole('button', { name: 'Back to chat' }).click();
  await visitor.getByTestId('parley-composer').waitFor();
  expect(dialogs).toEqual([]);
});

test('on a phone: the list, and the rating form when the new conversation is resolved', async () => {
  const phone = await browser.newContext({
    storageState: await visitorContext.storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(exampleSiteLink);
  await openWidget(page);
  await page.getByRole('button', { name: 'Previous conversations' }).tap();
  const rows = page.getByTestId('parley-history-list').getByRole('listitem');
  await eventually(async () => expect(await rows.count()).toBe(2));
  await waitForPanelSettled(page);
  await saveScreenshot(page, 'csat-widget-history-phone');
  await expectNoSeriousA11yViolations(page, 'the previous conversations list on a phone');
  await page.getByRole('button', { name: 'Back to chat' }).tap();

  await resolveInConsole(await newestConversationId());
  const card = page.getByTestId('parley-end-card');
  await card.waitFor({ timeout: 15_000 });
  // A finger taps the star (the radio's label).
  await card.locator('label', { has: page.getByRole('radio', { name: '5 of 5: Excellent' }) }).tap();
  expect(await card.getByRole('radio', { name: '5 of 5: Excellent' }).isChecked()).toBe(true);
  await card.getByLabel('Anything to add? (optional)').waitFor();
  await saveScreenshot(page, 'csat-widget-rating-phone');
  await expectNoSeriousA11yViolations(page, 'the rating form on a phone');
  await card.getByRole('button', { name: 'Send' }).tap();
  await page.getByTestId('parley-rating-thanks').waitFor();
  await eventually(async () => expect(await agent.getByTestId('rating-item').last().textContent()).toContain('5 of 5'));
  await phone.close();
});
