import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationDetail, ConversationList, InboxList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, expectMessageOnce, openWidget, sendFromConsole, sendFromWidget } from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// The api dies with SIGKILL in the middle of a conversation and comes back: nothing acknowledged is lost,
// nothing shows twice, and what was sent during the outage lands exactly once.
let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.context().request.get(`${stack.apiUrl}${path}`);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

test('both clients reconnect by themselves after the api is killed and every message lands exactly once', async () => {
  const agentContext = await browser.newContext();
  const signup = await agentContext.request.post(`${stack.apiUrl}/v1/auth/signup`, {
    headers: { origin: stack.apiUrl },
    data: { email: 'kai@acme.test', password: 'correct horse battery', name: 'Kai', workspaceName: 'Acme' },
  });
  expect(signup.status()).toBe(201);
  agent = await agentContext.newPage();
  await agent.goto(stack.apiUrl);
  const { inboxes } = await api<InboxList>(agent, '/v1/inboxes');
  const siteKey = inboxes[0]?.siteKey ?? '';

  visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`${stack.siteUrl}/?siteKey=${siteKey}`);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'visitor before the crash');
  await agent.getByTestId('conversation-row').first().click();
  await expectMessageOnce(agent, 'visitor before the crash');
  await sendFromConsole(agent, 'agent before the crash');
  await expectMessageOnce(visitor, 'agent before the crash');

  // Killed while this send is in flight: it may be committed without its ack ever leaving the server.
  await sendFromWidget(visitor, 'visitor at the moment of the kill');
  await stack.killApi();
  await sendFromWidget(visitor, 'visitor during the outage');
  await sendFromConsole(agent, 'agent during the outage');
  await eventually(async () => {
    expect(await visitor.getByTestId('parley-connection').getAttribute('data-state')).not.toBe('live');
  });
  await saveScreenshot(visitor, 'widget-reconnecting');
  await saveScreenshot(agent, 'console-reconnecting');

  await stack.startApi();
  for (const page of [visitor, agent]) {
    for (const text of [
      'visitor before the crash',
      'agent before the crash',
      'visitor at the moment of the kill',
      'visitor during the outage',
      'agent during the outage',
    ]) {
      await expectMessageOnce(page, text);
    }
  }
  await eventually(async () => {
    expect(await visitor.getByTestId('parley-connection').getAttribute('data-state')).toBe('live');
  });

  await sendFromWidget(visitor, 'after the restart');
  await expectMessageOnce(agent, 'after the restart');

  const { conversations } = await api<ConversationList>(agent, '/v1/conversations?status=all');
  expect(conversations).toHaveLength(1);
  const detail = await api<ConversationDetail>(agent, `/v1/conversations/${conversations[0]?.id}`);
  const seqs = detail.events.map((event) => event.data.seq);
  expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  const bodies = detail.events.flatMap((event) => (event.type === 'message.created' ? [event.data.message.body] : []));
  expect(bodies.sort()).toEqual(
    [
      'visitor before the crash',
      'agent before the crash',
      'visitor at the moment of the kill',
      'visitor during the outage',
      'agent during the outage',
      'after the restart',
    ].sort(),
  );
});
