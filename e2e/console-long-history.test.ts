import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, InboxList, Me } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, saveLightAndDark } from './support/console-helpers.ts';
import { seedLongHistory } from './support/long-history.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { withApiStopped } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// A 10,000-message conversation in the console's virtualized timeline, through the real api, database
// and browser: it opens at the newest message with only a screenful of rows in the DOM, older pages
// join above without moving the view, a search-style `?at=23` lands far back, a visitor's live message
// keeps the view pinned, and "Load earlier messages" is reachable from the keyboard.
let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
let conversationId = '';
const dialogs: string[] = [];
const LAST_SEQ = 10_000;
const FAR_BACK_SEQ = 23;
const DESKTOP = { width: 1280, height: 800 };
/** A loaded machine reads the 20 pages to seq 23 slowly. */
const JUMP_TIMEOUT_MS = 60_000;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const timeline = () => agent.getByTestId('timeline');
const row = (seq: number) => agent.locator(`.timeline [data-seq="${seq}"]`);

async function firstHeldSeq(): Promise<number> {
  return Number(await timeline().getAttribute('data-first-seq'));
}

/** Whether the row is wholly inside the timeline's visible box. */
async function isInView(seq: number): Promise<boolean> {
  return row(seq).evaluate((element) => {
    const view = element.closest('.timeline')?.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return view !== undefined && box.top >= view.top && box.bottom <= view.bottom;
  });
}

/** How far the row's middle is from the timeline's middle, as a share of the timeline's height. */
async function offsetFromMiddle(seq: number): Promise<number> {
  return row(seq).evaluate((element) => {
    const view = element.closest('.timeline')?.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    if (!view) return Number.POSITIVE_INFINITY;
    return Math.abs((box.top + box.bottom) / 2 - (view.top + view.bottom) / 2) / view.height;
  });
}

async function renderedRows(): Promise<number> {
  return agent.locator('.timeline [data-seq]').count();
}

interface Sample {
  firstSeq: number;
  top: number | null;
}

/**
 * Runs in the page: scrolls the timeline to its top and samples, every frame, the oldest held seq and
 * where the row `seq` is, until a second after an older page joined. Source text, so the bundler adds
 * no helper the page lacks.
 */
const SAMPLE_WHILE_A_PAGE_JOINS = `(seq) => new Promise((resolve) => {
  const timeline = document.querySelector('.timeline');
  const samples = [];
  const started = performance.now();
  let joinedAt = null;
  timeline.scrollTo({ top: 0 });
  const sample = (now) => {
    const firstSeq = Number(timeline.getAttribute('data-first-seq'));
    const box = timeline.querySelector('[data-seq="' + seq + '"]')?.getBoundingClientRect();
    samples.push({ firstSeq, top: box ? box.top : null });
    if (joinedAt === null && firstSeq < seq) joinedAt = now;
    if ((joinedAt !== null && now - joinedAt > 1000) || now - started > 30000) resolve(samples);
    else requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
})`;

async function isPinnedToBottom(): Promise<boolean> {
  return timeline().evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight < 4);
}

test('a visitor writes from the example site; their conversation gets 10,000 messages', async () => {
  agent = await (await newWatchedContext(browser, dialogs)).newPage();
  await agent.setViewportSize(DESKTOP);
  await signUpThroughConsole(agent, stack.apiUrl, { email: 'lena@long.test', name: 'Lena Long', workspace: 'Long' });
  const me = await callAsConsole<Me>(agent, stack.apiUrl, 'GET', '/v1/me');
  const { inboxes } = await callAsConsole<InboxList>(agent, stack.apiUrl, 'GET', '/v1/inboxes');
  const siteKey = inboxes[0]?.siteKey ?? '';
  expect(siteKey).not.toBe('');

  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(`${stack.siteUrl}/?siteKey=${encodeURIComponent(siteKey)}`);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'Hello, I have a long story');
  await expectMessageOnce(visitor, 'Hello, I have a long story');

  let found: ConversationList['conversations'][number] | undefined;
  await eventually(async () => {
    const list = await callAsConsole<ConversationList>(agent, stack.apiUrl, 'GET', '/v1/conversations?status=all');
    found = list.conversations[0];
    expect(found).toBeDefined();
  });
  const conversation = found;
  if (!conversation) throw new Error('the visitor started no conversation');
  conversationId = conversation.id;
  const started = Date.now();
  await withApiStopped(stack, (db) =>
    seedLongHistory(db, {
      id: conversationId,
      visitorId: conversation.visitor.id,
      agentId: me.user.id,
      lastSeq: LAST_SEQ,
    }),
  );
  console.info(`seeded ${LAST_SEQ} messages (api stopped and started) in ${Date.now() - started} ms`);
});

test('it opens at the newest message, with far fewer than 10,000 rows in the DOM', async () => {
  await agent.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await row(LAST_SEQ).waitFor();
  await eventually(async () => expect(await isInView(LAST_SEQ)).toBe(true));
  expect(await row(LAST_SEQ).textContent()).toContain(`Message ${LAST_SEQ}:`);
  const rows = await renderedRows();
  expect(rows).toBeGreaterThan(3);
  expect(rows).toBeLessThan(200);
  await saveLightAndDark(agent, 'console-long-history-newest');
});

test('scrolling up loads older pages on its own, and the rows in view stay where they were', async () => {
  const before = await firstHeldSeq();
  expect(before).toBeGreaterThan(LAST_SEQ - 200);
  // Up to the top of what is held: the next page joins above on its own. The oldest held row's place
  // is sampled every frame: where it was just before the page joined, and where it settled after.
  const samples = (await agent.evaluate(`(${SAMPLE_WHILE_A_PAGE_JOINS})(${before})`)) as Sample[];
  const beforeJoin = samples.filter((sample) => sample.firstSeq === before && sample.top !== null);
  const settled = samples.at(-1);
  expect(settled?.firstSeq).toBeLessThan(before);
  expect(beforeJoin.length).toBeGreaterThan(0);
  const shift = Math.abs((settled?.top ?? Number.NaN) - (beforeJoin.at(-1)?.top ?? Number.NaN));
  console.info(`row ${before} moved ${shift.toFixed(1)} px as the older page joined (${samples.length} frames)`);
  // A day divider appearing or going above it would move it by ~50 px.
  expect(shift).toBeLessThan(24);
  expect(await renderedRows()).toBeLessThan(200);

  // Further up: more pages join, still without piling rows into the DOM.
  const held = await firstHeldSeq();
  for (let step = 0; step < 40 && (await firstHeldSeq()) > held - 300; step++) {
    await timeline().evaluate((element) => element.scrollBy({ top: -2000 }));
    await agent.waitForTimeout(150);
  }
  expect(await firstHeldSeq()).toBeLessThanOrEqual(held - 300);
  expect(await renderedRows()).toBeLessThan(200);
  await saveScreenshot(agent, 'console-long-history-scrolled');
});

test('"Load earlier messages" is reachable from the keyboard and keeps the focus while it loads', async () => {
  await agent.getByTestId('composer').focus();
  for (let press = 0; press < 15; press++) {
    if ((await agent.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'load-older') break;
    await agent.keyboard.press('Shift+Tab');
  }
  const button = agent.getByTestId('load-older');
  expect(await agent.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('load-older');
  await saveScreenshot(agent, 'console-long-history-load-older-focus');
  await eventually(async () => expect(await button.getAttribute('aria-disabled')).toBe('false'), 30_000);
  const before = await firstHeldSeq();
  await agent.keyboard.press('Enter');
  await eventually(async () => expect(await firstHeldSeq()).toBeLessThan(before), 30_000);
  await eventually(async () => expect(await button.getAttribute('aria-disabled')).toBe('false'), 30_000);
  expect(await agent.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('load-older');
});

test(`?at=${FAR_BACK_SEQ} opens at that message, far back: in view, focused and highlighted`, async () => {
  await agent.goto('about:blank');
  await agent.emulateMedia({ reducedMotion: 'reduce' });
  const started = Date.now();
  await agent.goto(`${stack.apiUrl}/conversations/${conversationId}?at=${FAR_BACK_SEQ}`);
  const message = row(FAR_BACK_SEQ);
  await eventually(async () => expect(await message.getAttribute('data-highlighted')).toBe('true'), JUMP_TIMEOUT_MS);
  console.info(`opened at seq ${FAR_BACK_SEQ} of ${LAST_SEQ} in ${Date.now() - started} ms`);
  expect(await message.textContent()).toContain(`Message ${FAR_BACK_SEQ}:`);
  expect(await isInView(FAR_BACK_SEQ)).toBe(true);
  expect(await offsetFromMiddle(FAR_BACK_SEQ)).toBeLessThan(0.25);
  expect(await agent.evaluate(() => document.activeElement?.getAttribute('data-seq'))).toBe(String(FAR_BACK_SEQ));
  expect(await firstHeldSeq()).toBeLessThanOrEqual(FAR_BACK_SEQ);
  expect(await renderedRows()).toBeLessThan(200);
  expect(await agent.getByTestId('jump-notice').count()).toBe(0);
  await saveLightAndDark(agent, 'console-long-history-at-seq');
  await agent.emulateMedia({ reducedMotion: 'no-preference' });
  await eventually(async () => expect(await message.getAttribute('data-highlighted')).toBeNull(), 8000);

  // At the very start: seqs 1–3 are a day older than the rest, so two days are divided.
  await eventually(async () => {
    await timeline().evaluate((element) => element.scrollTo({ top: 0 }));
    expect(await firstHeldSeq()).toBe(1);
    expect(await agent.getByTestId('timeline-start').count()).toBe(1);
    expect(await agent.locator('.day-divider').count()).toBe(2);
  }, 30_000);
  await saveScreenshot(agent, 'console-long-history-start');
});

test('a visitor message arriving live shows at the bottom, the view stays pinned, and it is announced', async () => {
  await agent.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await row(LAST_SEQ).waitFor();
  await eventually(async () => expect(await isPinnedToBottom()).toBe(true));
  const text = 'One more thing: the bell rings on its own';
  await sendFromWidget(visitor, text);
  await expectMessageOnce(visitor, text);
  const live = agent.locator('.timeline [data-testid="message"]').filter({ hasText: text });
  await live.waitFor({ timeout: 30_000 });
  expect(await live.getAttribute('data-seq')).toBe(String(LAST_SEQ + 1));
  await eventually(async () => expect(await isInView(LAST_SEQ + 1)).toBe(true));
  await eventually(async () => expect(await isPinnedToBottom()).toBe(true));
  expect(await agent.getByTestId('timeline-announcer').textContent()).toBe(`Visitor: ${text}`);
  // The log itself does not read rows out as they mount on scroll.
  expect(await agent.getByRole('log', { name: 'Messages' }).getAttribute('aria-live')).toBe('off');
  await saveScreenshot(agent, 'console-long-history-live');
});

test('switching to a short conversation and back shows one timeline each time, pinned to its newest', async () => {
  const other = await VisitorSocket.connect(stack, await siteKeyOf());
  const hello = await other.send('A short question about tyres');
  await other.close();
  const link = (id: string) => agent.locator(`a[href^="/conversations/${id}"]`).first();
  await link(hello.conversationId).waitFor({ timeout: 30_000 });
  for (const [id, seq] of [
    [hello.conversationId, hello.seq],
    [conversationId, LAST_SEQ + 1],
    [hello.conversationId, hello.seq],
    [conversationId, LAST_SEQ + 1],
  ] as const) {
    await link(id).click();
    await agent.locator(`[data-conversation-id="${id}"] .timeline [data-seq="${seq}"]`).waitFor();
    // The previous conversation's timeline is gone, not left below the new one.
    expect(await agent.locator('.timeline').count()).toBe(1);
    await eventually(async () => expect(await isInView(seq)).toBe(true));
  }
  expect(await renderedRows()).toBeLessThan(200);
  expect(dialogs).toEqual([]);
});

async function siteKeyOf(): Promise<string> {
  const { inboxes } = await callAsConsole<InboxList>(agent, stack.apiUrl, 'GET', '/v1/inboxes');
  return inboxes[0]?.siteKey ?? '';
}
