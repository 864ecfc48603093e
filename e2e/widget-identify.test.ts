import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page, Request, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, ConversationSummary, InboxIdentity } from '../api/src/protocol/index.ts';
import type {} from '../widget/parley.d.ts';
import { AgentSocket, type ApiAgent, signUpAgentOverApi } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  eventually,
  expectMessageOnce,
  messageTexts,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import {
  ANN,
  BEN,
  expectSpaEvent,
  giveIdentitySecretToExampleSite,
  listenToMessagesInPage,
  signInOnSpa,
  signOutOnSpa,
  spaEvents,
  spaUrl,
  widgetStorage,
} from './support/spa-identify.ts';
import { type Stack, startStack } from './support/stack.ts';

// Identity verification through the host API, on the single-page app of examples/spa-identify: its
// backend computes HMAC-SHA256(inbox secret, user id); the page calls Parley('identify') on sign-in and
// Parley('reset') on sign-out. Real api, real browser; each "device" is its own browser context.
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;
let secret: string;
let siteKey: string;
const contexts: BrowserContext[] = [];

/** One device: a browser context that records the widget's session calls, sockets and console. */
interface Device {
  page: Page;
  sessionCalls: Request[];
  sockets: WebSocket[];
  console: string[];
}

let laptop: Device;
let phone: Device;
let annVisitorId: string;
let annConversationId: string;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await agentSocket?.close();
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

const WAIT_MS = 30_000;

async function newDevice(viewport = { width: 1280, height: 800 }): Promise<Device> {
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  contexts.push(context);
  const page = await context.newPage();
  const device: Device = { page, sessionCalls: [], sockets: [], console: [] };
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/widget/session')) device.sessionCalls.push(request);
  });
  page.on('websocket', (socket) => device.sockets.push(socket));
  page.on('console', (message) => device.console.push(message.text()));
  return device;
}

async function openApp(device: Device, path = '/app/') {
  await device.page.goto(spaUrl(stack.siteUrl, siteKey, path));
  await device.page.getByTestId('parley-bubble').waitFor();
}

function identityOfCall(request: Request): string | null {
  return (request.postDataJSON() as { identity?: { userId: string } }).identity?.userId ?? null;
}

async function conversations(): Promise<ConversationSummary[]> {
  return (await agent.call<ConversationList>('GET', '/v1/conversations?status=all')).conversations;
}

async function conversationStartingWith(body: string): Promise<ConversationSummary> {
  let found: ConversationSummary | undefined;
  await eventually(async () => {
    found = (await conversations()).find((c) => c.lastMessage?.body === body);
    expect(found, `a conversation whose last message is "${body}"`).toBeDefined();
  }, WAIT_MS);
  return found as ConversationSummary;
}

let replyCounter = 0;
async function replyAsAgent(conversationId: string, body: string) {
  await agentSocket.command('message.send', { clientId: `e2e-reply-${++replyCounter}`, conversationId, body });
}

/** The visitor's message was acked by the api (stored), not just shown. */
async function expectStored(page: Page, text: string) {
  await expectMessageOnce(page, text);
  await eventually(async () => {
    const message = page.getByTestId('parley-message').filter({ hasText: text });
    expect(await message.getAttribute('data-status')).toBe('sent');
  }, WAIT_MS);
}

async function expectSignInState(page: Page, reason: 'required' | 'invalid') {
  const notice = page.getByTestId('parley-signin');
  await notice.waitFor({ timeout: WAIT_MS });
  expect(await notice.getAttribute('data-reason')).toBe(reason);
  expect(await page.getByTestId('parley-composer').count()).toBe(0);
  expect(await page.getByTestId('parley-message').count()).toBe(0);
}

async function setRequireIdentity(requireIdentity: boolean) {
  await agent.call('PATCH', `/v1/inboxes/${agent.inbox.id}/identity`, { requireIdentity });
}

test('the owner signs up and gives the example backend the inbox identity secret', async () => {
  agent = await signUpAgentOverApi(browser, stack.apiUrl, {
    email: 'quinn@acme.test',
    name: 'Quinn',
    workspace: 'Acme Bikes',
  });
  siteKey = agent.inbox.siteKey;
  secret = (await agent.call<InboxIdentity>('GET', `/v1/inboxes/${agent.inbox.id}/identity`)).secret;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  await giveIdentitySecretToExampleSite(stack.siteUrl, secret);
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
});

test('(a) a signed-in user writes on one device and sees the same conversation on another', async () => {
  laptop = await newDevice();
  await openApp(laptop);
  await signInOnSpa(laptop.page, ANN);
  // Identified before the panel was ever opened: still no request and no socket.
  await laptop.page.waitForTimeout(500);
  expect(laptop.sessionCalls).toHaveLength(0);
  expect(laptop.sockets).toHaveLength(0);

  await openWidget(laptop.page);
  await sendFromWidget(laptop.page, 'Hello from my laptop');
  await expectStored(laptop.page, 'Hello from my laptop');
  expect(laptop.sessionCalls.map(identityOfCall)).toEqual([ANN.id]);
  const conversation = await conversationStartingWith('Hello from my laptop');
  expect(conversation.visitor).toMatchObject({ name: ANN.name, email: ANN.email });
  annVisitorId = conversation.visitor.id;
  annConversationId = conversation.id;
  // The page got the hash of its own user, never the secret.
  expect(await laptop.page.content()).not.toContain(secret);

  phone = await newDevice({ width: 390, height: 844 });
  await openApp(phone);
  await signInOnSpa(phone.page, ANN);
  await openWidget(phone.page);
  await expectMessageOnce(phone.page, 'Hello from my laptop');
  await sendFromWidget(phone.page, 'And this from my phone');
  await expectStored(phone.page, 'And this from my phone');
  await expectMessageOnce(laptop.page, 'And this from my phone');
  await replyAsAgent(annConversationId, 'Hi Ann! Both your devices see this.');
  await expectMessageOnce(phone.page, 'Both your devices see this.');
  await expectMessageOnce(laptop.page, 'Both your devices see this.');
  expect((await conversations()).filter((c) => c.visitor.id === annVisitorId)).toHaveLength(1);
  const tokens = [(await widgetStorage(laptop.page, siteKey)).token, (await widgetStorage(phone.page, siteKey)).token];
  expect(tokens[0]).toBeTruthy();
  expect(tokens[1]).toBeTruthy();
  expect(tokens[0]).not.toBe(tokens[1]);

  await waitForPanelSettled(laptop.page);
  await saveScreenshot(laptop.page, 'spa-identify-signed-in-chat');
  await waitForPanelSettled(phone.page);
  await saveScreenshot(phone.page, 'spa-identify-signed-in-chat-phone');
});

test('(a) identifying another user without reset switches the widget to that user', async () => {
  const { page } = phone;
  const annSocket = phone.sockets.at(-1) as WebSocket;
  const benHash = createHmac('sha256', secret).update(BEN.id).digest('hex');
  await page.evaluate(({ id, hash, name }) => window.Parley('identify', { id, hash, name }), {
    id: BEN.id,
    hash: benHash,
    name: BEN.name,
  });
  await page.getByTestId('parley-greeting').waitFor({ timeout: WAIT_MS });
  expect(await messageTexts(page)).toEqual([]);
  expect(identityOfCall(phone.sessionCalls.at(-1) as Request)).toBe(BEN.id);
  await eventually(() => expect(annSocket.isClosed()).toBe(true), WAIT_MS);
  await sendFromWidget(page, 'Ben borrowed this phone');
  await expectStored(page, 'Ben borrowed this phone');
  const bens = await conversationStartingWith('Ben borrowed this phone');
  expect(bens.visitor.id).not.toBe(annVisitorId);
  expect(bens.visitor.name).toBe(BEN.name);
  // Ann's conversation goes on on her laptop, and no longer reaches this phone.
  await replyAsAgent(annConversationId, 'Only for Ann.');
  await expectMessageOnce(laptop.page, 'Only for Ann.');
  await page.waitForTimeout(500);
  expect(await messageTexts(page)).toEqual([expect.stringContaining('Ben borrowed this phone')]);
});

test('(f) the page hears ready, open, close, message and unread, and off stops a handler', async () => {
  const { page } = laptop;
  const events = await spaEvents(page);
  expect(events[0]).toBe('ready');
  expect(events).toContain('open');
  expect(events).toContain('message Quinn: Hi Ann! Both your devices see this.');

  await page.getByTestId('parley-bubble').click();
  await expectSpaEvent(page, 'close');
  // A handler added by the page, then removed.
  const listener = await listenToMessagesInPage(page);
  await replyAsAgent(annConversationId, 'Your chain ships tomorrow.');
  await expectSpaEvent(page, 'message Quinn: Your chain ships tomorrow.');
  await expectSpaEvent(page, 'unread 1');
  expect(await page.getByTestId('help-unread').textContent()).toBe('1');
  expect(await page.getByTestId('parley-bubble').textContent()).toContain('1');

  await listener.off();
  await replyAsAgent(annConversationId, 'With tracking.');
  await expectSpaEvent(page, 'unread 2');
  expect(await listener.heard()).toEqual(['Your chain ships tomorrow.']);

  // Wrong calls throw readable errors.
  const errors = await page.evaluate(() =>
    [
      () => window.Parley('on', 'opened' as 'open', () => {}),
      () => window.Parley('identify', { id: 'u_1001' } as never),
      () => window.Parley('opn' as 'open'),
    ].map((call) => {
      try {
        call();
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    }),
  );
  expect(errors).toEqual([
    expect.stringContaining("Parley: unknown event 'opened'"),
    expect.stringContaining('Parley: identify needs { id, hash }'),
    "Parley: unknown command 'opn'",
  ]);

  await page.locator('.event-log summary').click();
  await saveScreenshot(page, 'spa-identify-unread-and-events');

  await page.getByTestId('help-button').click();
  await expectSpaEvent(page, 'unread 0');
  expect(await page.getByTestId('help-unread').isHidden()).toBe(true);
  await expectMessageOnce(page, 'With tracking.');
  const log = await spaEvents(page);
  expect(log.slice(log.lastIndexOf('close'))).toEqual([
    'close',
    'message Quinn: Your chain ships tomorrow.',
    'unread 1',
    'message Quinn: With tracking.',
    'unread 2',
    'open',
    'unread 0',
  ]);
});

test('(b) route changes keep the same widget element and the same socket', async () => {
  const { page } = laptop;
  expect(laptop.sockets).toHaveLength(1);
  const socket = laptop.sockets[0] as WebSocket;
  expect(socket.isClosed()).toBe(false);
  await page.evaluate(() => {
    Object.assign(window, { widgetOfTest: document.querySelector('parley-widget'), noReloadMark: true });
  });
  for (const nav of ['nav-home', 'nav-orders', 'nav-account', 'nav-home']) {
    await page.getByTestId(nav).click();
  }
  await page.goBack();
  await page.getByRole('heading', { name: 'Account' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/app/account');
  const same = await page.evaluate(() => {
    const marks = window as unknown as { widgetOfTest: Element; noReloadMark?: boolean };
    const widgets = document.querySelectorAll('parley-widget');
    return { count: widgets.length, isSame: widgets[0] === marks.widgetOfTest, noReload: marks.noReloadMark };
  });
  expect(same).toEqual({ count: 1, isSame: true, noReload: true });
  expect(laptop.sockets).toHaveLength(1);
  expect(socket.isClosed()).toBe(false);
  // The socket still delivers.
  await replyAsAgent(annConversationId, 'Still here after your clicks.');
  await expectMessageOnce(page, 'Still here after your clicks.');
  expect(laptop.sessionCalls).toHaveLength(1);
  await saveScreenshot(page, 'spa-identify-account-page');
});

test('(c) signing out resets the widget: no history, and the next chat is a new anonymous visitor', async () => {
  const { page } = laptop;
  const socket = laptop.sockets[0] as WebSocket;
  await signOutOnSpa(page);
  await eventually(() => expect(socket.isClosed()).toBe(true), WAIT_MS);
  expect(await widgetStorage(page, siteKey)).toEqual({});
  expect(await page.getByTestId('parley-panel').count()).toBe(0);

  await openWidget(page);
  expect(await messageTexts(page)).toEqual([]);
  await page.getByTestId('parley-greeting').waitFor();
  await sendFromWidget(page, 'Hello, I am nobody in particular');
  await expectStored(page, 'Hello, I am nobody in particular');
  const anonymous = await conversationStartingWith('Hello, I am nobody in particular');
  expect(anonymous.visitor.id).not.toBe(annVisitorId);
  expect(anonymous.visitor).toMatchObject({ name: null, email: null });
  expect(identityOfCall(laptop.sessionCalls.at(-1) as Request)).toBeNull();
  expect(laptop.sessionCalls.at(-1)?.headers().authorization).toBeUndefined();
  expect(laptop.sockets).toHaveLength(2);
  // Ann's conversation did not get the anonymous message.
  const annDetail = await agent.call<{ events: Array<{ type: string; data: { message?: { body: string } } }> }>(
    'GET',
    `/v1/conversations/${annConversationId}`,
  );
  const annBodies = annDetail.events.flatMap((event) => (event.data.message ? [event.data.message.body] : []));
  expect(annBodies).not.toContain('Hello, I am nobody in particular');
});

test('(d) with identity required, an anonymous visitor sees "sign in to chat"; a signed-in one can chat', async () => {
  await setRequireIdentity(true);
  try {
    const visitor = await newDevice();
    await openApp(visitor);
    expect(visitor.sessionCalls).toHaveLength(0);
    await visitor.page.getByTestId('parley-bubble').click();
    await expectSignInState(visitor.page, 'required');
    expect(await visitor.page.getByTestId('parley-signin').textContent()).toContain(
      'Chat is available after you sign in.',
    );
    expect(visitor.sockets).toHaveLength(0);
    expect(await widgetStorage(visitor.page, siteKey)).toEqual({});
    await waitForPanelSettled(visitor.page);
    await saveScreenshot(visitor.page, 'widget-sign-in-required');
    await expectNoSeriousA11yViolations(visitor.page, 'the app with the "sign in to chat" panel');

    // Signing in on the page (the panel stays open) turns the notice into the chat.
    await signInOnSpa(visitor.page, BEN);
    await visitor.page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
    expect(await visitor.page.getByTestId('parley-signin').count()).toBe(0);
    await sendFromWidget(visitor.page, 'Ben here, signed in');
    await expectStored(visitor.page, 'Ben here, signed in');
    const ben = await conversationStartingWith('Ben here, signed in');
    expect(ben.visitor).toMatchObject({ name: BEN.name, email: BEN.email });

    // The anonymous visitor of (c) reloads: their old token is refused too.
    await openApp(laptop);
    await laptop.page.getByTestId('parley-bubble').click();
    await expectSignInState(laptop.page, 'required');
    expect(await messageTexts(laptop.page)).toEqual([]);
  } finally {
    await setRequireIdentity(false);
  }
});

test('(e) a forged hash is refused: the sign-in state, no token kept, nothing stored, nothing secret logged', async () => {
  const before = await conversations();
  const forger = await newDevice();
  await openApp(forger);
  const forgedHash = 'deadbeef'.repeat(8);
  await forger.page.evaluate((hash) => window.Parley('identify', { id: 'u_1001', hash }), forgedHash);
  const refused = forger.page.waitForResponse((response) => response.url().endsWith('/v1/widget/session'));
  await forger.page.getByTestId('parley-bubble').click();
  const answer = await refused;
  expect(answer.status()).toBe(401);
  expect(((await answer.json()) as { code: string }).code).toBe('visitor/identity_invalid');
  await expectSignInState(forger.page, 'invalid');
  expect(await forger.page.getByTestId('parley-signin').textContent()).toContain('sign in again');
  await waitForPanelSettled(forger.page);
  await saveScreenshot(forger.page, 'widget-sign-in-invalid');

  // Opening again asks nothing more, keeps nothing, and Ann's conversation stayed hers.
  await forger.page.getByTestId('parley-bubble').click();
  await forger.page.getByTestId('parley-bubble').click();
  await forger.page.waitForTimeout(500);
  expect(forger.sessionCalls).toHaveLength(1);
  expect(forger.sockets).toHaveLength(0);
  expect(await widgetStorage(forger.page, siteKey)).toEqual({});
  expect(await conversations()).toEqual(before);
  expect(forger.console.join('\n')).not.toContain(forgedHash);
  expect(forger.console.join('\n')).not.toContain(secret);
});
