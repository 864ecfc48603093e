import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentConversationList, InboxList, Team } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole, saveLightAndDark } from './support/console-helpers.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// Moving conversations to a team through the real console, api and database: from the header's team
// menu (opened with `t`) and from the bulk bar. An assignee outside the new team loses the conversation
// and routing gives it to a member; a second console sees every change live.

let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let boContext: BrowserContext;
let owner: Page;
let bo: Page;
let billing: Team;
let sales: Team;
let ownerId: string;
let boId: string;
let siteKey: string;
const dialogs: string[] = [];
const OWNER = { email: 'tia@acme.test', name: 'Tia Teams', workspace: 'Acme Teams' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) =>
  callAsConsole<T>(owner, stack.apiUrl, method, path, body);
const findConversation = async (id: string) =>
  (await call<AgentConversationList>('GET', '/v1/conversations?status=all')).conversations.find((c) => c.id === id);

test('the header’s team menu (t): moved to Billing, the owner outside it loses it to Bo, live in Bo’s console', async () => {
  ownerContext = await newWatchedContext(browser, dialogs);
  owner = await ownerContext.newPage();
  await owner.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  ownerId = (await call<{ user: { id: string } }>('GET', '/v1/me')).user.id;
  const acceptUrl = await inviteOverHttp(ownerContext, stack.apiUrl, { email: 'bo@acme.test', role: 'agent' });
  const accepted = await acceptOverHttp(browser, stack.apiUrl, acceptUrl, {
    name: 'Bo Teammate',
    password: 'correct horse 42',
  });
  boContext = accepted.context;
  boId = accepted.me.user.id;
  billing = await call<Team>('POST', '/v1/teams', { name: 'Billing', memberIds: [boId] });
  sales = await call<Team>('POST', '/v1/teams', { name: 'Sales', memberIds: [ownerId] });
  siteKey = (await call<InboxList>('GET', '/v1/inboxes')).inboxes[0]!.siteKey;

  // Only the owner is online: routing gives them the first conversation.
  await owner.goto(`${stack.apiUrl}/conversations`);
  await owner.getByTestId('inbox-filter').waitFor();
  const visitor = await VisitorSocket.connect(stack, siteKey);
  const { conversationId } = await visitor.send('My invoice shows the wrong amount');
  await eventually(async () => expect((await findConversation(conversationId))?.assignee?.id).toBe(ownerId));

  bo = await boContext.newPage();
  await bo.setViewportSize({ width: 1360, height: 860 });
  await bo.goto(`${stack.apiUrl}/conversations/${conversationId}?status=all`);
  await eventually(async () => expect(await bo.getByTestId('conversation-team').textContent()).toBe('No team'));

  await owner.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await eventually(async () => expect(await owner.getByTestId('conversation-assignee').textContent()).toBe(OWNER.name));
  // Esc leaves the composer (focused on opening), so t is a shortcut rather than a letter.
  await owner.keyboard.press('Escape');
  await owner.keyboard.press('t');
  const menu = owner.getByTestId('team-menu');
  await menu.waitFor();
  await eventually(async () => expect(await menu.getByTestId('team-option').count()).toBe(3));
  expect(await menu.getByTestId('team-option').allTextContents()).toEqual([
    expect.stringContaining('No team'),
    expect.stringContaining('Billing'),
    expect.stringContaining('Sales'),
  ]);
  expect(await owner.evaluate(() => document.activeElement?.textContent)).toContain('No team');
  await expectAccessible(owner, 'the team menu');
  await saveLightAndDark(owner, 'console-assign-team-menu');

  await owner.keyboard.press('ArrowDown');
  await owner.keyboard.press('Enter');
  await eventually(async () => expect(await owner.getByTestId('conversation-team').textContent()).toBe('Billing'));
  // The owner is not in Billing: it went back to the queue and routing gave it to Bo, who is online.
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-assignee').textContent()).toBe('Bo Teammate'),
  );
  await eventually(async () => {
    const lines = await owner.getByTestId('system-line').allTextContents();
    expect(lines.some((line) => line.startsWith(`Moved to team Billing by ${OWNER.name}`))).toBe(true);
  });
  // Bo's console, which did nothing, follows.
  await eventually(async () => expect(await bo.getByTestId('conversation-team').textContent()).toBe('Billing'));
  await eventually(async () => expect(await bo.getByTestId('conversation-assignee').textContent()).toBe('Bo Teammate'));
  expect(await findConversation(conversationId)).toMatchObject({ teamId: billing.id, assignee: { id: boId } });
  await saveLightAndDark(owner, 'console-assign-team-moved');
});

test('the bulk bar moves a selection to Sales; Bo’s team view counts follow live', async () => {
  await bo.goto(`${stack.apiUrl}/conversations?status=all`);
  await bo.getByTestId('team-Sales').waitFor();
  expect(await bo.getByTestId('team-count-Sales').textContent()).toBe('0');
  await eventually(async () => expect(await bo.getByTestId('team-count-Billing').textContent()).toBe('1'));

  const ids: string[] = [];
  for (const text of ['Do you ship to Norway?', 'Can I pay by invoice?'])
    ids.push((await (await VisitorSocket.connect(stack, siteKey)).send(text)).conversationId);
  await owner.goto(`${stack.apiUrl}/conversations?status=all`);
  const boxes = owner.locator('[data-testid^="select-"]');
  await eventually(async () => expect(await boxes.count()).toBe(3));
  // The two newest are the first rows.
  await boxes.nth(0).click();
  await boxes.nth(1).click({ modifiers: ['Shift'] });
  await eventually(async () => expect(await owner.getByTestId('bulk-count').textContent()).toContain('2 selected'));
  const teamSelect = owner.getByTestId('bulk-team');
  await eventually(async () => expect(await teamSelect.locator('option', { hasText: 'Sales' }).count()).toBe(1));
  await saveLightAndDark(owner, 'console-assign-team-bulk-bar');
  await teamSelect.selectOption(sales.id);
  await eventually(async () => expect(await owner.getByTestId('bulk-bar').count()).toBe(0));

  await eventually(async () => expect(await bo.getByTestId('team-count-Sales').textContent()).toBe('2'));
  expect(await bo.getByTestId('team-count-Billing').textContent()).toBe('1');
  // Sales is the owner's team: whoever had them outside it lost them to the owner.
  for (const id of ids)
    await eventually(async () =>
      expect(await findConversation(id)).toMatchObject({ teamId: sales.id, assignee: { id: ownerId } }),
    );
  await owner.getByTestId('team-Sales').click();
  await eventually(async () => expect(await owner.getByTestId('conversation-row').count()).toBe(2));
  await saveLightAndDark(bo, 'console-assign-team-bulk-live');
});
