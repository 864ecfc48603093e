import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';
import { conversationEndingWith, drawPng, expectMessageStatus } from './support/widget-states.ts';

// Every state a visitor can see, judged by axe (WCAG 2.2 A/AA, no serious or critical violation) and
// photographed, on a desktop and a phone, light and dark. One stack for the file; each variant walks
// one visitor through the states in order, waiting on each state itself, never on a clock. The away
// notice is not among them: as the last step it once timed out in CI (a fresh page of the same visitor
// did not show it within 30 s, cause not found); widget-away tests its behaviour, without axe.
const WAIT_MS = 30_000;

let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  agent = await signUpAgentOverApi(browser, stack.apiUrl, {
    email: 'ida@states.test',
    name: 'Ida States',
    workspace: 'States',
  });
  await agent.call('PATCH', `/v1/inboxes/${agent.inbox.id}`, {
    appearance: {
      preChatForm: { enabled: true, fields: [{ key: 'name', label: 'Your name', type: 'text', required: true }] },
    },
  });
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
}, 180_000);

afterAll(async () => {
  await agentSocket?.close();
  await browser?.close();
  await stack?.stop();
});

const VARIANTS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop-light', options: { viewport: { width: 1280, height: 720 }, colorScheme: 'light' } },
  { name: 'desktop-dark', options: { viewport: { width: 1280, height: 720 }, colorScheme: 'dark' } },
  {
    name: 'phone-light',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'light' },
  },
  {
    name: 'phone-dark',
    options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme: 'dark' },
  },
];

describe.each(VARIANTS)('$name', ({ name, options }) => {
  async function check(page: Page, state: string) {
    if (await page.getByTestId('parley-panel').count()) await waitForPanelSettled(page);
    await saveScreenshot(page, `a11y-${name}-${state}`);
    await expectNoSeriousA11yViolations(page, `${state} (${name})`);
  }

  test('every visitor state passes axe', { timeout: 120_000 }, async () => {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    const page = await context.newPage();
    await page.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
    const bubble = page.getByTestId('parley-bubble');
    await bubble.waitFor({ timeout: WAIT_MS });
    await check(page, 'closed');

    await bubble.click();
    const preChat = page.getByTestId('parley-prechat');
    await preChat.waitFor({ timeout: WAIT_MS });
    await page.getByTestId('parley-prechat-start').click();
    await page.getByTestId('parley-prechat-alert').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT_MS });
    await check(page, 'prechat-error');
    await preChat.getByLabel('Your name').fill(`Visitor ${name}`);
    await page.getByTestId('parley-prechat-start').click();
    const composer = page.getByTestId('parley-composer');
    await composer.waitFor({ timeout: WAIT_MS });
    await check(page, 'open-empty');

    const first = `Hello from ${name}`;
    await sendFromWidget(page, first);
    await expectMessageStatus(page, first, 'sent');
    const conversationId = await conversationEndingWith(agent, first);

    void agentSocket.command('typing.set', { conversationId, isTyping: true });
    await page.getByTestId('parley-typing').filter({ hasText: /\S/ }).waitFor({ timeout: WAIT_MS });
    await check(page, 'typing');

    // Pending: the api is down, so the send waits in the outbox; it goes out once the api is back.
    await stack.killApi();
    await eventually(
      async () => expect(await page.getByTestId('parley-connection').getAttribute('data-state')).not.toBe('live'),
      WAIT_MS,
    );
    const pending = `Sent while offline (${name})`;
    await sendFromWidget(page, pending);
    await expectMessageStatus(page, pending, 'pending');
    // "Sending…" fades in once a send has waited 400 ms (quick acks never flicker).
    await page
      .getByTestId('parley-message')
      .filter({ hasText: pending })
      .locator('.status')
      .evaluate((status) => Promise.all(status.getAnimations().map((animation) => animation.finished)).then(() => {}));
    await check(page, 'pending');
    // Failed: a send the api refuses for real. The composer stops an over-long body, so it is queued
    // as an older widget (or another tab) would have left it in the shared outbox; the api says
    // message/too_long when the outbox is flushed, and the widget offers Retry.
    const stale = `Queued by an older widget (${name}) ${'far too long '.repeat(400)}`;
    await page.evaluate(
      ([key, entry]) => {
        const entries = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
        localStorage.setItem(key, JSON.stringify([...entries, entry]));
      },
      [
        `parley:${agent.inbox.siteKey}:outbox`,
        { clientId: `stale-${name}`, body: stale, createdAt: new Date().toISOString(), status: 'pending' },
      ] as const,
    );
    await stack.startApi();
    // The browser's "back online" skips the rest of the reconnect backoff.
    await context.setOffline(true);
    await context.setOffline(false);
    agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
    await expectMessageStatus(page, pending, 'sent', 60_000);
    await expectMessageStatus(page, `Queued by an older widget (${name})`, 'failed');
    await page.getByTestId('parley-discard').waitFor();
    await check(page, 'failed');

    await page.getByTestId('parley-attach').setInputFiles({
      name: 'receipt.png',
      mimeType: 'image/png',
      buffer: await drawPng(page, `Receipt ${name}`),
    });
    await eventually(async () => expect(await page.getByTestId('parley-thumbnail').count()).toBe(1), WAIT_MS);
    await eventually(
      async () =>
        expect(
          await page.getByTestId('parley-thumbnail').evaluate((node) => {
            const image = node instanceof HTMLImageElement ? node : node.querySelector('img');
            return Boolean(image?.complete && image.naturalWidth > 0);
          }),
        ).toBe(true),
      WAIT_MS,
    );
    // Failed sends stay last in the list: bring the new thumbnail into view.
    await page.getByTestId('parley-thumbnail').scrollIntoViewIfNeeded();
    await check(page, 'attachment');

    await composer.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('parley-emoji-picker').waitFor({ timeout: WAIT_MS });
    await check(page, 'emoji-picker');
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.getByTestId('parley-emoji-picker').count()).toBe(0));

    // On a phone the full-screen panel covers the bubble: the header's close button closes it.
    await page.getByTestId('parley-panel').getByRole('button', { name: 'Close chat' }).click();
    await page.getByTestId('parley-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
    await agentSocket.command('message.send', {
      clientId: `a11y-${name}-reply`,
      conversationId,
      body: 'A reply while the panel is closed.',
    });
    await bubble.getByText('1').waitFor({ timeout: WAIT_MS });
    await check(page, 'unread');

    await bubble.click();
    await composer.waitFor({ timeout: WAIT_MS });
    await agentSocket.command('conversation.resolve', { conversationId });
    await page.getByTestId('parley-end-card').waitFor({ timeout: WAIT_MS });
    await check(page, 'rating');

    await page.getByRole('button', { name: 'Start a new conversation' }).click();
    await eventually(async () => expect(await page.getByTestId('parley-end-card').count()).toBe(0), WAIT_MS);
    await page.getByRole('button', { name: 'Previous conversations' }).click();
    const rows = page.getByTestId('parley-history-list').getByRole('listitem');
    await eventually(async () => expect(await rows.count()).toBeGreaterThanOrEqual(1), WAIT_MS);
    await check(page, 'history');

    await context.close();
  });
});
