import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Inbox, InboxList, MemberList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  callAsConsole,
  expectNoSeriousA11yViolations,
  saveLightAndDark,
  setVisitorEmail,
} from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// The console's side of routing, through the real UI: an owner runs a manual-routing inbox, sees two
// visitors wait in the queue, takes the first, reads why it went to them, and steps away and back.
let stack: Stack;
let browser: Browser;
let owner: Page;
let inbox: Inbox;
let takenId = '';
const visitors: Page[] = [];
const dialogs: string[] = [];
const OWNER = { email: 'olga@acme.test', name: 'Olga Owner', workspace: 'Acme Bikes' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function queueLength(page: Page): Promise<string> {
  return ((await page.getByTestId('queue-length').textContent()) ?? '').trim();
}

async function navQueueCount(page: Page): Promise<string | null> {
  return page.getByTestId('nav-queue').getAttribute('data-length');
}

async function myMember(page: Page) {
  const { members } = await callAsConsole<MemberList>(page, stack.apiUrl, 'GET', '/v1/members');
  const me = members.find((member) => member.email === OWNER.email);
  if (!me) throw new Error('the owner is not among the members');
  return me;
}

test('an owner signs up and switches the inbox to manual routing; the queue starts empty', async () => {
  owner = await (await newWatchedContext(browser, dialogs)).newPage();
  await owner.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const { inboxes } = await callAsConsole<InboxList>(owner, stack.apiUrl, 'GET', '/v1/inboxes');
  const first = inboxes[0];
  if (!first) throw new Error('signup made no inbox');
  inbox = await callAsConsole<Inbox>(owner, stack.apiUrl, 'PATCH', `/v1/inboxes/${first.id}`, {
    routing: { mode: 'manual' },
  });
  expect(inbox.routing.mode).toBe('manual');

  // The console read its inboxes when it connected; a reload shows the new mode.
  await owner.reload();
  await owner.getByTestId('nav-queue').click();
  await owner.getByTestId('queue-page').waitFor();
  await eventually(async () => expect(await owner.getByTestId('queue-routing-mode').textContent()).toBe('Manual'));
  expect(await queueLength(owner)).toBe('0');
  await owner.getByText('Nobody is waiting').waitFor();
  await saveLightAndDark(owner, 'console-queue-empty');
});

test('two visitors write from the example site; the queue shows both, oldest first, with the longest wait', async () => {
  const siteLink = `${stack.siteUrl}/?siteKey=${encodeURIComponent(inbox.siteKey)}`;
  const words = ['Hi, is my order #1042 shipped yet?', 'Do you ship to Norway?'];
  for (const [index, text] of words.entries()) {
    const visitor = await (await newWatchedContext(browser, dialogs)).newPage();
    visitors.push(visitor);
    await visitor.goto(siteLink);
    await openWidget(visitor);
    if (index === 0) {
      await eventually(() => setVisitorEmail(visitor, stack, inbox.siteKey, 'jo@customer.test'));
    }
    await sendFromWidget(visitor, text);
    await expectMessageOnce(visitor, text);
  }

  await eventually(async () => {
    expect(await queueLength(owner)).toBe('2');
    expect(await owner.getByTestId('queue-row').count()).toBe(2);
  });
  expect(await navQueueCount(owner)).toBe('2');
  expect(await owner.getByTestId('nav-queue-count').textContent()).toBe('2');
  const longest = (await owner.getByTestId('queue-longest-wait').textContent()) ?? '';
  expect(longest).toMatch(/^(under 1 min|\d+ min)$/);
  const rows = owner.getByTestId('queue-row');
  await eventually(async () => {
    expect(await rows.nth(0).textContent()).toContain(words[0]);
    expect(await rows.nth(1).textContent()).toContain(words[1]);
  });
  expect(await rows.nth(0).getByTestId('queue-row-email').textContent()).toBe('jo@customer.test');
  expect(await rows.nth(0).getByTestId('queue-row-wait').textContent()).toMatch(/^waiting (under 1 min|\d+ min)$/);
  expect(await rows.nth(0).getAttribute('data-position')).toBe('1');

  await saveLightAndDark(owner, 'console-queue');
  await owner.setViewportSize({ width: 390, height: 844 });
  await owner.waitForTimeout(400);
  await saveScreenshot(owner, 'console-queue-phone');
  await owner.setViewportSize({ width: 1360, height: 860 });
  await expectNoSeriousA11yViolations(owner, 'the queue page');
  await owner.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(owner, 'the queue page in dark mode');
  await owner.emulateMedia({ colorScheme: 'light' });
});

test('the owner takes the first conversation: it leaves the queue and shows under their own conversations', async () => {
  const first = owner.getByTestId('queue-row').first();
  takenId = (await first.getAttribute('data-conversation-id')) ?? '';
  expect(takenId).not.toBe('');
  await first.getByTestId('take').click();

  await owner.waitForURL(new RegExp(`/conversations/${takenId}\\?status=mine$`));
  const view = owner.getByTestId('conversation-view');
  await view.waitFor();
  expect(await view.getAttribute('data-conversation-id')).toBe(takenId);
  await eventually(async () => expect(await owner.getByTestId('conversation-assignee').textContent()).toBe(OWNER.name));
  expect(await owner.getByTestId('visitor-email').textContent()).toBe('jo@customer.test');

  // Under "Mine", with the owner as assignee; the queue is down to one.
  expect(await owner.getByTestId('filter-mine').getAttribute('aria-current')).toBe('page');
  const mine = owner.getByTestId('conversation-row');
  await eventually(async () => {
    expect(await mine.count()).toBe(1);
    expect(await mine.first().getAttribute('data-conversation-id')).toBe(takenId);
    expect(await mine.first().getByTestId('conversation-row-assignee').textContent()).toBe(OWNER.name);
  });
  await eventually(async () => expect(await navQueueCount(owner)).toBe('1'));

  await owner.getByTestId('nav-queue').click();
  await eventually(async () => {
    expect(await queueLength(owner)).toBe('1');
    expect(await owner.getByTestId('queue-row').count()).toBe(1);
  });
  expect(await owner.locator(`[data-testid="queue-row"][data-conversation-id="${takenId}"]`).count()).toBe(0);
  await saveScreenshot(owner, 'console-queue-after-take');
});

test('the assign menu lists the team with their presence', async () => {
  await owner.goto(`${stack.apiUrl}/conversations/${takenId}?status=mine`);
  await owner.getByTestId('conversation-view').waitFor();
  await owner.getByTestId('assign-button').click();
  const menu = owner.getByTestId('assign-menu');
  await menu.waitFor();
  const option = menu.getByTestId('assign-option').first();
  await eventually(async () => {
    expect(await option.textContent()).toContain(`${OWNER.name} (you)`);
    expect(await option.getAttribute('data-availability')).toBe('online');
  });
  expect(await option.getAttribute('aria-checked')).toBe('true');
  expect(await menu.getByTestId('hand-back').count()).toBe(1);
  await saveLightAndDark(owner, 'console-assign-menu');
  await owner.keyboard.press('Escape');
  await menu.waitFor({ state: 'detached' });
  expect(await owner.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('assign-button');
});

test('the owner opens the routing log and sees the manual assignment', async () => {
  await owner.getByTestId('routing-log-button').click();
  const drawer = owner.getByTestId('routing-log');
  await drawer.waitFor();
  const decisions = drawer.getByTestId('routing-decision');
  await eventually(async () => expect(await decisions.count()).toBeGreaterThanOrEqual(2));
  const latest = decisions.first();
  expect(await latest.getAttribute('data-outcome')).toBe('assigned');
  expect(await latest.getByTestId('routing-decision-reason').textContent()).toBe(`Taken by ${OWNER.name}`);
  expect(await latest.textContent()).toContain(`To ${OWNER.name}`);
  const queued = decisions.last();
  expect(await queued.getAttribute('data-outcome')).toBe('queued');
  expect(await queued.textContent()).toContain('Routing in this inbox is manual');
  await saveLightAndDark(owner, 'console-routing-log');
  await expectNoSeriousA11yViolations(owner, 'the routing log');
  await owner.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
});

test('the owner steps away and comes back; the api keeps the status', async () => {
  const presence = owner.getByTestId('presence');
  expect(await presence.getAttribute('data-status')).toBe('online');
  await owner.getByTestId('presence-away').click();
  await eventually(async () => expect(await presence.getAttribute('data-status')).toBe('away'));
  await eventually(async () => expect((await myMember(owner)).isAway).toBe(true));
  expect(await presence.textContent()).toContain('You get no new conversations while away.');
  await saveLightAndDark(owner, 'console-away');

  // Still away after a reload: the initial state comes from the api.
  await owner.reload();
  await eventually(async () => expect(await owner.getByTestId('presence').getAttribute('data-status')).toBe('away'));

  // Back with the keyboard: the status is a pair of radio buttons.
  await owner.getByRole('radio', { name: 'Away' }).focus();
  await owner.keyboard.press('ArrowLeft');
  await eventually(async () => expect(await owner.getByTestId('presence').getAttribute('data-status')).toBe('online'));
  await eventually(async () => expect((await myMember(owner)).isAway).toBe(false));
});

test('the owner hands the conversation back; it waits at the front of the queue again', async () => {
  await owner.getByTestId('conversation-view').waitFor();
  await owner.getByTestId('assign-button').click();
  await owner.getByTestId('hand-back').click();
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-assignee').textContent()).toBe('Unassigned'),
  );
  await eventually(async () => expect(await navQueueCount(owner)).toBe('2'));
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-queue-position').textContent()).toMatch(/^#1 in queue · waiting /),
  );
  expect(await owner.getByTestId('take-conversation').count()).toBe(1);
  await saveLightAndDark(owner, 'console-conversation-queued');
  await owner.setViewportSize({ width: 1100, height: 760 });
  await owner.waitForTimeout(400);
  await saveScreenshot(owner, 'console-conversation-queued-narrow');
  await owner.setViewportSize({ width: 1360, height: 860 });
  await owner.getByTestId('nav-queue').click();
  await eventually(async () => {
    expect(await owner.getByTestId('queue-row').count()).toBe(2);
    expect(await owner.getByTestId('queue-row').first().getAttribute('data-conversation-id')).toBe(takenId);
  });
});

test('with automatic routing the log shows how each candidate stood: away first, then chosen', async () => {
  // Clear the queue (resolve both), so the next conversation has nobody ahead of it.
  const waiting = await owner
    .getByTestId('queue-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-conversation-id') ?? ''));
  for (const id of waiting) {
    await owner.goto(`${stack.apiUrl}/conversations/${id}`);
    await owner.getByTestId('resolve').click();
    await eventually(async () =>
      expect(await owner.getByTestId('conversation-status').getAttribute('data-status')).toBe('resolved'),
    );
  }
  await eventually(async () => expect(await navQueueCount(owner)).toBe('0'));

  await owner.getByTestId('presence-away').click();
  await eventually(async () => expect((await myMember(owner)).isAway).toBe(true));
  await callAsConsole(owner, stack.apiUrl, 'PATCH', `/v1/inboxes/${inbox.id}`, { routing: { mode: 'auto' } });

  const visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  visitors.push(visitor);
  await visitor.goto(`${stack.siteUrl}/?siteKey=${encodeURIComponent(inbox.siteKey)}`);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'Can I still change my delivery address?');
  await expectMessageOnce(visitor, 'Can I still change my delivery address?');

  // Away: nobody can take it, so it waits.
  await owner.getByTestId('nav-queue').click();
  await owner.getByTestId('queue-page').waitFor();
  await eventually(async () => {
    expect(await owner.getByTestId('queue-row').count()).toBe(1);
    expect(await owner.getByTestId('queue-routing-mode').textContent()).toBe('Automatic');
  });
  const waitingId = (await owner.getByTestId('queue-row').last().getAttribute('data-conversation-id')) ?? '';
  await saveLightAndDark(owner, 'console-queue-while-away');

  // Back online: routing gives it to the owner.
  await owner.getByTestId('presence-online').click();
  await eventually(async () => expect(await navQueueCount(owner)).toBe('0'), 20_000);
  await owner.getByText('Nobody is waiting').waitFor();

  await owner.goto(`${stack.apiUrl}/conversations/${waitingId}`);
  await eventually(async () => expect(await owner.getByTestId('conversation-assignee').textContent()).toBe(OWNER.name));
  await owner.getByTestId('routing-log-button').click();
  const decisions = owner.getByTestId('routing-log').getByTestId('routing-decision');
  await eventually(async () => expect(await decisions.count()).toBeGreaterThanOrEqual(2));
  const assigned = decisions.first();
  expect(await assigned.getAttribute('data-outcome')).toBe('assigned');
  expect(await assigned.getByTestId('routing-candidate').first().textContent()).toContain('Chosen');
  const queued = owner.locator('[data-testid="routing-decision"][data-outcome="queued"]').last();
  expect(await queued.getByTestId('routing-decision-reason').textContent()).toContain(`${OWNER.name} away`);
  expect(await queued.getByTestId('routing-candidate').first().textContent()).toMatch(/Away/);
  await saveLightAndDark(owner, 'console-routing-log-candidates');
  await expectNoSeriousA11yViolations(owner, 'the routing log with candidates');
  await owner.getByTestId('routing-log-close').click();
  expect(dialogs).toEqual([]);
});
