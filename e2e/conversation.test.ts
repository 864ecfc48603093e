import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import {
  eventually,
  expectMessageOnce,
  messageTexts,
  newWatchedContext,
  openWidget,
  sendFromConsole,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// One support conversation through the real UIs: an agent in the console, a visitor on the example site.
let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
let exampleSiteLink: string;
const dialogs: string[] = [];
const XSS = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('the first person to open the console signs up and sees the snippet for the default inbox', async () => {
  agent = await (await newWatchedContext(browser, dialogs)).newPage();
  await signUpThroughConsole(agent, stack.apiUrl, {
    email: 'ann@acme.test',
    name: 'Ann Agent',
    workspace: 'Acme Bikes',
  });
  await agent.getByTestId('nav-settings').click();
  const snippet = await agent.getByTestId('snippet').textContent();
  expect(snippet).toContain(`${stack.apiUrl}/widget.js`);
  expect(snippet).toMatch(/siteKey/);
  exampleSiteLink = (await agent.getByTestId('example-site-link').getAttribute('href')) ?? '';
  expect(exampleSiteLink.startsWith(stack.siteUrl)).toBe(true);
  await saveScreenshot(agent, 'console-settings');
  await agent.getByTestId('nav-conversations').click();
});

test('a visitor writes from the example site; the agent sees it live, replies, and the visitor sees the reply live', async () => {
  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(exampleSiteLink);
  await visitor.getByTestId('parley-bubble').waitFor();
  await saveScreenshot(visitor, 'widget-closed');
  await openWidget(visitor);
  await sendFromWidget(visitor, 'Hi! My chain is squeaking.');
  await expectMessageOnce(visitor, 'Hi! My chain is squeaking.');

  const row = agent.getByTestId('conversation-row').first();
  await row.waitFor({ timeout: 15_000 });
  await eventually(async () => expect(await row.textContent()).toContain('My chain is squeaking'));
  await row.click();
  await expectMessageOnce(agent, 'Hi! My chain is squeaking.');

  await sendFromConsole(agent, 'Hello! A drop of oil on each link will fix it.');
  await expectMessageOnce(visitor, 'A drop of oil on each link will fix it.');
  await sendFromWidget(visitor, 'Thanks, trying now');
  await expectMessageOnce(agent, 'Thanks, trying now');
  await saveScreenshot(visitor, 'widget-open-conversation');
  await saveScreenshot(agent, 'console-conversation');
});

test('message text is shown as text on both sides, never run as HTML', async () => {
  await sendFromWidget(visitor, XSS);
  await expectMessageOnce(visitor, XSS);
  await expectMessageOnce(agent, XSS);
  await sendFromConsole(agent, `${XSS} from the agent`);
  await expectMessageOnce(visitor, `${XSS} from the agent`);
  const injectedImages = await agent.locator('[data-testid="message"] img').count();
  const injectedWidgetImages = await visitor.locator('[data-testid="parley-message"] img').count();
  expect(injectedImages + injectedWidgetImages).toBe(0);
  expect(dialogs).toEqual([]);
});

test('the conversation survives a reload, a move to another page, and coming back another day', async () => {
  const expected = ['Hi! My chain is squeaking.', 'A drop of oil on each link will fix it.', 'Thanks, trying now'];
  const expectHistory = async (page: Page) => {
    await eventually(async () => {
      const texts = (await messageTexts(page)).join('\n');
      for (const text of expected) expect(texts).toContain(text);
    });
  };
  await visitor.reload();
  await openWidget(visitor);
  await expectHistory(visitor);

  await visitor.goto(`${stack.siteUrl}/pricing.html`);
  await openWidget(visitor);
  await expectHistory(visitor);

  const storage = await visitor.context().storageState();
  await visitor.context().close();
  const nextDay = await browser.newContext({ storageState: storage });
  visitor = await nextDay.newPage();
  await visitor.goto(stack.siteUrl);
  await openWidget(visitor);
  await expectHistory(visitor);
  expect(await messageTexts(visitor)).toHaveLength(new Set(await messageTexts(visitor)).size);
});

test('the agent resolves the conversation and the visitor can keep writing in a new one', async () => {
  await agent.getByTestId('resolve').click();
  await eventually(async () =>
    expect(await agent.getByTestId('conversation-status').textContent()).toMatch(/resolved/i),
  );
  await sendFromWidget(visitor, 'One more question about lights');
  await expectMessageOnce(visitor, 'One more question about lights');
});

test('the agent logs out and in; the session survives an api restart', async () => {
  await stack.killApi();
  await stack.startApi();
  await agent.reload();
  await agent.getByTestId('nav-settings').waitFor({ timeout: 20_000 });
  await agent.getByTestId('logout').click();
  await agent.getByTestId('login-email').waitFor();
  await agent.getByTestId('login-email').fill('ann@acme.test');
  await agent.getByTestId('login-password').fill('correct horse battery');
  await agent.getByTestId('login-submit').click();
  await agent.getByTestId('nav-settings').waitFor();
});
