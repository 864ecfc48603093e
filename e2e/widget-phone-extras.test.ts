import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BusinessHours, Inbox, WidgetAvailability } from '../api/src/protocol/index.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { waitForAnimations } from './support/animations.ts';
import { saveScreenshot } from './support/browser.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import { eventually, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import { initWithLocale, panelOverflow, widgetLanguage, widgetLooks } from './support/widget-layout.ts';
import { conversationEndingWith, expectMessageStatus } from './support/widget-states.ts';

// Issue 3 on a phone, where other tests look only at a desktop: Russian and Arabic (right to left), the
// host page's aggressive CSS, the "Seen" receipt; and the away notice judged by axe on a desktop and a
// phone. Real api, the example site, real Chromium, one agent online over their console socket.
const WAIT_MS = 30_000;
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const FULL_SCREEN = { x: 0, y: 0, width: 390, height: 844 };

let online: OnlineAgentStack;
let replies = 0;

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'mira@acme.test', name: 'Mira', workspace: 'Acme Bikes' });
});

afterAll(async () => {
  await online?.stop();
});

/** The example page on a phone, the panel opened with a tap and settled. */
async function openOnPhone(options: BrowserContextOptions, initLocale?: string): Promise<Page> {
  const context = await online.browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  if (initLocale) await initWithLocale(page, initLocale);
  await page.goto(online.exampleSiteUrl);
  await page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
  return page;
}

async function tapOpen(page: Page) {
  await page.getByTestId('parley-bubble').tap();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
}

/** The visitor writes `body`; once it is sent, the agent answers `reply` in the same conversation. */
async function chat(page: Page, body: string, reply: string): Promise<string> {
  await sendFromWidget(page, body);
  await expectMessageStatus(page, body, 'sent');
  const conversationId = await conversationEndingWith(online.agent, body);
  await online.agentSocket.command('message.send', {
    clientId: `phone-extras-${++replies}`,
    conversationId,
    body: reply,
  });
  await expectMessageStatus(page, reply, 'sent');
  return conversationId;
}

async function bubbleBox(page: Page, text: string) {
  const box = await page.getByTestId('parley-message').filter({ hasText: text }).locator('.bubble').boundingBox();
  if (!box) throw new Error(`no bubble holding "${text}"`);
  return box;
}

test('init({ locale: "ru" }) on a phone: Russian throughout, full screen, nothing wider than the screen', async () => {
  const page = await openOnPhone({ locale: 'en-US' }, 'ru');
  expect(await widgetLanguage(page)).toEqual({ lang: 'ru', dir: 'ltr' });
  expect(await page.getByTestId('parley-bubble').getAttribute('aria-label')).toBe('Открыть чат');
  await tapOpen(page);
  expect(await page.getByTestId('parley-composer').getAttribute('placeholder')).toBe('Напишите сообщение…');
  expect(await page.getByTestId('parley-send').getAttribute('aria-label')).toBe('Отправить сообщение');
  expect(await page.getByTestId('parley-panel').getByRole('button', { name: 'Закрыть чат' }).count()).toBe(1);
  await chat(
    page,
    'Здравствуйте! Подскажите размер рамы для роста 185 см, заказ №2026-00001042-ВЕЛОСИПЕД-ГОРОДСКОЙ-СИНИЙ.',
    'Здравствуйте! Для роста 185 см подойдёт рама 58 см.',
  );
  expect(await page.getByTestId('parley-panel').boundingBox()).toEqual(FULL_SCREEN);
  expect(await panelOverflow(page, 390)).toEqual([]);
  await saveScreenshot(page, 'phone-extras-ru');
  await expectNoSeriousA11yViolations(page, 'the Russian widget on a phone');
  await page.context().close();
});

test('an Arabic phone: the panel is right to left, composer and bubbles mirrored, nothing wider than 390 px', async () => {
  const page = await openOnPhone({ locale: 'ar' });
  expect(await widgetLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
  await tapOpen(page);
  const panel = page.getByTestId('parley-panel');
  expect(await panel.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
  expect(await page.getByTestId('parley-composer').getAttribute('placeholder')).toBe('اكتب رسالة…');
  const question = 'مرحبًا، أين طلبي رقم 2026-00001042؟ وصلني بريد بأنه شُحن أمس.';
  const answer = 'طلبك في الطريق وسيصل غدًا.';
  await chat(page, question, answer);

  expect(await panel.boundingBox()).toEqual(FULL_SCREEN);
  // The composer runs from the right: the text field first, the send button at its left end.
  const composer = await page.getByTestId('parley-composer').boundingBox();
  const send = await page.getByTestId('parley-send').boundingBox();
  expect((send?.x ?? 0) + (send?.width ?? 0), 'the send button is left of the text field').toBeLessThanOrEqual(
    composer?.x ?? 0,
  );
  // The visitor's own bubble sits at the left edge, the agent's at the right: mirror images of LTR.
  const mine = await bubbleBox(page, question);
  const theirs = await bubbleBox(page, answer);
  expect(mine.x, 'the visitor’s bubble starts near the left edge').toBeLessThan(40);
  expect(390 - (theirs.x + theirs.width), 'the agent’s bubble ends near the right edge').toBeLessThan(40);
  const close = await panel.getByRole('button', { name: 'إغلاق المحادثة' }).boundingBox();
  expect(close?.x ?? 390, 'the close button is at the left of the header').toBeLessThan(390 / 2);
  expect(await panelOverflow(page, 390)).toEqual([]);
  await saveScreenshot(page, 'phone-extras-ar');
  await expectNoSeriousA11yViolations(page, 'the Arabic widget on a phone');
  await page.context().close();
});

test("the host page's aggressive CSS does not reach the widget on a phone; the panel still covers the screen", async () => {
  const page = await openOnPhone({ locale: 'en-US' });
  await waitForAnimations(page);
  const launcher = await page.getByTestId('parley-bubble').boundingBox();
  await tapOpen(page);
  // Read the looks once the socket is live (the "Connecting…" line takes 30 px from the messages until then)
  // and the tap's hover scale on the launcher has eased back (160 ms).
  await eventually(async () =>
    expect(await page.getByTestId('parley-connection').getAttribute('data-state')).toBe('live'),
  );
  await waitForAnimations(page);
  const looks = () =>
    widgetLooks(page, {
      launcher: '[data-testid=parley-bubble]',
      panel: '[data-testid=parley-panel]',
      header: '.header',
      messages: '.messages',
      greeting: '[data-testid=parley-greeting]',
      composer: '[data-testid=parley-composer]',
      send: '[data-testid=parley-send]',
      attach: 'label.attach',
    });
  const before = await looks();
  expect(before.panel?.at(-1)).toBe('0,0,390,844');
  await page.addStyleTag({
    content: `
      * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; letter-spacing: 3px !important;
          text-transform: uppercase !important; line-height: 3 !important; box-sizing: content-box !important; }
      parley-widget, div, section, button, textarea, ol, li, label { display: block !important; position: static !important;
          padding: 40px !important; margin: 40px !important; border: 6px dashed red !important;
          background: yellow !important; transform: rotate(8deg) !important; filter: blur(1px) !important;
          width: 120vw !important; zoom: 1.5 !important; }
      @media (max-width: 600px) { parley-widget { inset: auto !important; max-width: 10px !important; overflow: hidden !important; } }
      button:hover, button:focus { outline: 10px solid lime !important; }
    `,
  });
  // The styles are in force on the host page itself.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1') ?? document.body).textTransform)).toBe(
    'uppercase',
  );
  expect(await looks()).toEqual(before);
  expect(await page.getByTestId('parley-panel').boundingBox()).toEqual(FULL_SCREEN);
  expect(await panelOverflow(page, 390)).toEqual([]);
  // And the visitor can still write.
  await sendFromWidget(page, 'Still readable under the host’s styles');
  await expectMessageStatus(page, 'Still readable under the host’s styles', 'sent');
  await saveScreenshot(page, 'phone-extras-hostile-css');
  // Closed again: the launcher is where and what it was, on a page the host's styles have turned over.
  await page.getByTestId('parley-panel').getByRole('button', { name: 'Close chat' }).tap();
  await page.getByTestId('parley-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
  // The launcher scales back in: it ends where and as big as it was.
  await eventually(async () => expect(await page.getByTestId('parley-bubble').boundingBox()).toEqual(launcher));
  await saveScreenshot(page, 'phone-extras-hostile-css-closed');
  await page.context().close();
});

test('on a phone the visitor sees "Seen" once the agent has read their message, also after a reload', async () => {
  const page = await openOnPhone({ locale: 'en-US' });
  await tapOpen(page);
  const body = 'Is the 54 cm frame in stock in blue?';
  await sendFromWidget(page, body);
  await expectMessageStatus(page, body, 'sent');
  const conversationId = await conversationEndingWith(online.agent, body);
  const message = page.getByTestId('parley-message').filter({ hasText: body });
  const seq = Number(await message.getAttribute('data-seq'));
  expect(seq).toBeGreaterThan(0);
  expect(await page.getByTestId('parley-seen').count()).toBe(0);

  // The agent's console reports what is on screen: read up to the visitor's message.
  expect(await online.agentSocket.command('conversation.read', { conversationId, seq })).toEqual({ seq });
  const seen = message.getByTestId('parley-seen');
  await seen.waitFor({ timeout: WAIT_MS });
  expect(await seen.textContent()).toBe('Seen');
  const box = await seen.boundingBox();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
  expect(await panelOverflow(page, 390)).toEqual([]);
  await saveScreenshot(page, 'phone-extras-seen');
  await expectNoSeriousA11yViolations(page, '"Seen" on a phone');

  await page.reload();
  await tapOpen(page);
  await page.getByTestId('parley-message').filter({ hasText: body }).getByTestId('parley-seen').waitFor({
    timeout: WAIT_MS,
  });
  await page.context().close();
});

describe('the away notice passes axe', () => {
  const ZONE = 'Europe/Berlin';
  const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
  let nextOpenAt = '';

  /** Open 09:00–17:00 (Berlin) only on the day after tomorrow: closed now, whatever the time. */
  function hoursOpenInTwoDays(): BusinessHours {
    const today = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'short' }).format(new Date());
    const openDay = DAYS[(DAYS.indexOf(today.slice(0, 3).toLowerCase() as (typeof DAYS)[number]) + 2) % 7];
    const weekly = Object.fromEntries(DAYS.map((day) => [day, []])) as unknown as BusinessHours['weekly'];
    weekly[openDay ?? 'mon'] = [{ start: '09:00', end: '17:00' }];
    return { timezone: ZONE, weekly, exceptions: [] };
  }

  async function availability(): Promise<WidgetAvailability> {
    // Node's fetch keeps no HTTP cache: this is the api's answer now, not a browser's cached copy.
    const response = await fetch(`${online.stack.apiUrl}/v1/widget/inboxes/${online.agent.inbox.siteKey}/availability`);
    expect(response.status).toBe(200);
    return (await response.json()) as WidgetAvailability;
  }

  test('the inbox is closed until the day after tomorrow (the PATCH answered and the api says so)', async () => {
    const hours = hoursOpenInTwoDays();
    const response = await online.agent.context.request.fetch(
      `${online.stack.apiUrl}/v1/inboxes/${online.agent.inbox.id}`,
      { method: 'PATCH', headers: { origin: online.stack.apiUrl }, data: { routing: { businessHours: hours } } },
    );
    expect(response.status(), await response.text()).toBe(200);
    expect(((await response.json()) as Inbox).routing.businessHours).toEqual(hours);
    await eventually(async () => {
      const now = await availability();
      expect(now).toMatchObject({ isWithinHours: false, isAgentOnline: true, timezone: ZONE });
      nextOpenAt = now.nextOpenAt ?? '';
      expect(nextOpenAt).not.toBe('');
    }, WAIT_MS);
  });

  const VARIANTS: { name: string; options: BrowserContextOptions }[] = [
    { name: 'desktop', options: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', options: PHONE },
  ];

  test.each(VARIANTS)(
    '$name: the notice, a mistyped email and the thanks have no serious axe violation',
    async ({ name, options }) => {
      // A new context: no earlier "open" answer can come from this browser's HTTP cache (max-age=15).
      const context = await online.browser.newContext({ locale: 'en-US', timezoneId: ZONE, ...options });
      const page = await context.newPage();
      await page.goto(online.exampleSiteUrl);
      const bubble = page.getByTestId('parley-bubble');
      await bubble.waitFor({ timeout: WAIT_MS });
      if (options.hasTouch) await bubble.tap();
      else await bubble.click();
      const panel = page.getByTestId('parley-panel');
      await eventually(async () => expect(await panel.getAttribute('data-availability')).toBe('away'), WAIT_MS);
      const text = page.getByTestId('parley-away-text');
      await text.waitFor({ timeout: WAIT_MS });
      // 09:00 in Berlin, in the visitor's (en-US, Berlin) words: "Friday at 9:00 AM".
      const weekday = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, weekday: 'long' }).format(
        new Date(nextOpenAt),
      );
      expect(await text.textContent()).toMatch(
        new RegExp(`^We’re away right now\\. We’ll be back ${weekday} at 9:00\\sAM\\.$`),
      );
      const email = page.getByLabel('Your email, for our reply');
      await email.waitFor({ timeout: WAIT_MS });
      // Measured once the panel's opening animation is over (mid-animation it sits a few px low).
      await waitForPanelSettled(page);
      if (options.hasTouch) {
        expect(await panel.boundingBox()).toEqual(FULL_SCREEN);
        expect(await panelOverflow(page, 390)).toEqual([]);
      }
      await saveScreenshot(page, `phone-extras-away-${name}`);
      await expectNoSeriousA11yViolations(page, `the away notice (${name})`);

      await email.fill('mira.example.com');
      await page.getByTestId('parley-email-save').click();
      await page.getByTestId('parley-contact-error').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT_MS });
      expect(await email.getAttribute('aria-invalid')).toBe('true');
      await saveScreenshot(page, `phone-extras-away-${name}-invalid`);
      await expectNoSeriousA11yViolations(page, `the away notice with a mistyped email (${name})`);

      await email.fill(`visitor-${name}@example.com`);
      await page.getByTestId('parley-email-save').click();
      const saved = page.getByTestId('parley-contact-saved');
      await saved.waitFor({ timeout: WAIT_MS });
      expect(await saved.textContent()).toBe(`Thanks — we’ll email you at visitor-${name}@example.com`);
      await saveScreenshot(page, `phone-extras-away-${name}-saved`);
      await expectNoSeriousA11yViolations(page, `the away notice after the email is saved (${name})`);
      await context.close();
    },
  );
});
