import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { AgentSocket, type ApiAgent, signUpAgentOverApi, waitUntilOnline } from './support/agent-api.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  eventually,
  expectMessageOnce,
  openWidget,
  sendFromWidget,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// Waiting visitors see their place in line move up as the only agent (capacity 1) finishes chats,
// then see the agent join. Real api, real browser, three visitors in their own browser contexts.
let stack: Stack;
let browser: Browser;
let agent: ApiAgent;
let agentSocket: AgentSocket;
const visitors: Page[] = [];
const firstWords = ['Hello from the first visitor', 'Hello from the second visitor', 'Hello from the third visitor'];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await agentSocket?.close();
  await browser?.close();
  await stack?.stop();
});

// Generous waits: the machine may be busy (the browser, the api and the database share it).
const WAIT_MS = 30_000;

/** The visible queue line, or null when none is shown. */
async function queueLine(page: Page): Promise<{ position: string | null; text: string } | null> {
  const line = page.getByTestId('parley-queue');
  if ((await line.count()) === 0) return null;
  return { position: await line.getAttribute('data-position'), text: (await line.textContent()) ?? '' };
}

async function expectPlaceInLine(page: Page, position: number) {
  await eventually(async () => {
    const line = await queueLine(page);
    expect(line?.position, `place in line on the visitor's page`).toBe(String(position));
    expect(line?.text).toMatch(new RegExp(`^You’re number ${position} in line( · .+)?$`));
  }, WAIT_MS);
}

async function expectAgentJoined(page: Page, name: string) {
  await eventually(async () => {
    const notices = await page.getByTestId('parley-notice').allTextContents();
    expect(notices).toContain(`${name} joined`);
    expect(await queueLine(page)).toBeNull();
  }, WAIT_MS);
}

/** The visitor's message was stored (acked), so its conversation exists and is being routed. */
async function expectStored(page: Page, text: string) {
  await expectMessageOnce(page, text);
  await eventually(async () => {
    const message = page.getByTestId('parley-message').filter({ hasText: text });
    const connection = await page.getByTestId('parley-connection').getAttribute('data-state');
    expect(await message.getAttribute('data-status'), `"${text}" (connection ${connection})`).toBe('sent');
  }, WAIT_MS);
}

async function announced(page: Page): Promise<string> {
  return (await page.getByTestId('parley-announcer').textContent()) ?? '';
}

async function conversationIdOf(firstMessage: string): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { conversations } = await agent.call<ConversationList>('GET', '/v1/conversations?status=open');
    const found = conversations.find((c) => c.lastMessage?.body === firstMessage);
    expect(found, `a conversation that starts with "${firstMessage}"`).toBeDefined();
    id = found?.id ?? '';
  }, WAIT_MS);
  return id;
}

test('an agent with room for one conversation is online', async () => {
  agent = await signUpAgentOverApi(browser, stack.apiUrl, {
    email: 'quinn@acme.test',
    name: 'Quinn',
    workspace: 'Acme Bikes',
  });
  await agent.call('PATCH', `/v1/members/${agent.me.user.id}`, { capacity: 1 });
  agentSocket = await AgentSocket.connect(stack.apiUrl, agent.context);
  await waitUntilOnline(agent);
});

test('three visitors write; the first is answered, the others see their place in line', async () => {
  for (const [index, words] of firstWords.entries()) {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    visitors.push(page);
    await page.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
    await openWidget(page);
    await sendFromWidget(page, words);
    await expectStored(page, words);
    // One at a time, so the queue order is the order of the visitors.
    if (index === 0) await expectAgentJoined(page, 'Quinn');
    else await expectPlaceInLine(page, index);
  }
  const [first, second, third] = visitors as [Page, Page, Page];
  expect(await queueLine(first)).toBeNull();
  await expectPlaceInLine(second, 1);
  await expectPlaceInLine(third, 2);
  await eventually(async () => expect(await announced(third)).toMatch(/^You’re number 2 in line/), WAIT_MS);
  // No availability notice: the agent is online and the inbox has no business hours.
  await eventually(
    async () => expect(await third.getByTestId('parley-panel').getAttribute('data-availability')).toBe('open'),
    WAIT_MS,
  );
  expect(await third.getByTestId('parley-away').count()).toBe(0);
  await waitForPanelSettled(third);
  await saveScreenshot(third, 'widget-queue-position-2');
});

test('when the agent resolves a conversation, everyone behind moves up, and the next visitor sees the agent join', async () => {
  const [first, second, third] = visitors as [Page, Page, Page];
  const firstId = await conversationIdOf(firstWords[0] as string);
  await agentSocket.command('conversation.resolve', { conversationId: firstId });
  await eventually(
    async () => expect(await first.getByTestId('parley-notice').allTextContents()).toContain('Conversation resolved'),
    WAIT_MS,
  );
  await expectAgentJoined(second, 'Quinn');
  await expectPlaceInLine(third, 1);
  await eventually(async () => expect(await announced(third)).toMatch(/^You’re number 1 in line/), WAIT_MS);
  await saveScreenshot(third, 'widget-queue-position-1');

  const secondId = await conversationIdOf(firstWords[1] as string);
  await agentSocket.command('conversation.resolve', { conversationId: secondId });
  await expectAgentJoined(third, 'Quinn');
  await eventually(async () => expect(await announced(third)).toBe('Quinn joined'), WAIT_MS);
  await saveScreenshot(third, 'widget-queue-assigned');
});

test('a waiting visitor who reloads sees their place again at once', async () => {
  // The third visitor is now with the agent; a fourth waits behind nobody but the agent's full capacity.
  const context = await browser.newContext({ locale: 'en-GB' });
  const fourth = await context.newPage();
  await fourth.goto(`${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`);
  await openWidget(fourth);
  await sendFromWidget(fourth, 'Hello from the fourth visitor');
  await expectStored(fourth, 'Hello from the fourth visitor');
  await expectPlaceInLine(fourth, 1);
  await fourth.reload();
  await openWidget(fourth);
  await expectPlaceInLine(fourth, 1);
});
