import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BusinessHours, ConversationList } from '../api/src/protocol/index.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { saveLightAndDark } from './support/console-helpers.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import {
  eventually,
  expectMessageOnce,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';

// Issue 3: the widget works on a page served with a strict Content-Security-Policy, in both shapes
// widget/README.md documents (examples/strict-csp/). Every securitypolicyviolation event and console
// error of the page is collected; a chat with an attachment, typing, the away notice and the pre-chat
// form must raise none. Real api, real example site, real browser.
let online: OnlineAgentStack;
const WAIT_MS = 30_000;
const VARIANTS = ['strict-dynamic', 'allowlist'] as const;
const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'cy@acme.test', name: 'Cy', workspace: 'Acme' });
});

afterAll(async () => {
  await online?.stop();
});

interface WatchedPage {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  violations(): Promise<Violation[]>;
}

/** A fresh visitor on a strict-CSP page, with the page's CSP violations and console errors recorded. */
async function openCspPage(
  variant: (typeof VARIANTS)[number],
  { context, widget = true }: { context?: BrowserContext; widget?: boolean } = {},
): Promise<WatchedPage> {
  context ??= await online.browser.newContext({ viewport: { width: 1280, height: 820 } });
  // Runs before any of the page's scripts (Playwright injects it outside the page's CSP).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__cspViolations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      }),
    );
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    // The example site has no favicon: Chromium's 404 for it is the host's, not the widget's.
    if (message.location().url.endsWith('/favicon.ico')) return;
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const response = await page.goto(`${online.stack.siteUrl}/csp/${variant}?siteKey=${online.agent.inbox.siteKey}`);
  const policy = response?.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("style-src 'self';");
  expect(policy).not.toContain('unsafe');
  if (variant === 'strict-dynamic') expect(policy).toMatch(/script-src 'nonce-[\w+/=]+' 'strict-dynamic';/);
  else expect(policy).toMatch(new RegExp(`script-src 'nonce-[\\w+/=]+' ${online.stack.apiUrl};`));
  if (widget)
    await page
      .getByTestId('parley-bubble')
      .waitFor({ timeout: WAIT_MS })
      .catch(async (error: Error) => {
        const seen = await page.evaluate(() => window.__cspViolations).catch(() => []);
        throw new Error(`${error.message}\nviolations: ${JSON.stringify(seen)}\nconsole: ${consoleErrors.join(' | ')}`);
      });
  return {
    page,
    context,
    consoleErrors,
    violations: () => page.evaluate(() => window.__cspViolations),
  };
}

async function expectNothingBlocked(watched: WatchedPage) {
  expect(await watched.violations()).toEqual([]);
  expect(watched.consoleErrors).toEqual([]);
}

async function conversationWith(body: string): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { conversations } = await online.agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    id = conversations.find((c) => c.lastMessage?.body === body)?.id ?? '';
    expect(id).not.toBe('');
  }, WAIT_MS);
  return id;
}

/** A real PNG drawn by the page's own canvas. */
async function drawPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#0ea5e9';
    context.fillRect(0, 0, 320, 200);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

/** Open only on the day after tomorrow, so it is closed now whatever the time. */
function hoursOpenInTwoDays(): BusinessHours {
  const todayIndex = new Date().getUTCDay();
  const weekly = Object.fromEntries(WEEKDAY_KEYS.map((key) => [key, []])) as unknown as BusinessHours['weekly'];
  weekly[WEEKDAY_KEYS[(todayIndex + 2) % 7] as (typeof WEEKDAY_KEYS)[number]] = [{ start: '09:00', end: '17:00' }];
  return { timezone: 'UTC', weekly, exceptions: [] };
}

test('the collector sees what the policy blocks: an inline script without the nonce, a style attribute', async () => {
  // Proof that "no violations" below means something: the policy is enforced and the events are heard.
  // The page's HTML gets what a careless template would add (scripts run from the test itself bypass CSP).
  // Chromium treats a page fulfilled by the test as public, so it may not load widget.js from loopback:
  // this page is about the policy alone.
  const context = await online.browser.newContext();
  await context.route('**/csp/strict-dynamic*', async (route) => {
    const original = await route.fetch();
    const body = (await original.text()).replace(
      '</body>',
      '<script>window.__inlineRan = true</script><div id="attr" style="position: fixed"></div></body>',
    );
    await route.fulfill({ response: original, body });
  });
  const watched = await openCspPage('strict-dynamic', { context, widget: false });
  const outcome = await watched.page.evaluate(() => {
    // The CSSOM is not an inline style: the widget sets its few dynamic styles this way.
    const styled = document.createElement('div');
    styled.style.position = 'absolute';
    document.body.append(styled);
    return {
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      attributeApplied: getComputedStyle(document.getElementById('attr') as HTMLElement).position === 'fixed',
      cssomApplied: getComputedStyle(styled).position === 'absolute',
    };
  });
  expect(outcome).toEqual({ inlineRan: false, attributeApplied: false, cssomApplied: true });
  await eventually(async () =>
    expect((await watched.violations()).map((v) => `${v.directive} ${v.blocked}`).sort()).toEqual([
      'script-src-elem inline',
      'style-src-attr inline',
    ]),
  );
  await context.close();
});

describe.each(VARIANTS)('under the %s policy', (variant) => {
  test('a visitor chats, attaches an image and sees the agent typing and replying, with nothing blocked', async () => {
    const watched = await openCspPage(variant);
    const { page } = watched;
    await openWidget(page);
    const first = `Hello under ${variant}`;
    await sendFromWidget(page, first);
    await expectMessageOnce(page, first);
    const conversationId = await conversationWith(first);

    // The hidden file input's style={…} goes through the CSSOM, which style-src allows.
    const attachInput = page.getByTestId('parley-attach');
    expect(await attachInput.evaluate((input) => getComputedStyle(input).position)).toBe('absolute');
    await attachInput.setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: await drawPng(page) });
    await eventually(
      async () =>
        expect(
          await page
            .getByTestId('parley-thumbnail')
            .locator('img')
            .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)),
        ).toEqual([320]),
      WAIT_MS,
    );

    void online.agentSocket.command('typing.set', { conversationId, isTyping: true });
    await page.getByTestId('parley-typing').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('parley-typing').textContent()).toBe('Cy is typing…');
    await online.agentSocket.command('message.send', {
      clientId: `csp-${variant}`,
      conversationId,
      body: `Got it (${variant})`,
    });
    await expectMessageOnce(page, `Got it (${variant})`);

    await waitForPanelSettled(page);
    await saveLightAndDark(page, `widget-strict-csp-${variant}`);
    await expectNoSeriousA11yViolations(page, `the widget under the ${variant} CSP`);
    await expectNothingBlocked(watched);
    await online.agentSocket.command('conversation.resolve', { conversationId });
    await watched.context.close();
  });

  test('outside business hours with a pre-chat form: the away and pre-chat chunks load, nothing blocked', async () => {
    await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, {
      routing: { businessHours: hoursOpenInTwoDays() },
      appearance: {
        title: 'Acme',
        preChatForm: { enabled: true, fields: [{ key: 'name', label: 'Your name', type: 'text', required: true }] },
      },
    });
    try {
      const watched = await openCspPage(variant);
      const { page } = watched;
      await page.getByTestId('parley-bubble').click();
      await page.getByTestId('parley-prechat').waitFor({ timeout: WAIT_MS });
      await page.getByTestId('parley-away-text').waitFor({ timeout: WAIT_MS });
      await waitForPanelSettled(page);
      await saveScreenshot(page, `widget-strict-csp-${variant}-away-prechat`);
      await expectNothingBlocked(watched);
      await watched.context.close();
    } finally {
      await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, {
        routing: { businessHours: null },
        appearance: { title: 'Acme', preChatForm: { enabled: false, fields: [] } },
      });
    }
  });
});
