import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, openWidget, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// The widget in the visitor's language: the browser's (Arabic, right to left) or the host page's
// init({ locale }) (Russian, with its plural forms). Real api, real browser, real queue: the only agent
// (capacity 1) is busy and two visitors wait, so the browsers' visitors see their place in line.
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;
const visitorSockets: VisitorSocket[] = [];
// Generous waits: the machine may be busy (the browser, the api and the database share it).
const WAIT_MS = 30_000;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const visitor of visitorSockets) await visitor.close();
  await agentSocket?.close();
  await browser?.close();
  await stack?.stop();
});

/** The example page, with `locale` added to its init call, and what its console said. */
async function openExamplePage(
  contextOptions: BrowserContextOptions,
  initLocale?: string,
): Promise<{ page: Page; consoleLines: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  if (initLocale) {
    // The snippet's own stub, defined first, adds the locale to its init call: Parley('init', { siteKey, locale }).
    // (Rewriting the page's HTML instead would make Chromium treat it as a public page fetching from loopback.)
    await page.addInitScript((locale) => {
      const queue: unknown[][] = [];
      const stub = (...args: unknown[]) => {
        queue.push(args[0] === 'init' ? ['init', { ...(args[1] as object), locale }] : args);
      };
      window.Parley = Object.assign(stub, { q: queue }) as unknown as typeof window.Parley;
    }, initLocale);
  }
  await page.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
  await page.getByTestId('parley-bubble').waitFor();
  return { page, consoleLines };
}

/** lang and dir of what the shadow root draws (launcher and panel share one root). */
function widgetLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.getByTestId('parley-bubble').evaluate((bubble) => {
    const root = bubble.closest('[lang]') as HTMLElement;
    return { lang: root.lang, dir: root.dir };
  });
}

async function expectQueueLine(page: Page, position: number, text: RegExp) {
  await eventually(async () => {
    const line = page.getByTestId('parley-queue');
    expect(await line.getAttribute('data-position')).toBe(String(position));
    expect(await line.textContent()).toMatch(text);
  }, WAIT_MS);
}

function box(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .boundingBox()
    .then((found) => found ?? { x: Number.NaN, y: Number.NaN, width: Number.NaN, height: Number.NaN });
}

test('the only agent is busy with one visitor, two more wait', async () => {
  agent = await signUpAgentOverApi(browser, stack.apiUrl, {
    email: 'lina@acme.test',
    name: 'Lina',
    workspace: 'Acme Bikes',
  });
  await agent.call('PATCH', `/v1/members/${agent.me.user.id}`, { capacity: 1 });
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
  for (const words of ['Answered first', 'Waiting first', 'Waiting second']) {
    const visitor = await VisitorSocket.connect(stack, agent.inbox.siteKey);
    visitorSockets.push(visitor);
    await visitor.send(words);
  }
});

test('init({ locale: "ru" }) speaks Russian in an English browser, with the right plural forms', async () => {
  const { page, consoleLines } = await openExamplePage({ locale: 'en-US' }, 'ru');
  expect(await widgetLanguage(page)).toEqual({ lang: 'ru', dir: 'ltr' });
  expect(await page.getByTestId('parley-bubble').getAttribute('aria-label')).toBe('Открыть чат');
  expect(consoleLines.filter((line) => line.includes('Parley'))).toEqual([]);

  await openWidget(page);
  expect(await page.getByTestId('parley-composer').getAttribute('placeholder')).toBe('Напишите сообщение…');
  expect(await page.getByTestId('parley-send').getAttribute('aria-label')).toBe('Отправить сообщение');
  await sendFromWidget(page, 'Здравствуйте! Где мой заказ?');
  // Two visitors wait ahead: "2 человека" (few), not "2 человек".
  await expectQueueLine(page, 3, /^Перед вами 2 человека( · .+)?$/);
  await waitForPanelSettled(page);
  await saveScreenshot(page, 'widget-i18n-ru');
});

test('an Arabic browser gets the widget in Arabic, mirrored right to left, the bubble still where the owner put it', async () => {
  const { page } = await openExamplePage({ locale: 'ar' });
  expect(await widgetLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  expect(await page.getByTestId('parley-bubble').getAttribute('aria-label')).toBe('فتح المحادثة');
  const bubble = await box(page, 'parley-bubble');
  expect(1280 - (bubble.x + bubble.width)).toBeLessThan(40);

  await openWidget(page);
  expect(await page.getByTestId('parley-composer').getAttribute('placeholder')).toBe('اكتب رسالة…');
  await sendFromWidget(page, 'مرحبًا، أين طلبي؟');
  await expectQueueLine(page, 4, /^ترتيبك في قائمة الانتظار: 4( · .+)?$/);

  // The panel stays above the bubble on the right; inside it, everything starts from the right.
  const panel = await box(page, 'parley-panel');
  expect(1280 - (panel.x + panel.width)).toBeLessThan(40);
  const composer = await box(page, 'parley-composer');
  const send = await box(page, 'parley-send');
  expect(send.x + send.width, 'the send button is at the left end of the composer').toBeLessThanOrEqual(composer.x);
  const message = await box(page, 'parley-message');
  expect(message.x - panel.x, 'the visitor’s own message sits at the left').toBeLessThan(panel.width / 2);
  const closeButton = page.getByTestId('parley-panel').getByRole('button', { name: 'إغلاق المحادثة' });
  const close = (await closeButton.boundingBox()) ?? { x: Number.NaN };
  expect(close.x - panel.x, 'the close button is at the left of the header').toBeLessThan(panel.width / 2);

  await waitForPanelSettled(page);
  await saveScreenshot(page, 'widget-i18n-ar');
  await expectNoSeriousA11yViolations(page, 'the Arabic widget, right to left');
});

test('a locale the widget does not speak falls back to the browser’s language, with a warning', async () => {
  const { page, consoleLines } = await openExamplePage({ locale: 'de-AT' }, 'zh-CN');
  expect(await widgetLanguage(page)).toEqual({ lang: 'de-AT', dir: 'ltr' });
  expect(await page.getByTestId('parley-bubble').getAttribute('aria-label')).toBe('Chat öffnen');
  expect(consoleLines.join('\n')).toContain("warning: Parley: no 'zh-CN' translation");
});
