import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentConversationList, InboxList, Label, Team } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole, saveLightAndDark } from './support/console-helpers.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// List views and the bulk bar through the real console, api and database: conversations routed to a team
// show in that team's view with a live count; a selection is assigned to a teammate and labelled at once,
// with per-conversation results; joining a conversation I do not hold puts it in Participating.

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let owner: Page;
let team: Team;
let boId: string;
const dialogs: string[] = [];
const OWNER = { email: 'vi@acme.test', name: 'Vi Views', workspace: 'Acme Views' };
const GERMAN = ['Wo ist meine Bestellung?', 'Kann ich umtauschen?'];
const OTHER = 'Do you ship to Norway?';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const rows = (page: Page) => page.getByTestId('conversation-row');
const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) =>
  callAsConsole<T>(owner, stack.apiUrl, method, path, body);
const listAll = () => call<AgentConversationList>('GET', '/v1/conversations?status=all');

test('German visitors are routed to the Billing team; its view counts them live', async () => {
  context = await newWatchedContext(browser, dialogs);
  owner = await context.newPage();
  await owner.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const acceptUrl = await inviteOverHttp(context, stack.apiUrl, { email: 'bo@acme.test', role: 'agent' });
  const bo = await acceptOverHttp(browser, stack.apiUrl, acceptUrl, {
    name: 'Bo Teammate',
    password: 'correct horse 42',
  });
  boId = bo.me.user.id;
  await bo.context.close();
  team = await call<Team>('POST', '/v1/teams', { name: 'Billing', memberIds: [] });
  const { inboxes } = await call<InboxList>('GET', '/v1/inboxes');
  const inbox = inboxes[0]!;
  await call('PUT', `/v1/inboxes/${inbox.id}/rules`, {
    rules: [{ field: 'language', pattern: 'de', teamId: team.id }],
  });
  // Manual routing: conversations stay with offline Bo instead of going back to the queue.
  await call('PATCH', `/v1/inboxes/${inbox.id}`, { routing: { mode: 'manual' } });

  await owner.goto(`${stack.apiUrl}/conversations?status=all`);
  await owner.getByTestId('team-Billing').waitFor();
  expect(await owner.getByTestId('team-count-Billing').textContent()).toBe('0');
  for (const text of GERMAN)
    await (await VisitorSocket.connect(stack, inbox.siteKey, { language: 'de-AT' })).send(text);
  await (await VisitorSocket.connect(stack, inbox.siteKey)).send(OTHER);
  await eventually(async () => expect(await rows(owner).count()).toBe(3));
  await eventually(async () => expect(await owner.getByTestId('team-count-Billing').textContent()).toBe('2'));

  await owner.getByTestId('team-Billing').click();
  await eventually(async () => expect(await rows(owner).count()).toBe(2));
  expect(await rows(owner).allTextContents()).not.toContain(expect.stringContaining(OTHER));
  expect(owner.url()).toContain(`team=${team.id}`);
  await expectAccessible(owner, 'the list with team views');
  await saveLightAndDark(owner, 'console-views-team');
});

test('bulk assign to a teammate, then per-id results when one of them is resolved', async () => {
  const boxes = owner.locator('[data-testid^="select-"]');
  await eventually(async () => expect(await boxes.count()).toBe(2));
  await boxes.nth(0).click();
  await boxes.nth(1).click({ modifiers: ['Shift'] });
  await eventually(async () => expect(await owner.getByTestId('bulk-count').textContent()).toContain('2 selected'));
  const assign = owner.getByTestId('bulk-assign');
  await eventually(async () => expect(await assign.locator('option', { hasText: 'Bo Teammate' }).count()).toBe(1));
  expect(await assign.locator('option', { hasText: 'Bo Teammate' }).textContent()).toContain('offline');
  await expectAccessible(owner, 'the bulk bar with assign and label');
  await saveLightAndDark(owner, 'console-views-bulk-bar');
  await assign.selectOption(boId);
  await eventually(async () => expect(await owner.getByTestId('bulk-bar').count()).toBe(0));
  const german = (await listAll()).conversations.filter((c) => c.teamId === team.id);
  expect(german.map((c) => c.assignee?.id)).toEqual([boId, boId]);

  // One resolved: assigning all three again answers for each.
  const other = (await listAll()).conversations.find((c) => c.teamId !== team.id)!;
  await call('POST', '/v1/conversations/bulk', {
    ids: [german[0]!.id],
    action: { type: 'status', status: 'resolved' },
  });
  await owner.getByTestId('team-any').click();
  await eventually(async () => expect(await boxes.count()).toBe(3));
  // By id, one at a time: the resolve above can still reorder the list under a range click.
  for (const conversation of [...german, other]) await owner.getByTestId(`select-${conversation.id}`).click();
  await eventually(async () => expect(await owner.getByTestId('bulk-count').textContent()).toContain('3 selected'));
  await owner.getByTestId('bulk-assign').selectOption(boId);
  await eventually(async () =>
    expect(await owner.getByTestId('bulk-bar').getByRole('alert').textContent()).toBe(
      '2 of 3 assigned; 1 was resolved.',
    ),
  );
  await saveLightAndDark(owner, 'console-views-bulk-results');
  expect((await listAll()).conversations.find((c) => c.id === other.id)?.assignee?.id).toBe(boId);
});

test('bulk label: the selection gets the label, then loses it', async () => {
  const label = await call<Label>('POST', '/v1/labels', { name: 'refund', color: 'red' });
  await owner.reload();
  const boxes = owner.locator('[data-testid^="select-"]');
  await eventually(async () => expect(await boxes.count()).toBe(3));
  await boxes.nth(0).click();
  await boxes.nth(1).click({ modifiers: ['Shift'] });
  const labelSelect = owner.getByTestId('bulk-label');
  await eventually(async () => expect(await labelSelect.locator(`option[value="add:${label.id}"]`).count()).toBe(1));
  await labelSelect.selectOption(`add:${label.id}`);
  await eventually(async () => expect(await owner.getByTestId('bulk-bar').count()).toBe(0));
  const labelled = async () =>
    (await listAll()).conversations.filter((c) => c.labels.some((l) => l.id === label.id)).length;
  await eventually(async () => expect(await labelled()).toBe(2));
  await boxes.nth(0).click();
  await owner.getByTestId('bulk-label').selectOption(`remove:${label.id}`);
  await eventually(async () => expect(await labelled()).toBe(1));
});
