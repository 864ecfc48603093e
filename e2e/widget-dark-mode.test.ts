import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import { eventually, expectMessageOnce, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';

// The widget follows the visitor's system colour scheme (prefers-color-scheme), or the one init's
// colorScheme forces, on a dark host page. axe (color-contrast included) judges each state.
let online: OnlineAgentStack;
const WAIT_MS = 30_000;
const DARK_SURFACE = 'rgb(29, 32, 39)';
const LIGHT_SURFACE = 'rgb(255, 255, 255)';

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'dana@night.test', name: 'Dana', workspace: 'Night Owls' });
  await online.agent.call('PATCH', `/v1/inboxes/${online.agent.inbox.id}`, {
    appearance: {
      preChatForm: { enabled: true, fields: [{ key: 'name', label: 'Your name', type: 'text', required: true }] },
    },
  });
});

afterAll(async () => {
  await online?.stop();
});

/**
 * The example site, painted dark, its snippet's init given the colorScheme option (when there is one)
 * through a Parley queue stub in place before the snippet runs. A routed page would be "public" to
 * Chromium's private network checks and could not load widget.js from localhost.
 */
async function openHostPage(
  options: BrowserContextOptions,
  colorScheme?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await online.browser.newContext({ locale: 'en-US', ...options });
  await context.addInitScript((scheme) => {
    const stub = (...args: unknown[]) => {
      const options = args[1] as Record<string, unknown>;
      if (args[0] === 'init' && scheme) args[1] = { ...options, colorScheme: scheme };
      stub.q.push(args);
    };
    stub.q = [] as unknown[][];
    Object.assign(window, { Parley: stub });
    document.addEventListener('DOMContentLoaded', () => {
      document.body.style.cssText = 'background:#0b0d12;color:#e5e7eb';
    });
  }, colorScheme ?? '');
  const page = await context.newPage();
  await page.goto(online.exampleSiteUrl);
  await page.getByTestId('parley-bubble').waitFor({ timeout: WAIT_MS });
  return { context, page };
}

function panelBackground(page: Page): Promise<string> {
  return page.getByTestId('parley-panel').evaluate((panel) => getComputedStyle(panel).backgroundColor);
}

async function openPreChat(page: Page): Promise<void> {
  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-prechat').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
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

test('on a dark system every state is dark and passes axe: bubble, pre-chat, messages, unread badge, rating', async () => {
  const { context, page } = await openHostPage({ colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  await expectNoSeriousA11yViolations(page, 'the closed bubble, dark');
  await saveScreenshot(page, 'widget-dark-closed');

  await openPreChat(page);
  expect(await panelBackground(page)).toBe(DARK_SURFACE);
  await expectNoSeriousA11yViolations(page, 'the pre-chat form, dark');
  await saveScreenshot(page, 'widget-dark-prechat');
  await page.getByTestId('parley-prechat-start').click();
  await page.getByTestId('parley-prechat-alert').waitFor();
  await expectNoSeriousA11yViolations(page, 'the pre-chat form with errors, dark');
  await saveScreenshot(page, 'widget-dark-prechat-errors');
  await page.getByTestId('parley-prechat').getByLabel('Your name').fill('Nora Night');
  await page.getByTestId('parley-prechat-start').click();
  await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });

  const question = 'Does the app have a dark theme?';
  await sendFromWidget(page, question);
  await expectMessageOnce(page, question);
  const conversationId = await conversationWith(question);
  await online.agentSocket.command('message.send', {
    clientId: 'dark-mode-reply-1',
    conversationId,
    body: 'It does: Settings, then Appearance.',
  });
  await expectMessageOnce(page, 'It does: Settings, then Appearance.');
  void online.agentSocket.command('typing.set', { conversationId, isTyping: true });
  await page.getByTestId('parley-typing').waitFor({ timeout: WAIT_MS });
  await page.getByTestId('parley-composer').fill('Thanks!');
  await waitForPanelSettled(page);
  await expectNoSeriousA11yViolations(page, 'the open panel with messages and typing, dark');
  await saveScreenshot(page, 'widget-dark-panel');
  await page.getByTestId('parley-composer').fill('');

  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-panel').waitFor({ state: 'detached', timeout: WAIT_MS });
  await online.agentSocket.command('message.send', {
    clientId: 'dark-mode-reply-2',
    conversationId,
    body: 'Anything else?',
  });
  await page.getByTestId('parley-bubble').getByText('1').waitFor({ timeout: WAIT_MS });
  await expectNoSeriousA11yViolations(page, 'the closed bubble with an unread badge, dark');
  await saveScreenshot(page, 'widget-dark-unread');

  await page.getByTestId('parley-bubble').click();
  await online.agentSocket.command('conversation.resolve', { conversationId });
  await page.getByTestId('parley-end-card').waitFor({ timeout: WAIT_MS });
  await waitForPanelSettled(page);
  expect(await panelBackground(page)).toBe(DARK_SURFACE);
  await expectNoSeriousA11yViolations(page, 'the rating card, dark');
  await saveScreenshot(page, 'widget-dark-rating');
  await context.close();
});

test("colorScheme: 'light' stays light on a dark system", async () => {
  const { context, page } = await openHostPage(
    { colorScheme: 'dark', viewport: { width: 1280, height: 800 } },
    'light',
  );
  await openPreChat(page);
  expect(await panelBackground(page)).toBe(LIGHT_SURFACE);
  await expectNoSeriousA11yViolations(page, 'the pre-chat form, forced light');
  await saveScreenshot(page, 'widget-dark-forced-light');
  await context.close();
});

test("colorScheme: 'dark' is dark on a light system, phone layout included", async () => {
  const { context, page } = await openHostPage(
    { colorScheme: 'light', viewport: { width: 390, height: 760 }, isMobile: true, hasTouch: true },
    'dark',
  );
  await openPreChat(page);
  expect(await panelBackground(page)).toBe(DARK_SURFACE);
  await expectNoSeriousA11yViolations(page, 'the pre-chat form on a phone, forced dark');
  await saveScreenshot(page, 'widget-dark-forced-phone');
  await context.close();
});
