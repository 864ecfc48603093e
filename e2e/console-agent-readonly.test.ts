import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Me } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole } from './support/console-helpers.ts';
import { newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible, saveTallLightAndDark } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';

// An agent invited by the owner opens the inbox settings: the name and allowed origins show the saved
// values with nothing to edit or save, and a note says who can change them (the api refuses agents anyway).
let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let agentContext: BrowserContext;
let agent: Page;
let owner: Page;
const dialogs: string[] = [];
const OWNER = { email: 'olga@readonly.test', name: 'Olga Owner', workspace: 'Read Only Bikes' };
const AGENT = { email: 'ari@readonly.test', name: 'Ari Agent', password: 'correct horse battery' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('an invited agent signs in', async () => {
  ownerContext = await newWatchedContext(browser, dialogs);
  owner = await ownerContext.newPage();
  await owner.setViewportSize({ width: 1360, height: 900 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-members').click();
  await owner.getByTestId('invite-email').fill(AGENT.email);
  await owner.getByTestId('invite-role').selectOption('agent');
  await owner.getByTestId('invite-submit').click();
  const link = owner.getByTestId('invite-link');
  await link.waitFor();
  const acceptUrl = await link.inputValue();

  agentContext = await newWatchedContext(browser, dialogs);
  agent = await agentContext.newPage();
  await agent.setViewportSize({ width: 1360, height: 900 });
  await agent.goto(acceptUrl);
  await agent.getByTestId('invite-accept-name').fill(AGENT.name);
  await agent.getByTestId('invite-accept-password').fill(AGENT.password);
  await agent.getByTestId('invite-accept-submit').click();
  await agent.waitForURL(/\/conversations$/);
  const me = await callAsConsole<Me>(agent, stack.apiUrl, 'GET', '/v1/me');
  expect(me.role).toBe('agent');
});

test('the agent sees the inbox details read-only, with no save', async () => {
  await agent.goto(`${stack.apiUrl}/settings/inbox`);
  await agent.getByTestId('inbox-details-read-only').waitFor();
  expect((await agent.getByTestId('inbox-details-read-only').textContent())?.trim()).toBe(
    'Only owners and admins can change this.',
  );
  expect(await agent.getByTestId('inbox-name').isDisabled()).toBe(true);
  expect(await agent.getByTestId('inbox-save').count()).toBe(0);
  expect(await agent.getByTestId('origin-input').count()).toBe(0);
  expect(await agent.getByTestId('origin-add').count()).toBe(0);
  expect(await agent.getByRole('button', { name: /^Remove / }).count()).toBe(0);
  expect(await agent.getByRole('button', { name: 'Allow it' }).count()).toBe(0);
  await expectAccessible(agent, 'the inbox settings seen by an agent');
  await saveTallLightAndDark(agent, 'agent-readonly-inbox');
  await agent.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(agent, 'the inbox settings seen by an agent, dark');
  await agent.emulateMedia({ colorScheme: 'light' });
  expect(dialogs).toEqual([]);
});

test('the owner still edits and saves the same form', async () => {
  await owner.goto(`${stack.apiUrl}/settings/inbox`);
  await owner.getByTestId('inbox-save').waitFor();
  expect(await owner.getByTestId('inbox-details-read-only').count()).toBe(0);
  await owner.getByTestId('inbox-name').fill('Shop');
  await owner.getByTestId('origin-input').fill('https://shop.example.com');
  await owner.getByTestId('origin-add').click();
  await owner.getByTestId('inbox-save').click();
  await owner.getByText('Saved').first().waitFor();
  await agent.reload();
  await agent.getByTestId('inbox-details-read-only').waitFor();
  expect(await agent.getByTestId('inbox-name').inputValue()).toBe('Shop');
  expect(await agent.getByTestId('allowed-origins').textContent()).toContain('https://shop.example.com');
});
