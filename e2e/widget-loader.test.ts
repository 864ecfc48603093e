import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { waitForAnimations } from './support/animations.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, expectMessageOnce, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';
import { widgetLooks } from './support/widget-layout.ts';
import { watchWidgetNetwork } from './support/widget-network.ts';

// Issue 3's page view: widget.js alone draws the launcher; the chat (widget-chat.<hash>.js) loads on
// the visitor's first interaction, or at once for a visitor with a conversation going. Real api,
// real example site, real browser.
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;
let visitor: BrowserContext;
let conversationId = '';
const WAIT_MS = 30_000;
/** The chat file's URL or path (a retry after a failed load asks with ?retry=N). */
// The chat itself, widget-chat.<hash>.js: not its language or on-demand chunks (widget-chat.<name>-<hash>.js).
const CHAT_FILE = /\/widget-chat\.[\w-]{8}\.js(\?|$)/;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  agent = await signUpAgentOverApi(browser, stack.apiUrl, { email: 'lea@acme.test', name: 'Lea', workspace: 'Acme' });
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
});

afterAll(async () => {
  await agentSocket?.close();
  await browser?.close();
  await stack?.stop();
});

function exampleSite(): string {
  return `${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`;
}

async function openWatched(context: BrowserContext) {
  const page = await context.newPage();
  const network = watchWidgetNetwork(page, stack);
  await page.goto(exampleSite());
  await page.getByTestId('parley-bubble').waitFor();
  return { page, network };
}

/** The element inside the widget's shadow root that has the focus: its test id. */
function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.querySelector('parley-widget')?.shadowRoot?.activeElement?.getAttribute('data-testid') ?? null,
  );
}

async function replyAsAgent(body: string) {
  await agentSocket.command('message.send', { clientId: `loader-${Date.now()}`, conversationId, body });
}

test('a page view fetches widget.js and the settings only: no chat, no socket, no font, no frame', async () => {
  visitor = await browser.newContext();
  const { page, network } = await openWatched(visitor);
  // Time for anything lazy to start by itself (it must not).
  await page.waitForTimeout(1500);
  expect(network.apiPaths()).toEqual(['/widget.js', `/v1/widget/inboxes/${agent.inbox.siteKey}/config`]);
  expect(network.sockets).toEqual([]);
  expect(network.foreignMedia).toEqual([]);
  expect(network.frameCount()).toBe(0);

  // The host API is all there before the chat: events, readable errors.
  const answers = await page.evaluate(() => {
    const seen: string[] = [];
    window.Parley('on', 'ready', () => seen.push('ready'));
    let error = '';
    try {
      window.Parley('opn' as 'open');
    } catch (thrown) {
      error = (thrown as Error).message;
    }
    return { seen, error };
  });
  expect(answers).toEqual({ seen: ['ready'], error: "Parley: unknown command 'opn'" });
  const bubble = page.getByTestId('parley-bubble');
  expect(await bubble.getAttribute('aria-label')).toBe('Open chat');
  expect(await bubble.getAttribute('aria-expanded')).toBe('false');
  await saveScreenshot(page, 'widget-loader-page-view');
  await expectNoSeriousA11yViolations(page, 'the example site with the launcher only');
  expect(network.apiPaths().some((path) => CHAT_FILE.test(path))).toBe(false);
  await page.close();
});

test('the keyboard opens the chat: the chunk loads, the composer gets the focus, and chat works', async () => {
  const { page, network } = await openWatched(visitor);
  // Past the site's own links: the bubble is the last stop on the page.
  for (let stop = 0; stop < 10 && (await focusedTestId(page)) !== 'parley-bubble'; stop++) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedTestId(page)).toBe('parley-bubble');
  await page.keyboard.press('Enter');
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await eventually(async () => expect(await focusedTestId(page)).toBe('parley-composer'));
  expect(network.apiPaths().filter((path) => CHAT_FILE.test(path))).toHaveLength(1);

  await page.keyboard.type('Hello from the loader test');
  await page.keyboard.press('Enter');
  await expectMessageOnce(page, 'Hello from the loader test');
  await eventually(async () => {
    const { conversations } = await agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    conversationId = conversations.find((c) => c.lastMessage?.body === 'Hello from the loader test')?.id ?? '';
    expect(conversationId).not.toBe('');
  }, WAIT_MS);
  await replyAsAgent('Hi! How can I help?');
  await expectMessageOnce(page, 'Hi! How can I help?');
  expect(network.sockets).toHaveLength(1);

  // Escape closes the panel and gives the focus back to the launcher.
  await page.keyboard.press('Escape');
  await eventually(async () => expect(await page.getByTestId('parley-panel').count()).toBe(0));
  expect(await focusedTestId(page)).toBe('parley-bubble');
  await page.close();
});

test('a returning visitor with an open conversation gets replies and the unread badge without clicking', async () => {
  const { page, network } = await openWatched(visitor);
  await eventually(() => expect(network.sockets).toHaveLength(1), WAIT_MS);
  expect(network.apiPaths().filter((path) => CHAT_FILE.test(path))).toHaveLength(1);
  // Let the socket say hello and hear session.ready before the reply goes out.
  await page.waitForTimeout(500);
  await replyAsAgent('Your order shipped today.');
  const bubble = page.getByTestId('parley-bubble');
  await eventually(async () => expect(await bubble.textContent()).toContain('1'), WAIT_MS);
  expect(await page.getByTestId('parley-panel').count()).toBe(0);
  expect(await bubble.getAttribute('aria-label')).toBe('Open chat, 1 unread message');
  expect(await page.getByTestId('parley-announcer').textContent()).toContain('Your order shipped today.');
  await saveScreenshot(page, 'widget-loader-returning-unread');

  await bubble.click();
  await expectMessageOnce(page, 'Your order shipped today.');
  expect(await bubble.getAttribute('aria-expanded')).toBe('true');
  await page.close();

  // Once the conversation is resolved, the next page view (still loading the chat: it last knew of an
  // open conversation) learns it from its session call, and the one after is back to widget.js alone.
  await agentSocket.command('conversation.resolve', { conversationId });
  const resolved = await openWatched(visitor);
  const resumeFlag = () =>
    resolved.page.evaluate((key) => localStorage.getItem(`parley:${key}:resume`), agent.inbox.siteKey);
  await eventually(async () => expect(await resumeFlag()).toBe('0'), WAIT_MS);
  expect(resolved.network.apiPaths().filter((path) => CHAT_FILE.test(path))).toHaveLength(1);
  await resolved.page.close();
  const after = await openWatched(visitor);
  await after.page.waitForTimeout(1000);
  expect(after.network.apiPaths()).toEqual(['/widget.js', `/v1/widget/inboxes/${agent.inbox.siteKey}/config`]);
  expect(after.network.sockets).toEqual([]);
  await after.page.close();
});

test('calls made while the chat is loading run on it, in order, once it arrives', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sessionBodies: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/v1/widget/session')) sessionBodies.push(request.postDataJSON());
  });
  let releaseChat: () => void = () => {};
  const held = new Promise<void>((resolve) => (releaseChat = resolve));
  await page.route(CHAT_FILE, async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(exampleSite());
  await page.getByTestId('parley-bubble').waitFor();
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    for (const event of ['open', 'close'] as const) window.Parley('on', event, () => seen.push(event));
    window.Parley('setAttributes', { first: 'yes' });
    window.Parley('open');
    window.Parley('reset');
    window.Parley('setAttributes', { plan: 'team' });
    window.Parley('close');
    window.Parley('toggle');
  });
  await page.waitForTimeout(300);
  expect(await page.getByTestId('parley-panel').count()).toBe(0);
  expect(sessionBodies).toEqual([]);

  releaseChat();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  // open, then reset closed it, close did nothing, toggle opened it again.
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual(['open', 'close', 'open']);
  await sendFromWidget(page, 'Sent after the chat arrived');
  await expectMessageOnce(page, 'Sent after the chat arrived');
  // What a loaded chat would have asked: open's session call, which reset made void, then toggle's.
  const siteKey = agent.inbox.siteKey;
  // Each body also says which page the visitor is on (page, timeZone), for the console's sidebar.
  expect(sessionBodies).toEqual([
    expect.objectContaining({ siteKey, attributes: { first: 'yes' } }),
    expect.objectContaining({ siteKey, attributes: { plan: 'team' } }),
  ]);
  await context.close();
});

test('a click while the chat loads shows the bubble busy; a failed load is logged and the next click loads it', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  let failChat: () => void = () => {};
  const held = new Promise<void>((resolve) => (failChat = resolve));
  let attempts = 0;
  await page.route(CHAT_FILE, async (route: Route) => {
    attempts++;
    if (attempts > 1) return route.continue();
    await held;
    return route.abort('connectionreset');
  });
  await page.goto(exampleSite());
  const bubble = page.getByTestId('parley-bubble');
  await bubble.click();
  await eventually(async () => expect(await bubble.getAttribute('aria-busy')).toBe('true'));
  await page.waitForTimeout(400);
  await saveScreenshot(page, 'widget-loader-loading');

  failChat();
  await eventually(async () => expect(await bubble.getAttribute('aria-busy')).toBeNull());
  expect(await page.getByTestId('parley-panel').count()).toBe(0);
  expect(errors.some((text) => text.includes('Parley: could not load the chat'))).toBe(true);

  await bubble.click();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await eventually(async () => expect(await focusedTestId(page)).toBe('parley-composer'));
  expect(attempts).toBe(2);
  await context.close();
});

test('with prefetch the chat loads when the page is idle, still without a socket or a session', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The owner's init with { prefetch: true }: a stub of the snippet's queue, before the snippet, adds it.
  await page.addInitScript(() => {
    const queue: unknown[][] = [];
    const stub = (...args: unknown[]) => {
      queue.push(args[0] === 'init' ? ['init', { ...(args[1] as object), prefetch: true }] : args);
    };
    window.Parley = Object.assign(stub, { q: queue }) as unknown as typeof window.Parley;
  });
  const network = watchWidgetNetwork(page, stack);
  await page.goto(exampleSite());
  await page.getByTestId('parley-bubble').waitFor();
  await eventually(() => expect(network.apiPaths().filter((path) => CHAT_FILE.test(path))).toHaveLength(1), WAIT_MS);
  await page.waitForTimeout(500);
  expect(network.sockets).toEqual([]);
  expect(network.apiPaths().filter((path) => path === '/v1/widget/session')).toEqual([]);
  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  expect(network.apiPaths().filter((path) => CHAT_FILE.test(path))).toHaveLength(1);
  await context.close();
});

test("the host page's aggressive CSS does not reach the launcher or the panel", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(exampleSite());
  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
  // As on a phone: read the looks once the socket is live and the launcher's hover scale has settled.
  await eventually(async () =>
    expect(await page.getByTestId('parley-connection').getAttribute('data-state')).toBe('live'),
  );
  await waitForAnimations(page);
  const looks = () =>
    widgetLooks(page, {
      launcher: '[data-testid=parley-bubble]',
      panel: '[data-testid=parley-panel]',
      header: '.header',
      composer: '[data-testid=parley-composer]',
      send: '[data-testid=parley-send]',
    });
  const before = await looks();
  await page.addStyleTag({
    content: `
      * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 3px !important;
          text-transform: uppercase !important; line-height: 3 !important; box-sizing: content-box !important; }
      parley-widget, div, section, button, textarea { display: block !important; position: static !important;
          padding: 40px !important; margin: 40px !important; border: 6px dashed red !important;
          background: yellow !important; transform: rotate(8deg) !important; filter: blur(1px) !important; }
      button:hover, button:focus { outline: 10px solid lime !important; }
    `,
  });
  expect(await looks()).toEqual(before);
  await saveScreenshot(page, 'widget-loader-hostile-css');
  await context.close();
});
