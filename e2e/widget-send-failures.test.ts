import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LIMITS } from '../api/src/protocol/constants.ts';
import type { ConversationDetail } from '../api/src/protocol/index.ts';
import { AgentSocket, type ApiAgent, waitUntilOnline } from './support/agent-api.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import { eventually, openWidget, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import type { Stack } from './support/stack.ts';
import { conversationEndingWith, expectMessageStatus } from './support/widget-states.ts';

// A visitor's refused sends, for real: the api's own frame limit (LIMITS.framesPerSecond, bursts of twice
// that) and its message/too_long, each shown under the bubble with its reason, Retry and Discard; and the
// agent's typing line, which must not outlive the socket. One stack for the file, a fresh visitor per test.
const WAIT_MS = 30_000;
const RATE_LIMITED = 'You’re sending messages too fast. Wait a moment, then retry.';
const TOO_LONG = `This message is too long (max ${LIMITS.messageMaxLength.toLocaleString('en-US')} characters).`;

let online: OnlineAgentStack;
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'fay@failures.test', name: 'Fay Failures', workspace: 'Failures' });
  ({ stack, browser, agent, agentSocket } = online);
}, 180_000);

afterAll(async () => {
  await agentSocket?.close();
  await online?.stop();
});

const VARIANTS: { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: { viewport: { width: 1280, height: 720 } } },
  { name: 'phone', options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

/** The bodies of the conversation's messages as the api stored them (the agent's REST read). */
async function storedBodies(conversationId: string): Promise<string[]> {
  const detail = await agent.call<ConversationDetail>('GET', `/v1/conversations/${conversationId}?limit=500`);
  return detail.events.flatMap((event) => (event.type === 'message.created' ? [event.data.message.body] : []));
}

const messageHolding = (page: Page, text: string): Locator =>
  page.getByTestId('parley-message').filter({ hasText: text });

describe.each(VARIANTS)('$name', ({ name, options }) => {
  async function openVisitor(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'en-US', ...options });
    const page = await context.newPage();
    await page.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
    await page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
    await openWidget(page);
    return { context, page };
  }

  async function check(page: Page, state: string, message: Locator) {
    await waitForPanelSettled(page);
    await message.getByTestId('parley-failure-reason').scrollIntoViewIfNeeded();
    await saveScreenshot(page, `send-failures-${name}-${state}`);
    await expectNoSeriousA11yViolations(page, `${state} (${name})`);
  }

  test('sending too fast: the reason shows, and Retry after a wait stores the message once', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await openVisitor();
    const first = `First of the burst (${name})`;
    await sendFromWidget(page, first);
    await expectMessageStatus(page, first, 'sent');
    const conversationId = await conversationEndingWith(agent, first);

    // Faster than any hand: the composer's own input and Enter handlers, one message per task, 45 times.
    const count = 45;
    await page.getByTestId('parley-composer').evaluate(
      async (input, { count, prefix }) => {
        const field = input as HTMLTextAreaElement;
        for (let i = 1; i <= count; i++) {
          field.value = `${prefix} #${String(i).padStart(2, '0')}`;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((done) => setTimeout(done, 0)); // Preact renders the draft
          field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
          await new Promise((done) => setTimeout(done, 0));
        }
      },
      { count, prefix: `Burst ${name}` },
    );
    const failed = page.locator('[data-testid="parley-message"][data-status="failed"]');
    await eventually(async () => {
      expect(await page.locator('[data-testid="parley-message"][data-status="pending"]').count()).toBe(0);
      expect(await failed.count(), 'sends the api refused').toBeGreaterThan(0);
    }, WAIT_MS);
    const refused = await failed.count();
    const reasons = failed.getByTestId('parley-failure-reason');
    expect(await reasons.allTextContents()).toEqual(Array(refused).fill(RATE_LIMITED));
    expect(new Set(await reasons.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-code'))))).toEqual(
      new Set(['rate/limited']),
    );
    // They wait for the visitor: nothing resends them by itself.
    const accepted = (await storedBodies(conversationId)).filter((body) => body.startsWith(`Burst ${name}`));
    expect(accepted.length + refused).toBe(count);
    const target = failed.first();
    const body = (await target.locator('.bubble').textContent()) ?? '';
    expect(body).toMatch(/^Burst .+ #\d\d$/);
    expect(accepted).not.toContain(body);
    await check(page, 'rate-limited', target);

    // The visitor waits a moment (the api's bucket refills at LIMITS.framesPerSecond), then retries.
    await page.waitForTimeout(2500);
    expect(await failed.count()).toBe(refused);
    const retried = messageHolding(page, body);
    await retried.getByRole('button', { name: 'Retry sending this message' }).click();
    await expectMessageStatus(page, body, 'sent');
    expect(await retried.getByTestId('parley-retry').count()).toBe(0);
    await eventually(async () => {
      const stored = await storedBodies(conversationId);
      expect(stored.filter((text) => text === body)).toHaveLength(1);
      expect(stored.filter((text) => text.startsWith(`Burst ${name}`))).toHaveLength(accepted.length + 1);
    }, WAIT_MS);
    // Still once a while later, and the other refused ones still wait.
    await page.waitForTimeout(2000);
    expect((await storedBodies(conversationId)).filter((text) => text === body)).toHaveLength(1);
    expect(await failed.count()).toBe(refused - 1);
    await context.close();
  });

  test('an over-long message says so; Discard removes it for good', { timeout: 120_000 }, async () => {
    const { context, page } = await openVisitor();
    const before = `Before the long one (${name})`;
    await sendFromWidget(page, before);
    await expectMessageStatus(page, before, 'sent');
    const conversationId = await conversationEndingWith(agent, before);

    // The composer stops at LIMITS.messageMaxLength, a paste too, and its count says so.
    const composer = page.getByTestId('parley-composer');
    await composer.fill('y'.repeat(LIMITS.messageMaxLength + 200));
    expect((await composer.inputValue()).length).toBe(LIMITS.messageMaxLength);
    const count = page.getByTestId('parley-count');
    expect(await count.textContent()).toBe(`${LIMITS.messageMaxLength} / ${LIMITS.messageMaxLength}`);
    expect(await composer.getAttribute('aria-describedby')).toBe('parley-count');
    await saveScreenshot(page, `send-failures-${name}-count`);
    await composer.fill('');
    expect(await count.count()).toBe(0);

    // So the over-long body is queued as an older widget (or another tab) would have left it in the shared
    // outbox; the api refuses it with message/too_long on the flush.
    const start = `Far too long (${name})`;
    const long = `${start} ${'x'.repeat(LIMITS.messageMaxLength)}`;
    const outboxKey = `parley:${agent.inbox.siteKey}:outbox`;
    const clientId = `too-long-${name}`;
    await page.evaluate(
      ([key, entry]) => {
        const entries = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
        localStorage.setItem(key, JSON.stringify([...entries, entry]));
      },
      [outboxKey, { clientId, body: long, createdAt: new Date().toISOString(), status: 'pending' }] as const,
    );
    await page.reload();
    await openWidget(page);
    const message = messageHolding(page, start);
    await expectMessageStatus(page, start, 'failed');
    const reason = message.getByTestId('parley-failure-reason');
    await reason.waitFor({ timeout: WAIT_MS });
    expect(await reason.textContent()).toBe(TOO_LONG);
    // Sent again it would be refused again: Discard is the only way out.
    expect(await message.getByTestId('parley-retry').count()).toBe(0);
    // The newest message's reason is in view without scrolling, though it came after the list scrolled.
    await eventually(async () => {
      const isInView = await reason.evaluate((node) => {
        const list = node.closest('.messages')?.getBoundingClientRect();
        const line = node.getBoundingClientRect();
        return !!list && line.top >= list.top && line.bottom <= list.bottom + 1;
      });
      expect(isInView, 'the reason is inside the visible part of the list').toBe(true);
    }, 5000);
    await check(page, 'too-long', message);

    // Discard, from the keyboard: it leaves the screen and the stored outbox, and the focus stays in the chat.
    const discard = message.getByRole('button', { name: 'Discard this message' });
    await discard.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await message.count()).toBe(0), WAIT_MS);
    const isComposerFocused = await page
      .getByTestId('parley-composer')
      .evaluate((node) => (node.getRootNode() as ShadowRoot).activeElement === node);
    expect(isComposerFocused).toBe(true);
    expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', outboxKey)).not.toContain(clientId);
    await saveScreenshot(page, `send-failures-${name}-discarded`);

    await page.reload();
    await openWidget(page);
    await expectMessageStatus(page, before, 'sent');
    expect(await message.count()).toBe(0);
    expect((await storedBodies(conversationId)).some((body) => body.startsWith(start))).toBe(false);
    await context.close();
  });

  test('the agent’s typing line goes when the api dies; the messages stay', { timeout: 120_000 }, async () => {
    const { context, page } = await openVisitor();
    const hello = `Are you there? (${name})`;
    await sendFromWidget(page, hello);
    await expectMessageStatus(page, hello, 'sent');
    const conversationId = await conversationEndingWith(agent, hello);
    // The agent types, renewing it as the console does: a frame that comes before the widget's typing
    // chunk has loaded (it is fetched once the socket is live) is not shown, the next one is.
    const typing = page.getByTestId('parley-typing').filter({ hasText: /\S/ });
    await eventually(async () => {
      await agentSocket.command('typing.set', { conversationId, isTyping: true });
      await typing.waitFor({ timeout: 2000 });
    }, WAIT_MS);
    await saveScreenshot(page, `send-failures-${name}-typing`);

    // The agent types on (a renewal), then the api dies. Watched from inside the page: the first look
    // without a live socket must show no typing line.
    await agentSocket.command('typing.set', { conversationId, isTyping: true });
    const renewedAt = Date.now();
    const watch = page.getByTestId('parley-panel').evaluate(
      (panel) =>
        new Promise<{ state: string; typing: number }>((done) => {
          const root = panel.getRootNode() as ShadowRoot;
          const look = () => {
            const state = root.querySelector('[data-testid="parley-connection"]')?.getAttribute('data-state');
            if (state && state !== 'live') {
              done({ state, typing: root.querySelectorAll('[data-testid="parley-typing"]').length });
            } else setTimeout(look, 10);
          };
          look();
        }),
    );
    await stack.killApi();
    const seen = await watch;
    // Unrenewed typing expires by itself after 6 s: the check proves something only well before that.
    expect(Date.now() - renewedAt, 'ms from the renewal to the socket lost').toBeLessThan(4000);
    expect(seen.typing, `typing lines once the connection is ${seen.state}`).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('parley-typing').count()).toBe(0);
    expect(await messageHolding(page, hello).count()).toBe(1);
    await saveScreenshot(page, `send-failures-${name}-disconnected`);

    await stack.startApi();
    agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
    await waitUntilOnline(agent);
    await context.setOffline(true);
    await context.setOffline(false);
    await eventually(
      async () => expect(await page.getByTestId('parley-connection').getAttribute('data-state')).toBe('live'),
      60_000,
    );
    expect(await page.getByTestId('parley-typing').count()).toBe(0);
    expect(await messageHolding(page, hello).count()).toBe(1);
    await context.close();
  });
});
