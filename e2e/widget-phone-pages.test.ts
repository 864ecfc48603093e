import type { Browser, BrowserContext, Page, Request, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, InboxIdentity } from '../api/src/protocol/index.ts';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, expectMessageOnce, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import {
  ANN,
  giveIdentitySecretToExampleSite,
  signInOnSpa,
  signOutOnSpa,
  spaUrl,
  widgetStorage,
} from './support/spa-identify.ts';
import { type Stack, startStack } from './support/stack.ts';
import { conversationEndingWith } from './support/widget-states.ts';

// The single-page-app and strict-CSP examples on a phone (390x844, touch): the same promises as on a
// desktop (widget-identify, widget-strict-csp), with fingers on a small screen.
const WAIT_MS = 30_000;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' };

let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;
let siteKey: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  agent = await signUpAgentOverApi(browser, stack.apiUrl, { email: 'pia@phone.test', name: 'Pia', workspace: 'Acme' });
  siteKey = agent.inbox.siteKey;
  const { secret } = await agent.call<InboxIdentity>('GET', `/v1/inboxes/${agent.inbox.id}/identity`);
  await giveIdentitySecretToExampleSite(stack.siteUrl, secret);
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
}, 180_000);

afterAll(async () => {
  await agentSocket?.close();
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.stop();
});

interface PhonePage {
  page: Page;
  sessionCalls: Request[];
  sockets: WebSocket[];
}

async function newPhonePage(): Promise<PhonePage> {
  const context = await browser.newContext(PHONE);
  contexts.push(context);
  const page = await context.newPage();
  const phone: PhonePage = { page, sessionCalls: [], sockets: [] };
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/widget/session')) phone.sessionCalls.push(request);
  });
  page.on('websocket', (socket) => phone.sockets.push(socket));
  return phone;
}

async function tapOpen(page: Page) {
  await page.getByTestId('parley-bubble').tap();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
}

/** On a phone the full-screen panel covers the bubble: its header's close button closes it. */
async function tapClose(page: Page) {
  await page.getByTestId('parley-panel').getByRole('button', { name: 'Close chat' }).tap();
  await page.getByTestId('parley-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
}

let spa: PhonePage;

test('on a phone, SPA route changes keep the same widget element and socket', async () => {
  spa = await newPhonePage();
  const { page } = spa;
  await page.goto(spaUrl(stack.siteUrl, siteKey));
  await page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
  await tapOpen(page);
  const panel = await page.getByTestId('parley-panel').boundingBox();
  expect(panel).toMatchObject({ x: 0, y: 0, width: 390 });
  await sendFromWidget(page, 'Hello from a phone on the SPA');
  await expectMessageOnce(page, 'Hello from a phone on the SPA');
  await tapClose(page);
  await eventually(() => expect(spa.sockets).toHaveLength(1), WAIT_MS);
  const socket = spa.sockets[0] as WebSocket;
  await page.evaluate(() => {
    Object.assign(window, { widgetOfTest: document.querySelector('parley-widget'), noReloadMark: true });
  });
  for (const nav of ['nav-orders', 'nav-account', 'nav-home']) await page.getByTestId(nav).tap();
  const same = await page.evaluate(() => {
    const marks = window as unknown as { widgetOfTest: Element; noReloadMark?: boolean };
    const widgets = document.querySelectorAll('parley-widget');
    return { count: widgets.length, isSame: widgets[0] === marks.widgetOfTest, noReload: marks.noReloadMark };
  });
  expect(same).toEqual({ count: 1, isSame: true, noReload: true });
  expect(spa.sockets).toHaveLength(1);
  expect(socket.isClosed()).toBe(false);
  const conversationId = await conversationEndingWith(agent, 'Hello from a phone on the SPA');
  await agentSocket.command('message.send', { clientId: 'phone-spa-1', conversationId, body: 'Hi, phone visitor.' });
  await tapOpen(page);
  await expectMessageOnce(page, 'Hi, phone visitor.');
  await saveScreenshot(page, 'phone-pages-spa-after-routes');
  await tapClose(page);
});

test('on a phone, signing in identifies the visitor and signing out resets the widget', async () => {
  const { page } = spa;
  await signInOnSpa(page, ANN);
  await saveScreenshot(page, 'phone-pages-spa-signed-in');
  await tapOpen(page);
  await sendFromWidget(page, 'Ann on her phone');
  await expectMessageOnce(page, 'Ann on her phone');
  const lastSession = spa.sessionCalls.at(-1)?.postDataJSON() as { identity?: { userId: string } } | undefined;
  expect(lastSession?.identity?.userId).toBe(ANN.id);
  await eventually(async () => {
    const { conversations } = await agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    const ann = conversations.find((c) => c.lastMessage?.body === 'Ann on her phone');
    expect(ann?.visitor.email).toBe(ANN.email);
  }, WAIT_MS);
  await saveScreenshot(page, 'phone-pages-spa-identified');
  await tapClose(page);

  await signOutOnSpa(page);
  await eventually(async () => expect(await widgetStorage(page, siteKey)).toEqual({}), WAIT_MS);
  await tapOpen(page);
  expect(await page.getByTestId('parley-message').count()).toBe(0);
  await saveScreenshot(page, 'phone-pages-spa-after-reset');
});

for (const variant of ['strict-dynamic', 'allowlist'] as const) {
  test(`on a phone, the ${variant} strict-CSP page opens and chats with nothing blocked`, async () => {
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolationsOfTest: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(`${stack.siteUrl}/csp/${variant}?siteKey=${siteKey}`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    await page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
    await saveScreenshot(page, `phone-pages-csp-${variant}-closed`);
    await tapOpen(page);
    const text = `Phone under ${variant}`;
    await sendFromWidget(page, text);
    await expectMessageOnce(page, text);
    const conversationId = await conversationEndingWith(agent, text);
    await agentSocket.command('message.send', { clientId: `phone-csp-${variant}`, conversationId, body: 'Got it.' });
    await expectMessageOnce(page, 'Got it.');
    await saveScreenshot(page, `phone-pages-csp-${variant}`);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolationsOfTest: string[] }).cspViolationsOfTest),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
}
