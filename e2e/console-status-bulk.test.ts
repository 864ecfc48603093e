import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, InboxList } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole, saveLightAndDark } from './support/console-helpers.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// Statuses, priority and bulk actions through the real console, api and database: an owner with four
// visitors' conversations sets a priority, snoozes one, filters by status, and resolves three at once
// from a range selection; a second console window of the same workspace shows the counts move live.

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let owner: Page;
let watcher: Page;
const dialogs: string[] = [];
const OWNER = { email: 'sol@acme.test', name: 'Sol Status', workspace: 'Acme Bikes' };
const VISITOR_TEXTS = ['Where is my order?', 'Can I change my size?', 'Do you ship to Norway?', 'Is the shop open?'];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const count = (page: Page, view: string) => page.getByTestId(`count-${view}`).textContent();
const rows = (page: Page) => page.getByTestId('conversation-row');

async function listIds(status: string): Promise<string[]> {
  const { conversations } = await callAsConsole<ConversationList>(
    owner,
    stack.apiUrl,
    'GET',
    `/v1/conversations?status=${status}`,
  );
  return conversations.map((conversation) => conversation.id);
}

test('an owner with four conversations, watched from a second window', async () => {
  context = await newWatchedContext(browser, dialogs);
  owner = await context.newPage();
  await owner.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const { inboxes } = await callAsConsole<InboxList>(owner, stack.apiUrl, 'GET', '/v1/inboxes');
  for (const text of VISITOR_TEXTS) {
    const visitor = await VisitorSocket.connect(stack, inboxes[0]!.siteKey);
    await visitor.send(text);
  }
  watcher = await context.newPage();
  await watcher.setViewportSize({ width: 1360, height: 860 });
  for (const page of [owner, watcher]) {
    await page.goto(`${stack.apiUrl}/conversations`);
    await eventually(async () => expect(await rows(page).count()).toBe(4));
    await eventually(async () => expect(await count(page, 'open')).toBe('4'));
  }
});

test('priority and snooze from the header; the other window sees them at once', async () => {
  await rows(owner).filter({ hasText: VISITOR_TEXTS[0]! }).click();
  await owner.getByTestId('priority-select').selectOption('urgent');
  await eventually(async () =>
    expect(await rows(watcher).filter({ hasText: VISITOR_TEXTS[0]! }).getByTestId('priority-badge').textContent()).toBe(
      'Urgent',
    ),
  );
  await owner.getByTestId('snooze-button').click();
  await owner.getByTestId('snooze-tomorrow').waitFor();
  await expectAccessible(owner, 'the snooze menu');
  await saveLightAndDark(owner, 'console-status-snooze-menu');
  await owner.getByTestId('snooze-tomorrow').click();
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-status').getAttribute('data-status')).toBe('snoozed'),
  );
  expect(await owner.getByTestId('conversation-view').textContent()).toMatch(/Snoozed until .* by Sol Status/);
  // Snoozed leaves Open: both windows count it at once.
  for (const page of [owner, watcher]) {
    await eventually(async () => expect(await count(page, 'snoozed')).toBe('1'));
    await eventually(async () => expect(await count(page, 'open')).toBe('3'));
  }
  expect(await listIds('snoozed')).toHaveLength(1);
});

test('filters: the snoozed view shows just that one; sort by waiting longest', async () => {
  await owner.getByTestId('filter-snoozed').click();
  await eventually(async () => expect(await rows(owner).count()).toBe(1));
  expect(await rows(owner).first().textContent()).toContain(VISITOR_TEXTS[0]);
  await owner.getByTestId('filter-open').click();
  await eventually(async () => expect(await rows(owner).count()).toBe(3));
  await owner.getByTestId('sort-select').selectOption('waiting');
  await eventually(async () => expect(owner.url()).toContain('sort=waiting'));
  // The re-sorted list can render after the URL changed; a range picked before it would be the wrong rows.
  await eventually(async () =>
    expect(await rows(owner).allTextContents()).toEqual(
      VISITOR_TEXTS.slice(1).map((text) => expect.stringContaining(text)),
    ),
  );
});

test('bulk: a range of three resolved at once, live in the other window', async () => {
  const boxes = owner.locator('[data-testid^="select-"]');
  await eventually(async () => expect(await boxes.count()).toBe(3));
  await boxes.nth(0).click();
  await boxes.nth(2).click({ modifiers: ['Shift'] });
  await eventually(async () => expect(await owner.getByTestId('bulk-count').textContent()).toContain('3 selected'));
  await expectAccessible(owner, 'the list with a bulk selection');
  await saveLightAndDark(owner, 'console-status-bulk-bar');
  await owner.getByTestId('bulk-resolve').click();
  for (const page of [owner, watcher]) {
    await eventually(async () => expect(await count(page, 'open')).toBe('0'));
  }
  await eventually(async () => expect(await owner.getByTestId('bulk-bar').count()).toBe(0));
  expect(await listIds('resolved')).toHaveLength(3);
  await watcher.getByTestId('filter-resolved').click();
  await eventually(async () => expect(await rows(watcher).count()).toBe(3));
  await owner.getByTestId('filter-all').click();
  await eventually(async () => expect(await rows(owner).count()).toBe(4));
  await expectAccessible(owner, 'the list with badges');
  await saveLightAndDark(owner, 'console-status-list');
  expect(dialogs).toEqual([]);
});
