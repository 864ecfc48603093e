import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page, Request, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Appearance, ConversationList, ConversationSummary, InboxIdentity } from '../api/src/protocol/index.ts';
import type {} from '../widget/parley.d.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import { eventually, expectMessageOnce, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import {
  ANN,
  BEN,
  expectSpaEvent,
  giveIdentitySecretToExampleSite,
  listenToMessagesInPage,
  signInOnSpa,
  spaEvents,
  spaUrl,
  widgetStorage,
} from './support/spa-identify.ts';
import { panelOverflow } from './support/widget-layout.ts';
import { conversationEndingWith, expectMessageStatus } from './support/widget-states.ts';

// Issue 3 on a phone (390x844, touch), for what only desktop tests covered: the "online · typically
// replies in" line, the transcript after rating, a reply while the panel is closed (badge, chime, title),
// the owner's appearance, the host API events, and identity verification refusing the unsigned and the
// forged. One stack: real api, the example sites, real Chromium.
const WAIT_MS = 30_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' };
const SITE_TITLE = 'Acme Bikes — city bikes that last';
const NOTICE_TITLE = `(1) New message — ${SITE_TITLE}`;

let online: OnlineAgentStack;
let secret: string;
let defaultAppearance: Appearance;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'noa@parity.test', name: 'Noa', workspace: 'Acme' });
  defaultAppearance = online.agent.inbox.appearance;
  secret = (await online.agent.call<InboxIdentity>('GET', `/v1/inboxes/${online.agent.inbox.id}/identity`)).secret;
  await giveIdentitySecretToExampleSite(online.stack.siteUrl, secret);
}, 180_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await online?.stop();
});

/** One phone: a page that records the widget's session calls, sockets and console, and counts chime notes. */
interface Phone {
  page: Page;
  sessionCalls: Request[];
  sockets: WebSocket[];
  console: string[];
}

async function newPhone(): Promise<Phone> {
  const context = await online.browser.newContext(PHONE);
  contexts.push(context);
  // Each note of the chime is a Web Audio oscillator started.
  await context.addInitScript(() => {
    const counted = window as unknown as { parleyTestNotes: number };
    counted.parleyTestNotes = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      counted.parleyTestNotes++;
      return start.apply(this, args);
    };
  });
  const page = await context.newPage();
  const phone: Phone = { page, sessionCalls: [], sockets: [], console: [] };
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/widget/session')) phone.sessionCalls.push(request);
  });
  page.on('websocket', (socket) => phone.sockets.push(socket));
  page.on('console', (message) => phone.console.push(message.text()));
  return phone;
}

function chimeNotes(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { parleyTestNotes: number }).parleyTestNotes);
}

async function tapOpen(page: Page) {
  await page.getByTestId('parley-bubble').tap();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
}

/** The full-screen panel covers the bubble: its header's close button closes it. */
async function tapClose(page: Page) {
  await page.getByTestId('parley-panel').getByRole('button', { name: 'Close chat' }).tap();
  await page.getByTestId('parley-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
}

async function expectFullScreenPanel(page: Page) {
  expect(await page.getByTestId('parley-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  expect(await panelOverflow(page, 390)).toEqual([]);
}

async function expectBadge(page: Page, text: string | null) {
  await eventually(async () => {
    const badge = page.locator('[data-testid="parley-bubble"] .badge');
    if (text === null) expect(await badge.count()).toBe(0);
    else expect(((await badge.textContent()) ?? '').trim()).toBe(text);
  }, WAIT_MS);
}

let replyCounter = 0;
async function replyAsAgent(conversationId: string, body: string) {
  await online.agentSocket.command('message.send', { clientId: `parity-${++replyCounter}`, conversationId, body });
}

async function setAppearance(appearance: Appearance) {
  await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, { appearance });
}

async function conversations(): Promise<ConversationSummary[]> {
  return (await online.agent.call<ConversationList>('GET', '/v1/conversations?status=all')).conversations;
}

async function openSpa(phone: Phone) {
  await phone.page.goto(spaUrl(online.stack.siteUrl, online.agent.inbox.siteKey));
  await phone.page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
}

async function expectSignInState(page: Page, reason: 'required' | 'invalid') {
  const notice = page.getByTestId('parley-signin');
  await notice.waitFor({ timeout: WAIT_MS });
  expect(await notice.getAttribute('data-reason')).toBe(reason);
  expect(await page.getByTestId('parley-composer').count()).toBe(0);
  expect(await page.getByTestId('parley-message').count()).toBe(0);
}

let visitor: Phone;
let visitorConversationId = '';

test('with an agent online the phone header says so and how soon they usually reply', async () => {
  await setAppearance({ ...defaultAppearance, replyTime: 'hours' });
  visitor = await newPhone();
  await visitor.page.goto(online.exampleSiteUrl);
  await tapOpen(visitor.page);
  const line = visitor.page.getByTestId('parley-online');
  await line.waitFor({ timeout: WAIT_MS });
  expect(await line.textContent()).toBe('We’re online · Typically replies in a few hours');
  expect(await line.isVisible()).toBe(true);
  expect(await visitor.page.getByTestId('parley-away').count()).toBe(0);
  await expectFullScreenPanel(visitor.page);
  const connection = visitor.page.getByTestId('parley-connection');
  await eventually(async () => expect(await connection.getAttribute('data-state')).toBe('live'), WAIT_MS);
  await saveScreenshot(visitor.page, 'phone-parity-online');
});

test('a reply while the panel is closed: badge, chime and title notice; none while it is open', async () => {
  const { page } = visitor;
  await sendFromWidget(page, 'Do you have the city bike in red?');
  await expectMessageStatus(page, 'Do you have the city bike in red?', 'sent');
  visitorConversationId = await conversationEndingWith(online.agent, 'Do you have the city bike in red?');

  // Open: the reply shows, with no other sign.
  await replyAsAgent(visitorConversationId, 'Let me check the stock for you.');
  await expectMessageOnce(page, 'Let me check the stock for you.');
  await page.waitForTimeout(1800);
  expect(await page.title()).toBe(SITE_TITLE);
  expect(await chimeNotes(page)).toBe(0);

  await tapClose(page);
  await expectBadge(page, null);
  await replyAsAgent(visitorConversationId, 'Yes, we have it in red!');
  await expectBadge(page, '1');
  await eventually(async () => expect(await page.title()).toBe(NOTICE_TITLE), WAIT_MS);
  // The chime's code is fetched on the first reply that rings: its two notes come a moment later.
  await eventually(async () => {
    const activation = await page.evaluate(() => navigator.userActivation.hasBeenActive);
    expect({ notes: await chimeNotes(page), activation }).toEqual({ notes: 2, activation: true });
  }, WAIT_MS);
  // It alternates with the page's own title.
  await eventually(async () => expect(await page.title()).toBe(SITE_TITLE), 4000);
  await eventually(async () => expect(await page.title()).toBe(NOTICE_TITLE), 4000);
  expect(await page.getByTestId('parley-announcer').textContent()).toBe(
    'New message from Noa: Yes, we have it in red!',
  );
  expect(await page.getByTestId('parley-bubble').getAttribute('aria-label')).toBe('Open chat, 1 unread message');
  await saveScreenshot(page, 'phone-parity-unread');

  await tapOpen(page);
  expect(await page.title()).toBe(SITE_TITLE);
  await expectMessageOnce(page, 'Yes, we have it in red!');
  await page.waitForTimeout(1800);
  expect(await page.title()).toBe(SITE_TITLE);
  expect(await chimeNotes(page)).toBe(2);
  await tapClose(page);
  await expectBadge(page, null);
});

test('after rating on a phone the visitor downloads the transcript: both sides, names and times', async () => {
  const { page } = visitor;
  await tapOpen(page);
  await online.agentSocket.command('conversation.resolve', { conversationId: visitorConversationId });
  const card = page.getByTestId('parley-end-card');
  await card.waitFor({ timeout: WAIT_MS });
  await card.locator('label', { has: page.getByRole('radio', { name: '4 of 5: Good' }) }).tap();
  expect(await card.getByRole('radio', { name: '4 of 5: Good' }).isChecked()).toBe(true);
  await card.getByLabel('Anything to add? (optional)').fill('Quick answer, thanks');
  await card.getByRole('button', { name: 'Send' }).tap();
  await page.getByTestId('parley-rating-thanks').waitFor({ timeout: WAIT_MS });
  expect(await page.getByTestId('parley-rating-thanks').textContent()).toContain('You rated it 4 of 5.');
  await eventually(async () => {
    const rated = (await conversations()).find((c) => c.id === visitorConversationId);
    expect(rated?.rating).toBe(4);
  }, WAIT_MS);
  await card.getByRole('button', { name: 'Download transcript' }).scrollIntoViewIfNeeded();
  expect(await panelOverflow(page, 390)).toEqual([]);
  await saveScreenshot(page, 'phone-parity-rated');

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT_MS }),
    card.getByRole('button', { name: 'Download transcript' }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-transcript-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.txt$/);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text).toMatch(/\] You:\n {2}Do you have the city bike in red\?/);
  expect(text).toMatch(/\] Noa:\n {2}Let me check the stock for you\./);
  expect(text).toMatch(/\] Noa:\n {2}Yes, we have it in red!/);
  expect(text).toMatch(/\[\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\]/);
});

test('the appearance the owner sets (colour, left, launcher text, title, greeting) shows on a phone', async () => {
  await setAppearance({
    ...defaultAppearance,
    color: '#0f766e',
    position: 'left',
    launcherText: 'Ask us',
    title: 'Acme Workshop',
    greeting: 'Hi! Ask us about repairs and parts.',
  });
  try {
    const { page } = await newPhone();
    await page.goto(online.exampleSiteUrl);
    const bubble = page.getByTestId('parley-bubble');
    await bubble.waitFor({ timeout: WAIT_MS });
    expect(await bubble.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(await bubble.textContent()).toBe('Ask us');
    expect(await bubble.getAttribute('aria-label')).toBe('Ask us (Open chat)');
    // In the left corner, wholly on the screen.
    const box = await bubble.boundingBox();
    expect(box?.x).toBeGreaterThan(0);
    expect(box?.x).toBeLessThan(40);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThan(390 / 2);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    await saveScreenshot(page, 'phone-parity-appearance-closed');

    await tapOpen(page);
    const panel = page.getByTestId('parley-panel');
    expect(await panel.locator('h2.title').textContent()).toBe('Acme Workshop');
    expect(await panel.getAttribute('aria-label')).toBe('Acme Workshop');
    const greeting = await page.getByTestId('parley-greeting').textContent();
    expect(greeting).toContain('Acme Workshop');
    expect(greeting).toContain('Hi! Ask us about repairs and parts.');
    expect(await page.getByTestId('parley-send').evaluate((send) => getComputedStyle(send).backgroundColor)).toBe(
      'rgb(15, 118, 110)',
    );
    await expectFullScreenPanel(page);
    await saveScreenshot(page, 'phone-parity-appearance-open');
    await expectNoSeriousA11yViolations(page, 'the phone panel in the owner’s colour');
  } finally {
    await setAppearance(defaultAppearance);
  }
});

let spa: Phone;
let annConversationId = '';

test('on a phone the host page hears ready, open, close, message and unread, and off stops a handler', async () => {
  spa = await newPhone();
  const { page } = spa;
  await openSpa(spa);
  await signInOnSpa(page, ANN);
  await tapOpen(page);
  await sendFromWidget(page, 'Ann here, on my phone');
  await expectMessageStatus(page, 'Ann here, on my phone', 'sent', WAIT_MS);
  annConversationId = await conversationEndingWith(online.agent, 'Ann here, on my phone');
  await replyAsAgent(annConversationId, 'Hi Ann, welcome back.');
  await expectSpaEvent(page, 'message Noa: Hi Ann, welcome back.');
  const events = await spaEvents(page);
  expect(events[0]).toBe('ready');
  expect(events).toContain('open');

  await tapClose(page);
  await expectSpaEvent(page, 'close');
  const listener = await listenToMessagesInPage(page);
  await replyAsAgent(annConversationId, 'Your chain ships tomorrow.');
  await expectSpaEvent(page, 'unread 1');
  expect(await page.getByTestId('help-unread').textContent()).toBe('1');
  await expectBadge(page, '1');

  await listener.off();
  await replyAsAgent(annConversationId, 'With tracking.');
  await expectSpaEvent(page, 'unread 2');
  await expectBadge(page, '2');
  expect(await listener.heard()).toEqual(['Your chain ships tomorrow.']);
  await page.locator('.event-log summary').tap();
  await page.getByTestId('parley-events').scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'phone-parity-events');

  // The page's own Help button opens the chat (Parley('open')).
  await page.getByTestId('help-button').tap();
  await expectSpaEvent(page, 'unread 0');
  await expectMessageOnce(page, 'With tracking.');
  expect(await page.getByTestId('help-unread').isHidden()).toBe(true);
  const log = await spaEvents(page);
  expect(log.slice(log.lastIndexOf('close'))).toEqual([
    'close',
    'message Noa: Your chain ships tomorrow.',
    'unread 1',
    'message Noa: With tracking.',
    'unread 2',
    'open',
    'unread 0',
  ]);
});

test('(d) on a phone, with identity required, an anonymous visitor must sign in; then they can chat', async () => {
  await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}/identity`, { requireIdentity: true });
  try {
    const anonymous = await newPhone();
    const { page } = anonymous;
    await openSpa(anonymous);
    await page.getByTestId('parley-bubble').tap();
    await expectSignInState(page, 'required');
    expect(await page.getByTestId('parley-signin').textContent()).toContain('Chat is available after you sign in.');
    expect(anonymous.sockets).toHaveLength(0);
    expect(await widgetStorage(page, online.agent.inbox.siteKey)).toEqual({});
    await waitForPanelSettled(page);
    await expectFullScreenPanel(page);
    await saveScreenshot(page, 'phone-parity-sign-in-required');

    // The panel covers the app on a phone: close it, sign in, open again.
    await tapClose(page);
    await signInOnSpa(page, BEN);
    await tapOpen(page);
    expect(await page.getByTestId('parley-signin').count()).toBe(0);
    await sendFromWidget(page, 'Ben here, signed in on my phone');
    await expectMessageStatus(page, 'Ben here, signed in on my phone', 'sent', WAIT_MS);
    const id = await conversationEndingWith(online.agent, 'Ben here, signed in on my phone');
    expect((await conversations()).find((c) => c.id === id)?.visitor).toMatchObject({
      name: BEN.name,
      email: BEN.email,
    });

    // The anonymous visitor of the first tests reloads: their token is refused too.
    await visitor.page.reload();
    await visitor.page.getByTestId('parley-bubble').tap();
    await expectSignInState(visitor.page, 'required');
  } finally {
    await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}/identity`, { requireIdentity: false });
  }
});

test('(e) on a phone a forged hash is refused: the sign-in state, no token, nothing stored, nothing logged', async () => {
  const before = await conversations();
  const forger = await newPhone();
  const { page } = forger;
  await openSpa(forger);
  const forgedHash = 'deadbeef'.repeat(8);
  await page.evaluate(({ id, hash }) => window.Parley('identify', { id, hash }), { id: ANN.id, hash: forgedHash });
  const refused = page.waitForResponse((response) => response.url().endsWith('/v1/widget/session'));
  await page.getByTestId('parley-bubble').tap();
  const answer = await refused;
  expect(answer.status()).toBe(401);
  expect(((await answer.json()) as { code: string }).code).toBe('visitor/identity_invalid');
  await expectSignInState(page, 'invalid');
  expect(await page.getByTestId('parley-signin').textContent()).toContain('sign in again');
  await waitForPanelSettled(page);
  await expectFullScreenPanel(page);
  await saveScreenshot(page, 'phone-parity-sign-in-invalid');

  // Opening again asks nothing more and keeps nothing; Ann's conversation stayed hers.
  await tapClose(page);
  await page.getByTestId('parley-bubble').tap();
  await expectSignInState(page, 'invalid');
  await page.waitForTimeout(500);
  expect(forger.sessionCalls).toHaveLength(1);
  expect(forger.sockets).toHaveLength(0);
  expect(await widgetStorage(page, online.agent.inbox.siteKey)).toEqual({});
  expect(await conversations()).toEqual(before);
  expect(forger.console.join('\n')).not.toContain(forgedHash);
  expect(forger.console.join('\n')).not.toContain(secret);
});
