import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { focusedWidgetTestId, type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import {
  eventually,
  expectMessageOnce,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';

// Issue 3 on phones (a full-screen panel that follows the visual viewport) and replies that arrive
// while the panel is closed (the host tab's title, a chime, the badge, the live region, the mute
// toggle). Real api, the example site, real Chromium.
let online: OnlineAgentStack;
let desktop: BrowserContext;
let page: Page;
let conversationId = '';
let replyCounter = 0;
const WAIT_MS = 30_000;
const SITE_TITLE = 'Acme Bikes — city bikes that last';
const NOTICE_TITLE = `(1) New message — ${SITE_TITLE}`;

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'noa@acme.test', name: 'Noa', workspace: 'Acme' });
});

afterAll(async () => {
  await online?.stop();
});

async function replyAsAgent(body: string) {
  const clientId = `phone-notify-${++replyCounter}`;
  await online.agentSocket.command('message.send', { clientId, conversationId, body });
}

/** How many chime notes the page started (Web Audio oscillators), counted by an init script. */
function chimeNotes(target: Page): Promise<number> {
  return target.evaluate(() => (window as unknown as { parleyTestNotes: number }).parleyTestNotes);
}

async function countChimeNotes(context: BrowserContext) {
  await context.addInitScript(() => {
    const counted = window as unknown as { parleyTestNotes: number };
    counted.parleyTestNotes = 0;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: [number?]) {
      counted.parleyTestNotes++;
      return start.apply(this, args);
    };
  });
}

async function closeWithEscape(target: Page) {
  await target.getByTestId('parley-composer').focus();
  await target.keyboard.press('Escape');
  await eventually(async () => expect(await target.getByTestId('parley-panel').count()).toBe(0));
}

async function expectBadge(target: Page, text: string | null) {
  await eventually(async () => {
    const badge = target.locator('[data-testid="parley-bubble"] .badge');
    if (text === null) expect(await badge.count()).toBe(0);
    else expect(((await badge.textContent()) ?? '').trim()).toMatch(new RegExp(`^${text}\\b`));
  }, WAIT_MS);
}

/** Escape closes the panel (the focus goes back to the bubble), then a reply comes: badge and title notice. */
async function closeAndReceiveReply(body: string) {
  await closeWithEscape(page);
  expect(await focusedWidgetTestId(page)).toBe('parley-bubble');
  await replyAsAgent(body);
  await expectBadge(page, '1');
  await eventually(async () => expect(await page.title()).toBe(NOTICE_TITLE), WAIT_MS);
}

test('on a phone the panel covers the screen, follows the visual viewport and leaves the page as it was', async () => {
  const phone = await online.browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const phonePage = await phone.newPage();
  await phonePage.goto(online.exampleSiteUrl);
  // The host page has a style of its own on <html> and is scrolled: both must be as they were after closing.
  const before = await phonePage.evaluate(() => {
    document.documentElement.style.setProperty('scroll-behavior', 'auto');
    const longerPage = document.createElement('div');
    longerPage.style.height = '2000px';
    document.querySelector('main, body')?.append(longerPage);
    window.scrollTo(0, 200);
    return { scrollY: window.scrollY, htmlStyle: document.documentElement.getAttribute('style') };
  });
  expect(before.scrollY).toBe(200);
  await phonePage.getByTestId('parley-bubble').tap();
  await phonePage.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(phonePage);

  expect(await phonePage.getByTestId('parley-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  const fontSize = await phonePage.getByTestId('parley-composer').evaluate((input) => getComputedStyle(input).fontSize);
  expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
  const close = await phonePage.getByRole('button', { name: 'Close chat' }).last().boundingBox();
  expect(close?.width).toBeGreaterThanOrEqual(44);
  expect(close?.height).toBeGreaterThanOrEqual(44);
  expect(await phonePage.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
  await sendFromWidget(phonePage, 'Writing from my phone');
  await expectMessageOnce(phonePage, 'Writing from my phone');
  await saveScreenshot(phonePage, 'widget-phone-open');
  await expectNoSeriousA11yViolations(phonePage, 'the full-screen panel on a phone');

  // Headless Chromium shows no on-screen keyboard; pinch zoom shrinks the visual viewport the same way.
  const cdp = await phone.newCDPSession(phonePage);
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
  await eventually(async () => {
    const { viewport, panel } = await phonePage.evaluate(() => {
      const shown = document.querySelector('parley-widget')?.shadowRoot?.querySelector('.panel');
      const box = shown?.getBoundingClientRect();
      const visual = window.visualViewport as VisualViewport;
      return {
        viewport: { top: Math.round(visual.offsetTop), height: Math.round(visual.height) },
        panel: { top: Math.round(box?.top ?? -1), height: Math.round(box?.height ?? -1) },
      };
    });
    expect(viewport.height).toBe(422);
    expect(panel).toEqual(viewport);
  });
  await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
  await eventually(async () => expect((await phonePage.getByTestId('parley-panel').boundingBox())?.height).toBe(844));

  await closeWithEscape(phonePage);
  expect(await focusedWidgetTestId(phonePage)).toBe('parley-bubble');
  const after = await phonePage.evaluate(() => ({
    scrollY: window.scrollY,
    htmlStyle: document.documentElement.getAttribute('style'),
    bodyStyle: document.body.getAttribute('style'),
    overflow: getComputedStyle(document.documentElement).overflow,
  }));
  expect(after).toEqual({ ...before, bodyStyle: null, overflow: 'visible' });
  await saveScreenshot(phonePage, 'widget-phone-closed');
  await phone.close();
});

test('a reply while the panel is closed: badge, chime and title notice; opening restores the title exactly', async () => {
  desktop = await online.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await countChimeNotes(desktop);
  page = await desktop.newPage();
  await page.goto(online.exampleSiteUrl);
  await openWidget(page);
  await sendFromWidget(page, 'Do you have the city bike in red?');
  await eventually(async () => {
    const { conversations } = await online.agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    conversationId = conversations.find((c) => c.lastMessage?.body === 'Do you have the city bike in red?')?.id ?? '';
    expect(conversationId).not.toBe('');
  }, WAIT_MS);
  await saveScreenshot(page, 'widget-desktop-mute-toggle');

  // Open and focused: the reply needs no other sign.
  await replyAsAgent('Let me check the stock for you.');
  await expectMessageOnce(page, 'Let me check the stock for you.');
  await page.waitForTimeout(1800);
  expect(await page.title()).toBe(SITE_TITLE);
  expect(await chimeNotes(page)).toBe(0);

  await closeAndReceiveReply('Yes, we have it in red!');
  // The chime's code is fetched with the first reply that rings: its notes may come after the title.
  await eventually(async () => expect(await chimeNotes(page)).toBe(2), 30_000);
  // It alternates with the page's own title, about every 1.5 s.
  await eventually(async () => expect(await page.title()).toBe(SITE_TITLE), 4000);
  await eventually(async () => expect(await page.title()).toBe(NOTICE_TITLE), 4000);
  expect(await page.getByTestId('parley-announcer').textContent()).toBe(
    'New message from Noa: Yes, we have it in red!',
  );
  await saveScreenshot(page, 'widget-desktop-unread');

  await openWidget(page);
  expect(await page.title()).toBe(SITE_TITLE);
  await expectBadge(page, null);
  await page.waitForTimeout(1800);
  expect(await page.title()).toBe(SITE_TITLE);
});

test('a title the host page sets meanwhile is kept, not clobbered', async () => {
  await closeWithEscape(page);
  await page.evaluate(() => {
    document.title = 'Checkout — Acme Bikes';
  });
  await replyAsAgent('Shall I reserve one?');
  await eventually(async () => expect(await page.title()).toBe('(1) New message — Checkout — Acme Bikes'), WAIT_MS);
  await page.evaluate(() => {
    document.title = 'Paid — Acme Bikes';
  });
  await eventually(async () => expect(await page.title()).toBe('(1) New message — Paid — Acme Bikes'), 4000);
  await openWidget(page);
  expect(await page.title()).toBe('Paid — Acme Bikes');
});

test('the mute toggle is kept across a reload and silences the chime, not the title notice', async () => {
  const mute = page.getByTestId('parley-mute');
  expect(await mute.getAttribute('aria-pressed')).toBe('false');
  expect(await mute.getAttribute('aria-label')).toBe('Mute the sound for new messages');
  await mute.click();
  expect(await mute.getAttribute('aria-pressed')).toBe('true');
  expect(await page.evaluate((key) => localStorage.getItem(`parley:${key}:muted`), online.agent.inbox.siteKey)).toBe(
    '1',
  );

  await page.reload();
  await openWidget(page);
  expect(await page.getByTestId('parley-mute').getAttribute('aria-pressed')).toBe('true');
  await closeAndReceiveReply('Reserved, see you soon.');
  expect(await chimeNotes(page)).toBe(0);
  await desktop.close();
});
