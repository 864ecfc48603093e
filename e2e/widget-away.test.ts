import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BusinessHours, ConversationList, WidgetAvailability } from '../api/src/protocol/index.ts';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  eventually,
  expectMessageOnce,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// Outside business hours (and with nobody online) the widget says when the team is back, in the
// visitor's own clock, and takes an email for the reply. Real api, real browser.
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket | undefined;
let nextOpenAt = '';
const INBOX_ZONE = 'Europe/Berlin';
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
// Generous waits: the machine may be busy (the browser, the api and the database share it).
const WAIT_MS = 30_000;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await agentSocket?.close();
  await browser?.close();
  await stack?.stop();
});

/** Open 09:00–17:00 (inbox time) only on the day after tomorrow: closed now, whatever the time. */
function hoursOpenInTwoDays(): BusinessHours {
  const today = new Intl.DateTimeFormat('en-US', { timeZone: INBOX_ZONE, weekday: 'short' }).format(new Date());
  const todayIndex = (WEEKDAY_KEYS as readonly string[]).indexOf(today.slice(0, 3).toLowerCase());
  const openDay = WEEKDAY_KEYS[(todayIndex + 2) % 7] as (typeof WEEKDAY_KEYS)[number];
  const weekly = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, []])) as unknown as BusinessHours['weekly'];
  weekly[openDay] = [{ start: '09:00', end: '17:00' }];
  return { timezone: INBOX_ZONE, weekly, exceptions: [] };
}

async function availability(): Promise<WidgetAvailability> {
  const response = await fetch(`${stack.apiUrl}/v1/widget/inboxes/${agent.inbox.siteKey}/availability`);
  expect(response.status).toBe(200);
  return (await response.json()) as WidgetAvailability;
}

async function openVisitorPage(options: BrowserContextOptions): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await page.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
  await page.getByTestId('parley-bubble').waitFor();
  return { page, requests };
}

async function awayText(page: Page): Promise<string> {
  const text = page.getByTestId('parley-away-text');
  await text.waitFor({ timeout: WAIT_MS });
  return (await text.textContent()) ?? '';
}

async function waitForAvailability(page: Page, expected: 'open' | 'away') {
  await eventually(
    async () => expect(await page.getByTestId('parley-panel').getAttribute('data-availability')).toBe(expected),
    WAIT_MS,
  );
}

test('the inbox is closed until the day after tomorrow', async () => {
  agent = await signUpAgentOverApi(browser, stack.apiUrl, {
    email: 'ada@acme.test',
    name: 'Ada',
    workspace: 'Acme Bikes',
  });
  await agent.call('PATCH', `/v1/inboxes/${agent.inbox.id}`, { routing: { businessHours: hoursOpenInTwoDays() } });
  const now = await availability();
  expect(now).toMatchObject({ isWithinHours: false, isAgentOnline: false, timezone: INBOX_ZONE });
  nextOpenAt = now.nextOpenAt ?? '';
  expect(nextOpenAt).not.toBe('');
});

test('the widget says when the team is back, takes an email, and the visitor can still write', async () => {
  const { page, requests } = await openVisitorPage({ timezoneId: INBOX_ZONE, viewport: { width: 1280, height: 800 } });
  // A page view alone never asks for availability: only opening the panel does.
  await page.waitForLoadState('networkidle');
  expect(requests.filter((r) => r.includes('/availability'))).toEqual([]);

  await openWidget(page);
  await waitForAvailability(page, 'away');
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: INBOX_ZONE, weekday: 'long' }).format(
    new Date(nextOpenAt),
  );
  expect(await awayText(page)).toBe(`We’re away right now. We’ll be back ${weekday} at 09:00.`);
  expect(requests.filter((r) => r.includes('/availability'))).toHaveLength(1);

  const email = page.getByLabel('Your email, for our reply');
  expect(await email.getAttribute('type')).toBe('email');
  const fontSize = await email.evaluate((input) => Number.parseFloat(getComputedStyle(input).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(16);
  await waitForPanelSettled(page);
  await saveScreenshot(page, 'widget-away');

  // A mistyped address is caught before anything is sent.
  await email.fill('sam.example.com');
  await page.getByTestId('parley-email-save').click();
  await expect(page.getByTestId('parley-contact-error').textContent()).resolves.toBe(
    'Enter an email address like name@example.com.',
  );
  expect(await email.getAttribute('aria-invalid')).toBe('true');
  expect(requests.filter((r) => r.includes('/visitor/contact'))).toEqual([]);
  await saveScreenshot(page, 'widget-away-invalid-email');

  // From the keyboard: Enter submits; the thanks takes the focus the vanished form had.
  await email.fill('sam@example.com');
  await email.press('Enter');
  const saved = page.getByTestId('parley-contact-saved');
  await saved.waitFor({ timeout: WAIT_MS });
  expect(await saved.textContent()).toBe('Thanks — we’ll email you at sam@example.com');
  // The thanks takes the focus in an effect, after the frame that drew it.
  await eventually(async () =>
    expect(await saved.evaluate((element) => (element.getRootNode() as ShadowRoot).activeElement === element)).toBe(
      true,
    ),
  );
  expect(requests.filter((r) => r.includes('/visitor/contact'))).toContain('POST /v1/widget/visitor/contact');

  // Messages still go through while away: they wait in the queue for the morning.
  await sendFromWidget(page, 'Do you have a 58 cm frame in stock?');
  await expectMessageOnce(page, 'Do you have a 58 cm frame in stock?');
  await eventually(
    async () => expect(await page.getByTestId('parley-message').getAttribute('data-status')).toBe('sent'),
    WAIT_MS,
  );
  await eventually(
    async () => expect(await page.getByTestId('parley-queue').textContent()).toBe('You’re number 1 in line'),
    WAIT_MS,
  );
  await saveScreenshot(page, 'widget-away-email-saved');

  // The api stored the email on the visitor: the agent sees it on the conversation.
  await eventually(async () => {
    const { conversations } = await agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    const conversation = conversations.find((c) => c.lastMessage?.body === 'Do you have a 58 cm frame in stock?');
    expect(conversation?.visitor.email).toBe('sam@example.com');
  }, WAIT_MS);
});

test('on a phone the notice fits the screen and the time is in the visitor’s own time zone', async () => {
  const { page } = await openVisitorPage({
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await page.getByTestId('parley-bubble').tap();
  await page.getByTestId('parley-composer').waitFor();
  await waitForAvailability(page, 'away');
  const tokyoTime = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(nextOpenAt));
  // 09:00 in Berlin is 16:00 or 17:00 in Tokyo; the day word depends on when the test runs.
  expect(await awayText(page)).toMatch(new RegExp(`^We’re away right now\\. We’ll be back .*at ${tokyoTime}\\.$`));

  await waitForPanelSettled(page);
  const panel = await page.getByTestId('parley-panel').boundingBox();
  expect(panel).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  const notice = page.getByTestId('parley-away');
  expect(await notice.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  const save = await page.getByTestId('parley-email-save').boundingBox();
  expect((save?.x ?? 0) + (save?.width ?? 0)).toBeLessThanOrEqual(390);
  await saveScreenshot(page, 'widget-away-phone');
});

test('within hours but with nobody online the widget asks for an email; with an agent online it does not', async () => {
  await agent.call('PATCH', `/v1/inboxes/${agent.inbox.id}`, { routing: { businessHours: null } });
  const nobody = (await openVisitorPage({})).page;
  await openWidget(nobody);
  expect(await awayText(nobody)).toBe('We’re away right now. Leave your email and we’ll reply there.');
  await waitForPanelSettled(nobody);
  await saveScreenshot(nobody, 'widget-away-nobody-online');

  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
  expect(await availability()).toMatchObject({ isWithinHours: true, isAgentOnline: true });
  const someone = (await openVisitorPage({})).page;
  await openWidget(someone);
  await waitForAvailability(someone, 'open').catch(async (error: Error) => {
    // Say what the api answers now, to tell a stale answer from a wrong one.
    throw new Error(`${error.message}; the api now answers ${JSON.stringify(await availability())}`);
  });
  expect(await someone.getByTestId('parley-away').count()).toBe(0);
});
