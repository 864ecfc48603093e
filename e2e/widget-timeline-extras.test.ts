import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { AgentSocket, waitUntilOnline } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import {
  eventually,
  expectMessageOnce,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { withApiStopped } from './support/settings-helpers.ts';

// The chat's timeline extras on the example site: day separators ("Today", "Yesterday", a date) between
// messages of different days, links made clickable only when they are http(s) or mailto, and axe on the
// open panel holding both, light and dark, on a desktop and on a phone.
let online: OnlineAgentStack;
let storageState: Awaited<ReturnType<import('playwright-core').BrowserContext['storageState']>>;
const WAIT_MS = 30_000;
const TIME_ZONE = 'Europe/Berlin';

const OLD_QUESTION = 'Hi, I ordered a bike last week.';
const AGENT_LINKS =
  'Track it at https://shop.example/track?id=42. Questions: mailto:help@shop.example, or http://status.example/.';
const VISITOR_LINKS =
  'Thanks! Is javascript:alert(document.cookie) or data:text/html,<b>x</b> a link? See https://example.com/a_(b).';

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'tia@timeline.test', name: 'Tia', workspace: 'Timeline Bikes' });
  const context = await online.browser.newContext({ locale: 'en-US', timezoneId: TIME_ZONE });
  const page = await context.newPage();
  await page.goto(online.exampleSiteUrl);
  await openWidget(page);
  await sendFromWidget(page, OLD_QUESTION);
  await expectMessageOnce(page, OLD_QUESTION);
  let conversationId = '';
  await eventually(async () => {
    const { conversations } = await online.agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    conversationId = conversations.find((c) => c.lastMessage?.body === OLD_QUESTION)?.id ?? '';
    expect(conversationId).not.toBe('');
  }, WAIT_MS);
  await online.agentSocket.command('message.send', { clientId: 'timeline-links-1', conversationId, body: AGENT_LINKS });
  await expectMessageOnce(page, AGENT_LINKS);
  await sendFromWidget(page, VISITOR_LINKS);
  await expectMessageOnce(page, VISITOR_LINKS);
  storageState = await context.storageState();
  await context.close();
  // The first message three days back, the agent's reply yesterday; the visitor's last message stays today.
  await withApiStopped(online.stack, async (db) => {
    for (const [body, daysAgo] of [
      [OLD_QUESTION, 3],
      [AGENT_LINKS, 1],
    ] as const) {
      // The schema makes created_at insert-only; this fixture moves it back.
      const moved = { created_at: new Date(Date.now() - daysAgo * 86_400_000) } as never;
      await db.updateTable('messages').set(moved).where('body', '=', body).execute();
    }
  });
});

let liveAgent: AgentSocket | undefined;
afterAll(async () => {
  await liveAgent?.close();
  await online?.stop();
});

async function openReturning(options: BrowserContextOptions): Promise<Page> {
  const context = await online.browser.newContext({ locale: 'en-US', timezoneId: TIME_ZONE, storageState, ...options });
  const page = await context.newPage();
  await page.goto(online.exampleSiteUrl);
  await openWidget(page);
  await page.getByTestId('parley-link').first().waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
  return page;
}

function expectedOldDay(): string {
  const date = new Date(Date.now() - 3 * 86_400_000);
  return new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: TIME_ZONE,
  }).format(date);
}

async function checkTimeline(page: Page): Promise<void> {
  await eventually(async () =>
    expect(await page.getByTestId('parley-day').allTextContents()).toEqual([expectedOldDay(), 'Yesterday', 'Today']),
  );
  // Each separator comes right before the first message of its day, inside the list.
  const order = await page
    .getByTestId('parley-panel')
    .locator('ol.messages > li:is(.day, .item)')
    .evaluateAll((items) =>
      items.map((item) =>
        item.classList.contains('day')
          ? `day:${item.textContent}`
          : `message:${item.querySelector('.bubble')?.textContent}`,
      ),
    );
  expect(order).toEqual([
    `day:${expectedOldDay()}`,
    `message:${OLD_QUESTION}`,
    'day:Yesterday',
    `message:${AGENT_LINKS}`,
    'day:Today',
    `message:${VISITOR_LINKS}`,
  ]);

  const links = await page.getByTestId('parley-link').evaluateAll((anchors) =>
    anchors.map((a) => ({
      href: a.getAttribute('href'),
      text: a.textContent,
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel'),
    })),
  );
  const rel = 'noopener noreferrer nofollow ugc';
  expect(links).toEqual([
    { href: 'https://shop.example/track?id=42', text: 'https://shop.example/track?id=42', target: '_blank', rel },
    { href: 'mailto:help@shop.example', text: 'mailto:help@shop.example', target: '_blank', rel },
    { href: 'http://status.example/', text: 'http://status.example/', target: '_blank', rel },
    { href: 'https://example.com/a_(b)', text: 'https://example.com/a_(b)', target: '_blank', rel },
  ]);
  // Nothing else in the panel is a link: not the javascript: or data: text, which stays in the bubble as typed.
  expect(await page.getByTestId('parley-panel').locator('a').count()).toBe(4);
  expect(await page.getByTestId('parley-message').last().textContent()).toContain(VISITOR_LINKS);
}

test('a returning visitor sees day separators and safe links; axe passes in light and dark', async () => {
  const page = await openReturning({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await checkTimeline(page);
  await expectNoSeriousA11yViolations(page, 'the panel with day separators and links, light');
  await saveScreenshot(page, 'widget-timeline-extras-light');
  // From the keyboard (Tab from the first link to the second) the link shows a focus ring.
  await page.getByTestId('parley-link').first().focus();
  await page.keyboard.press('Tab');
  const focusRing = await page
    .getByTestId('parley-link')
    .nth(1)
    .evaluate((link) => {
      const style = getComputedStyle(link);
      return { isFocused: link.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
  expect(focusRing).toEqual({ isFocused: true, outline: 'solid 2px' });
  await saveScreenshot(page, 'widget-timeline-extras-link-focus');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the panel with day separators and links, dark');
  await saveScreenshot(page, 'widget-timeline-extras-dark');
  await page.context().close();
});

test('on a phone the same timeline fits the screen and passes axe, light and dark', async () => {
  const page = await openReturning({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await checkTimeline(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(page, 'the phone panel with day separators and links, light');
  await saveScreenshot(page, 'widget-timeline-extras-phone');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the phone panel with day separators and links, dark');
  await saveScreenshot(page, 'widget-timeline-extras-phone-dark');
  await page.context().close();
});

test('with an agent online the header says so and how soon they usually reply, as the inbox setting says', async () => {
  // The api restart above ended the agent's socket: they come back online.
  liveAgent = await AgentSocket.connect(online.stack.apiUrl, online.agent.context);
  await waitUntilOnline(online.agent);
  await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, { appearance: { replyTime: 'hours' } });
  for (const scheme of ['light', 'dark'] as const) {
    const context = await online.browser.newContext({ locale: 'en-US', colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(online.exampleSiteUrl);
    await openWidget(page);
    const line = page.getByTestId('parley-online');
    await line.waitFor({ timeout: WAIT_MS });
    expect(await line.textContent()).toBe('We’re online · Typically replies in a few hours');
    expect(await page.getByTestId('parley-away').count()).toBe(0);
    await waitForPanelSettled(page);
    await expectNoSeriousA11yViolations(page, `the panel with the online line, ${scheme}`);
    await saveScreenshot(page, `widget-timeline-extras-online-${scheme}`);
    await context.close();
  }

  const phone = await online.browser.newContext({
    locale: 'de-DE',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(online.exampleSiteUrl);
  await openWidget(page);
  await eventually(async () =>
    expect(await page.getByTestId('parley-online').textContent()).toBe(
      'Wir sind online · Antwortet meist in wenigen Stunden',
    ),
  );
  await waitForPanelSettled(page);
  await expectNoSeriousA11yViolations(page, 'the phone panel with the online line, German');
  await saveScreenshot(page, 'widget-timeline-extras-online-phone');
  await phone.close();

  // Right to left on a phone: nothing (the live region's visually hidden text included) widens the page.
  const arabic = await online.browser.newContext({
    locale: 'ar',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const arabicPage = await arabic.newPage();
  await arabicPage.goto(online.exampleSiteUrl);
  await openWidget(arabicPage);
  await eventually(async () =>
    expect(await arabicPage.getByTestId('parley-online').textContent()).toBe('نحن متصلون الآن · نرد عادةً خلال ساعات'),
  );
  await sendFromWidget(arabicPage, 'مرحبا https://example.com');
  await arabicPage.getByTestId('parley-link').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(arabicPage);
  expect(await arabicPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousA11yViolations(arabicPage, 'the phone panel in Arabic');
  await saveScreenshot(arabicPage, 'widget-timeline-extras-online-phone-ar');
  await arabic.close();
});

test('on a pale accent colour the links and bubbles still pass the contrast check', async () => {
  await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, {
    appearance: { color: '#fde68a', replyTime: 'hours' },
  });
  const page = await openReturning({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await checkTimeline(page);
  await expectNoSeriousA11yViolations(page, 'the panel with links on a pale accent, light');
  await saveScreenshot(page, 'widget-timeline-extras-pale-accent');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page, 'the panel with links on a pale accent, dark');
  await page.context().close();
});
