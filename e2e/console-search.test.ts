import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, Inbox, InboxList } from '../api/src/protocol/index.ts';
import { AgentSocket } from './support/agent-api.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// Search across all messages, through the real console and api: visitors write from the example site
// (one of them a long conversation), the owner searches with the keyboard, filters, pages, opens a hit
// at its message, and a message with markup shows as text.
let stack: Stack;
let browser: Browser;
let owner: Page;
let inbox: Inbox;
let resolvedId = '';
let longId = '';
let targetSeq = 0;
const dialogs: string[] = [];
const OWNER = { email: 'sara@acme.test', name: 'Sara Search', workspace: 'Acme Bikes' };
const XSS = '<img src=x onerror=alert(1)>';
const LONG_CONVERSATION_MESSAGES = 120;
const DESKTOP = { width: 1360, height: 860 };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const hits = () => owner.getByTestId('search-hit');

async function searchState(): Promise<string | null> {
  return owner.getByTestId('search-page').getAttribute('data-state');
}

/** Waits for the answer to the search in the URL, with these words (not the previous search's, still shown while typing pauses). */
async function expectResults(count: number, q: string) {
  await eventually(async () => {
    const answered = (await owner.getByTestId('search-page').getAttribute('data-results-for')) ?? '';
    expect(new URLSearchParams(answered).get('q')).toBe(q);
    expect(answered).toBe(new URL(owner.url()).search.slice(1));
    expect(await searchState()).toBe(count === 0 ? 'empty' : 'results');
    expect(await hits().count()).toBe(count);
  });
}

/** axe after the colours settled (a scheme switch eases them over 120–200 ms). */
async function expectAccessible(where: string) {
  await owner.waitForTimeout(400);
  await expectNoSeriousA11yViolations(owner, where);
}

/** data-testid of the focused element, with the message id for a hit. */
async function focused(): Promise<string> {
  return owner.evaluate(() => {
    const element = document.activeElement;
    const testId = element?.getAttribute('data-testid') ?? element?.tagName ?? 'none';
    const messageId = element?.getAttribute('data-message-id');
    return messageId ? `${testId}:${messageId}` : testId;
  });
}

async function hitIds(): Promise<string[]> {
  return hits().evaluateAll((links) => links.map((link) => `search-hit:${link.getAttribute('data-message-id')}`));
}

async function blurAll() {
  await owner.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

function localDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

test('an owner signs up; visitors write from the example site, one a long conversation', async () => {
  owner = await (await newWatchedContext(browser, dialogs)).newPage();
  await owner.setViewportSize(DESKTOP);
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const { inboxes } = await callAsConsole<InboxList>(owner, stack.apiUrl, 'GET', '/v1/inboxes');
  const first = inboxes[0];
  if (!first) throw new Error('signup made no inbox');
  inbox = first;
  const siteLink = `${stack.siteUrl}/?siteKey=${encodeURIComponent(inbox.siteKey)}`;

  // Two visitors through the widget on the example site.
  const writes = [
    ['My bike chain snapped on the hill'],
    ['Is a spare chain included with the bike?', `${XSS} the sprocket rattles`],
  ];
  for (const messages of writes) {
    const visitor = await (await newWatchedContext(browser, dialogs)).newPage();
    await visitor.goto(siteLink);
    await openWidget(visitor);
    for (const text of messages) {
      await sendFromWidget(visitor, text);
      await expectMessageOnce(visitor, text);
    }
  }

  // A long conversation, written over a visitor socket: the hit is far from the newest page.
  const longVisitor = await VisitorSocket.connect(stack, inbox.siteKey);
  const bodies = Array.from({ length: LONG_CONVERSATION_MESSAGES }, (_, index) =>
    index === 2 ? 'The derailleur hanger is bent after the crash' : `Ride log ${index + 1}: filler about the road`,
  );
  const messages = await longVisitor.sendAll(bodies);
  await longVisitor.close();
  longId = messages[2]!.conversationId;
  targetSeq = messages[2]!.seq;
  expect(messages.at(-1)!.seq - targetSeq).toBeGreaterThan(100);

  // The first visitor's conversation is resolved, for the status filter.
  const { conversations } = await callAsConsole<ConversationList>(
    owner,
    stack.apiUrl,
    'GET',
    '/v1/conversations?status=all',
  );
  resolvedId = conversations.find((c) => c.lastMessage?.body === 'My bike chain snapped on the hill')?.id ?? '';
  expect(resolvedId).not.toBe('');
  const agentSocket = await AgentSocket.connect(stack.apiUrl, owner.context());
  await agentSocket.command('conversation.resolve', { conversationId: resolvedId });
  await agentSocket.close();
});

test('the search page says what to type before anything is typed', async () => {
  await owner.goto(`${stack.apiUrl}/search`);
  await owner.getByTestId('search-prompt').waitFor();
  expect(await searchState()).toBe('prompt');
  expect(await focused()).toBe('search-input');
  await saveLightAndDark(owner, 'console-search-prompt');
  await expectAccessible('the search page before a search');
});

test('/ and Ctrl+K reach the search field from anywhere, but not while typing in another field', async () => {
  await owner.goto(`${stack.apiUrl}/conversations`);
  const row = owner.getByTestId('conversation-row').first();
  await row.waitFor();
  await row.click();
  const composer = owner.getByTestId('composer');
  await composer.waitFor();

  // Typing in the composer: "/" is just a character, Ctrl+K does nothing.
  await composer.focus();
  await owner.keyboard.type('a/b');
  await owner.keyboard.press('Control+K');
  expect(await composer.inputValue()).toBe('a/b');
  expect(await focused()).toBe('composer');
  await composer.fill('');

  await blurAll();
  await owner.keyboard.press('Control+K');
  expect(await focused()).toBe('nav-search-input');
  await blurAll();
  await owner.keyboard.press('/');
  expect(await focused()).toBe('nav-search-input');

  // Enter opens the search page with those words; the page's box has the focus.
  await owner.keyboard.type('chain');
  await owner.keyboard.press('Enter');
  await owner.waitForURL(/\/search\?q=chain$/);
  await expectResults(2, 'chain');
  expect(await focused()).toBe('search-input');
  expect(await owner.getByTestId('search-input').inputValue()).toBe('chain');
  for (const snippet of await owner.getByTestId('search-hit-snippet').all()) {
    const marks = await snippet.locator('mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(['chain']);
  }
  expect(await owner.getByTestId('search-result-count').textContent()).toBe('2 messages');

  // Arrow keys move through the results; up from the first goes back to the box.
  const ids = await hitIds();
  await owner.keyboard.press('ArrowDown');
  expect(await focused()).toBe(ids[0]);
  await owner.keyboard.press('ArrowDown');
  expect(await focused()).toBe(ids[1]);
  await owner.keyboard.press('ArrowDown');
  expect(await focused()).toBe(ids[1]);
  await owner.keyboard.press('ArrowUp');
  expect(await focused()).toBe(ids[0]);
  await owner.keyboard.press('ArrowUp');
  expect(await focused()).toBe('search-input');

  // From a result, "/" goes back to the box too.
  await owner.keyboard.press('ArrowDown');
  await owner.keyboard.press('/');
  expect(await focused()).toBe('search-input');
  expect(await owner.getByTestId('search-input').inputValue()).toBe('chain');

  await owner.keyboard.press('ArrowDown');
  await saveLightAndDark(owner, 'console-search-results');
  await expectAccessible('the search results');
  await owner.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible('the search results in dark mode');
  await owner.emulateMedia({ colorScheme: 'light' });
});

test('filters narrow the search; the URL holds them, so back, forward and reload work', async () => {
  await owner.getByTestId('search-filter-status-resolved').click();
  await owner.waitForURL(/\/search\?q=chain&status=resolved$/);
  await expectResults(1, 'chain');
  expect(await hits().first().getAttribute('data-conversation-id')).toBe(resolvedId);
  expect(await hits().first().getAttribute('data-status')).toBe('resolved');
  expect(await hits().first().getByTestId('search-hit-status').textContent()).toBe('Resolved');

  await owner.goBack();
  await owner.waitForURL(/\/search\?q=chain$/);
  await expectResults(2, 'chain');
  expect(await owner.getByTestId('search-filter-status-any').locator('input').isChecked()).toBe(true);

  await owner.goForward();
  await owner.waitForURL(/status=resolved/);
  await expectResults(1, 'chain');

  await owner.reload();
  await expectResults(1, 'chain');
  expect(await owner.getByTestId('search-input').inputValue()).toBe('chain');
  expect(await owner.getByTestId('search-filter-status-resolved').locator('input').isChecked()).toBe(true);

  await owner.getByTestId('search-filter-status-open').click();
  await expectResults(1, 'chain');
  expect(await hits().first().getAttribute('data-status')).toBe('open');

  // The members and inboxes fill the other filters.
  const agentOptions = await owner.getByTestId('search-filter-agent').locator('option').allTextContents();
  expect(agentOptions).toEqual(['Anyone', `${OWNER.name} (you)`]);
  const inboxOptions = await owner.getByTestId('search-filter-inbox').locator('option').allTextContents();
  expect(inboxOptions).toEqual(['All inboxes', inbox.name]);
  await owner.getByTestId('search-filter-inbox').selectOption(inbox.id);
  await owner.waitForURL(new RegExp(`inboxId=${inbox.id}`));
  await expectResults(1, 'chain');

  // Nothing was written from tomorrow on: empty, with a way out.
  await owner.getByTestId('search-filter-from').fill(localDay(1));
  await owner.waitForURL(new RegExp(`from=${localDay(1)}`));
  await expectResults(0, 'chain');
  await owner.getByTestId('search-empty').getByRole('button', { name: 'Clear filters' }).click();
  await owner.waitForURL(/\/search\?q=chain$/);
  await expectResults(2, 'chain');

  // Today is included when it is the last day.
  await owner.getByTestId('search-filter-to').fill(localDay(0));
  await expectResults(2, 'chain');
  await owner.getByTestId('search-clear-filters').click();
  await owner.waitForURL(/\/search\?q=chain$/);
});

test('typing waits for a pause, and an old slow answer never replaces a newer one', async () => {
  const asked: string[] = [];
  const slowHandler = async (route: Route) => {
    const q = new URL(route.request().url()).searchParams.get('q') ?? '';
    asked.push(q);
    if (q === 'chain') await new Promise((r) => setTimeout(r, 1500));
    // The page may have cancelled it meanwhile.
    await route.continue().catch(() => {});
  };
  await owner.route('**/v1/search?**', slowHandler);
  const box = owner.getByTestId('search-input');
  await box.fill('');
  await owner.getByTestId('search-prompt').waitFor();

  await box.pressSequentially('chain', { delay: 40 });
  await eventually(() => expect(asked).toContain('chain'));
  // The answer is held back 1.5 s; React shows "loading" in its next render.
  await eventually(async () => expect(await searchState()).toBe('loading'));
  await owner.waitForTimeout(100);
  await saveScreenshot(owner, 'console-search-loading');
  await box.pressSequentially(' snapped', { delay: 20 });
  await expectResults(1, 'chain snapped');
  expect(await owner.getByTestId('search-hit-snippet').textContent()).toContain('snapped');

  // The slow answer for "chain" (2 hits) has had its time: it was cancelled, and it is not shown.
  await owner.waitForTimeout(2000);
  await expectResults(1, 'chain snapped');
  expect(await owner.getByTestId('search-hit-snippet').textContent()).toContain('snapped');
  expect(asked.filter((q) => ['c', 'ch', 'cha', 'chai', 'chain s', 'chain snap'].includes(q))).toEqual([]);
  expect(asked.at(-1)).toBe('chain snapped');
  await owner.unroute('**/v1/search?**', slowHandler);
});

test('"Load more" pages through many hits without showing one twice', async () => {
  const box = owner.getByTestId('search-input');
  await box.fill('filler');
  await expectResults(20, 'filler');
  expect(await owner.getByTestId('search-result-count').textContent()).toBe('20+ messages');
  await owner.getByTestId('search-load-more').click();
  await expectResults(40, 'filler');
  const ids = await hitIds();
  expect(new Set(ids).size).toBe(40);
  expect(await owner.getByTestId('search-result-count').textContent()).toBe('40+ messages');
});

test('a message with markup shows as text in the snippet; nothing runs', async () => {
  const box = owner.getByTestId('search-input');
  await box.fill('onerror');
  await expectResults(1, 'onerror');
  const snippet = owner.getByTestId('search-hit-snippet');
  expect(await snippet.textContent()).toBe(`${XSS} the sprocket rattles`);
  expect(await snippet.locator('mark').allTextContents()).toEqual(['onerror']);
  const shape = await snippet.evaluate((element) => ({
    tags: [...element.querySelectorAll('*')].map((child) => child.tagName),
    marksHoldOnlyText: [...element.querySelectorAll('mark')].every((mark) =>
      [...mark.childNodes].every((node) => node.nodeType === Node.TEXT_NODE),
    ),
  }));
  expect(shape.tags.every((tag) => tag === 'MARK' || tag === 'SPAN')).toBe(true);
  expect(shape.marksHoldOnlyText).toBe(true);
  expect(await owner.locator('.search-results img').count()).toBe(0);
  await owner.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await saveScreenshot(owner, 'console-search-xss');
});

test('opening a hit with the keyboard lands on that message, far back in a long conversation, highlighted', async () => {
  const box = owner.getByTestId('search-input');
  await box.fill('derailleur');
  await expectResults(1, 'derailleur');
  expect(await hits().first().getAttribute('data-seq')).toBe(String(targetSeq));
  // Reduced motion: the highlight shows at once, without the arrival animation (and the picture is steady).
  await owner.emulateMedia({ reducedMotion: 'reduce' });
  await box.focus();
  await owner.keyboard.press('ArrowDown');
  await owner.keyboard.press('Enter');

  await owner.waitForURL(new RegExp(`/conversations/${longId}\\?at=${targetSeq}$`));
  const message = owner.locator(`[data-testid="message"][data-seq="${targetSeq}"]`);
  await message.waitFor();
  await eventually(async () => expect(await message.getAttribute('data-highlighted')).toBe('true'));
  expect(await message.textContent()).toContain('The derailleur hanger is bent');
  // An older page was read to get there: the timeline (virtualized, so not every row is in the DOM)
  // holds events from before the newest page (100 events).
  const firstHeldSeq = Number(await owner.getByTestId('timeline').getAttribute('data-first-seq'));
  expect(firstHeldSeq).toBeLessThanOrEqual(targetSeq);
  const isInView = await message.evaluate((row) => {
    const timeline = row.closest('.timeline');
    if (!timeline) return false;
    const box = row.getBoundingClientRect();
    const view = timeline.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  expect(isInView).toBe(true);
  expect(await owner.evaluate(() => document.activeElement?.getAttribute('data-seq'))).toBe(String(targetSeq));
  await saveLightAndDark(owner, 'console-search-opened-hit');
  await owner.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await owner.getByTestId('jump-notice').count()).toBe(0);

  // The highlight is brief.
  await eventually(async () => expect(await message.getAttribute('data-highlighted')).toBeNull(), 6000);

  // Back to the results, as they were.
  await owner.goBack();
  await owner.waitForURL(/\/search\?q=derailleur$/);
  await expectResults(1, 'derailleur');
});

test('a query the api refuses, a failed request and no matches each say so', async () => {
  await owner.goto(`${stack.apiUrl}/search?q=${'x'.repeat(201)}`);
  const error = owner.getByTestId('search-error');
  await error.waitFor();
  expect(await error.getAttribute('data-kind')).toBe('invalid');
  expect(await error.textContent()).toContain('at most 200 characters');
  await saveLightAndDark(owner, 'console-search-error');
  await expectAccessible('the search page with a refused query');

  const failAll = (route: Route) => route.abort('connectionrefused');
  await owner.route('**/v1/search?**', failAll);
  await owner.getByTestId('search-input').fill('sprocket');
  await eventually(async () => expect(await error.getAttribute('data-kind')).toBe('failed'));
  await saveScreenshot(owner, 'console-search-failed');
  await owner.unroute('**/v1/search?**', failAll);
  await error.getByRole('button', { name: 'Try again' }).click();
  await expectResults(1, 'sprocket');

  await owner.getByTestId('search-input').fill('unicycle');
  await expectResults(0, 'unicycle');
  expect(await owner.getByTestId('search-empty').textContent()).toContain('No messages match “unicycle”');
  await saveLightAndDark(owner, 'console-search-empty');
});

test('on a phone the sidebar field becomes a link, and the page fits', async () => {
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.goto(`${stack.apiUrl}/conversations`);
  await owner.getByTestId('nav-search').waitFor();
  expect(await owner.getByTestId('nav-search-input').isVisible()).toBe(false);
  // No field to focus on the top bar: the shortcut opens the search page.
  await owner.keyboard.press('/');
  await owner.waitForURL(/\/search$/);
  await owner.getByTestId('search-input').fill('chain');
  await expectResults(2, 'chain');
  await owner.waitForTimeout(300);
  await saveScreenshot(owner, 'console-search-phone');
  const overflows = await owner.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflows).toBe(false);
  await owner.setViewportSize(DESKTOP);
  expect(dialogs).toEqual([]);
});
