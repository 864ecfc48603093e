import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentConversationList, CannedResponseList, LabelList, Me } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { saveLightAndDark } from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import {
  callApi,
  expectAccessible,
  makeAgentOf,
  saveTallLightAndDark,
  signUpOverHttp,
  withApiStopped,
} from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// Canned responses and labels through the real console, api, widget and database: an owner writes a
// shared response and a label; an agent types /ref, picks it with the keyboard and sends it, and the
// visitor reads the expanded text; the agent labels the conversation, the chip shows in the header and
// the list, and in the owner's console at once (over its socket); the list filters by it; the owner
// renames the label and the agent's chips follow without a reload.

let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
let ownerMe: Me;
let agentContext: BrowserContext;
let agent: Page;
let visitor: Page;
let exampleSiteLink = '';
let labelledId = '';
let otherId = '';
const dialogs: string[] = [];
const OWNER = { email: 'olga@acme.test', name: 'Olga Owner', workspace: 'Acme Bikes' };
const AGENT = { email: 'arne@acme.test', name: 'Arne Agent', workspace: 'Scratch', password: 'correct horse battery' };
const REFUND_BODY = 'Hi {{visitor.name}}, refunds reach your card within 5 working days.';
const REFUND_SENT = 'Hi there, refunds reach your card within 5 working days.';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const ownerCall = <T>(method: 'GET' | 'POST', path: string, data?: unknown) =>
  callApi<T>(ownerContext, stack.apiUrl, method, path, data);

/** The chips on the conversation in its header (not those in the open label picker). */
const headerChips = (page: Page) =>
  page.getByTestId('conversation-labels').locator(':scope > li > [data-testid="label-chip"]');

async function openSettings(page: Page, tab: 'canned-responses' | 'labels') {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-tab-${tab}`).click();
  await page.getByTestId(`settings-tab-${tab}`).and(page.locator('[aria-current="page"]')).waitFor();
}

test('an owner and an agent of the same workspace', async () => {
  ownerContext = await newWatchedContext(browser, dialogs);
  owner = await ownerContext.newPage();
  await owner.setViewportSize({ width: 1360, height: 900 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  ownerMe = await ownerCall<Me>('GET', '/v1/me');
  await owner.getByTestId('nav-settings').click();
  exampleSiteLink = (await owner.getByTestId('example-site-link').getAttribute('href')) ?? '';
  const signedUp = await signUpOverHttp(browser, stack.apiUrl, AGENT);
  agentContext = signedUp.context;
  await withApiStopped(stack, (db) => makeAgentOf(db, signedUp.userId, ownerMe.workspace.id));
  await owner.reload();
  await owner.getByTestId('nav-settings').waitFor({ timeout: 20_000 });
});

test('the owner creates a label: empty state, editor with the colour swatches, the list', async () => {
  await openSettings(owner, 'labels');
  await owner.getByText('No labels yet').waitFor();
  await saveTallLightAndDark(owner, 'settings-labels-empty');
  await expectAccessible(owner, 'the empty labels page');

  await owner.getByTestId('label-new').click();
  const editor = owner.getByTestId('label-editor');
  await editor.getByTestId('label-name-input').fill('Refund');
  await editor.getByTestId('label-color-red').click();
  await saveTallLightAndDark(owner, 'settings-label-editor');
  await expectAccessible(owner, 'the new-label editor');
  await editor.getByTestId('label-save').click();
  await owner.getByTestId('label-row').first().waitFor();

  // A name taken (ignoring case) is explained at the field, and nothing is stored.
  await owner.getByTestId('label-new').click();
  await owner.getByTestId('label-name-input').fill('refund');
  await owner.getByTestId('label-save').click();
  await owner.getByText('There is already a label called Refund.').waitFor();
  await owner.getByTestId('label-name-input').fill('VIP');
  await owner.getByTestId('label-color-purple').click();
  await owner.getByTestId('label-save').click();
  await eventually(async () => expect(await owner.getByTestId('label-row').count()).toBe(2));
  await saveTallLightAndDark(owner, 'settings-labels');
  await expectAccessible(owner, 'the labels page');

  const { labels } = await ownerCall<LabelList>('GET', '/v1/labels');
  expect(labels.map((label) => [label.name, label.color])).toEqual([
    ['Refund', 'red'],
    ['VIP', 'purple'],
  ]);
});

test('the owner writes a shared canned response', async () => {
  await openSettings(owner, 'canned-responses');
  await owner.getByText('No canned responses yet').waitFor();
  await owner.getByTestId('canned-new').click();
  const editor = owner.getByTestId('canned-editor');
  await editor.getByTestId('canned-shortcut-input').fill('/Refund');
  await editor.getByTestId('canned-title-input').fill('Refund policy');
  await editor.getByTestId('canned-body-input').fill(REFUND_BODY);
  await editor.getByTestId('canned-scope-shared').check();
  await saveTallLightAndDark(owner, 'settings-canned-editor');
  await expectAccessible(owner, 'the canned response editor');
  await editor.getByTestId('canned-save').click();
  await owner.getByTestId('canned-group-shared').getByTestId('canned-row').waitFor();
  await saveTallLightAndDark(owner, 'settings-canned-responses');
  await expectAccessible(owner, 'the canned responses page');

  const { cannedResponses } = await ownerCall<CannedResponseList>('GET', '/v1/canned-responses');
  expect(cannedResponses.map((r) => [r.shortcut, r.title, r.scope])).toEqual([['refund', 'Refund policy', 'shared']]);
});

test('an agent sees the shared response without its editing controls, and writes a personal one', async () => {
  agent = await agentContext.newPage();
  await agent.setViewportSize({ width: 1360, height: 900 });
  await agent.goto(`${stack.apiUrl}/settings/canned-responses`);
  const sharedRow = agent.getByTestId('canned-group-shared').getByTestId('canned-row');
  await sharedRow.waitFor();
  expect(await sharedRow.getByTestId('canned-edit').count()).toBe(0);
  await agent.getByTestId('canned-new').click();
  expect(await agent.getByTestId('canned-scope-shared').isDisabled()).toBe(true);
  await agent.getByTestId('canned-shortcut-input').fill('thanks');
  await agent.getByTestId('canned-title-input').fill('Thank you');
  await agent.getByTestId('canned-body-input').fill('Thanks for your patience!');
  await agent.getByTestId('canned-save').click();
  await agent.getByTestId('canned-group-personal').getByTestId('canned-row').waitFor();
  await saveTallLightAndDark(agent, 'settings-canned-responses-agent');
  await expectAccessible(agent, 'the canned responses page of an agent');
  // The owner does not see it.
  const { cannedResponses } = await ownerCall<CannedResponseList>('GET', '/v1/canned-responses');
  expect(cannedResponses.map((r) => r.shortcut)).toEqual(['refund']);
});

test('the agent types /ref, picks the response with the keyboard and sends it; the visitor reads it filled in', async () => {
  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(exampleSiteLink);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'Where is my refund?');
  await expectMessageOnce(visitor, 'Where is my refund?');

  await agent.goto(`${stack.apiUrl}/conversations`);
  const row = agent.getByTestId('conversation-row').first();
  await row.waitFor({ timeout: 15_000 });
  labelledId = (await row.getAttribute('data-conversation-id')) ?? '';
  await row.click();
  await expectMessageOnce(agent, 'Where is my refund?');

  const composer = agent.getByTestId('composer');
  await composer.pressSequentially('/ref');
  const option = agent.getByTestId('canned-option').first();
  await option.waitFor();
  expect(await option.getAttribute('data-shortcut')).toBe('refund');
  expect(await option.getAttribute('aria-selected')).toBe('true');
  expect(await composer.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
  await saveLightAndDark(agent, 'composer-canned-picker');
  await expectAccessible(agent, 'the composer with its canned responses open');

  // Escape closes it without touching the text; going on typing in the same word keeps it closed.
  await composer.press('Escape');
  expect(await agent.getByTestId('canned-picker').count()).toBe(0);
  expect(await composer.inputValue()).toBe('/ref');
  await composer.press('Backspace');
  await composer.press('Backspace');
  await composer.press('Backspace');
  await composer.pressSequentially('ref');
  expect(await agent.getByTestId('canned-picker').count()).toBe(0);
  await composer.fill('');
  await composer.pressSequentially('/ref');
  await option.waitFor();
  await composer.press('ArrowDown');
  await composer.press('ArrowUp');
  await composer.press('Enter');
  await eventually(async () => expect(await composer.inputValue()).toBe(REFUND_SENT));
  await composer.press('Enter');
  await expectMessageOnce(agent, REFUND_SENT);
  await expectMessageOnce(visitor, REFUND_SENT);
});

test('the agent adds a label: a chip in the header and the row, and at once in the owner’s console', async () => {
  // Another conversation, without the label, for the filter.
  const other = await VisitorSocket.connect(
    stack,
    (await ownerCall<{ inboxes: { siteKey: string }[] }>('GET', '/v1/inboxes')).inboxes[0]!.siteKey,
  );
  otherId = (await other.send('Do you ship to Norway?')).conversationId;
  await other.close();
  await owner.goto(`${stack.apiUrl}/conversations/${labelledId}?status=all`);
  const ownerRow = owner.locator(`[data-testid="conversation-row"][data-conversation-id="${labelledId}"]`);
  await ownerRow.waitFor();
  await owner.getByTestId('conversation-labels').waitFor();
  // From here every label read the owner's console makes is noted: the chip must come over the socket.
  await owner.waitForLoadState('networkidle');
  const ownerLabelReads: string[] = [];
  owner.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith('/labels') || pathname === '/v1/conversations') ownerLabelReads.push(request.url());
  });
  expect(await ownerRow.getByTestId('label-chip').count()).toBe(0);

  await agent.getByTestId('label-add').click();
  await agent.getByTestId('label-search').pressSequentially('ref');
  await agent.getByTestId('label-option').first().waitFor();
  await saveLightAndDark(agent, 'conversation-label-picker');
  await expectAccessible(agent, 'the label picker');
  await agent.getByTestId('label-search').press('Enter');
  await headerChips(agent).waitFor();
  expect(await headerChips(agent).textContent()).toBe('Refund');
  await agent.getByTestId('label-search').press('Escape');
  expect(await agent.getByTestId('label-picker').count()).toBe(0);
  expect(await agent.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('label-add');
  const agentRow = agent.locator(`[data-testid="conversation-row"][data-conversation-id="${labelledId}"]`);
  await eventually(async () => expect(await agentRow.getByTestId('label-chip').textContent()).toBe('Refund'));
  await saveLightAndDark(agent, 'conversation-labelled');
  await expectAccessible(agent, 'a labelled conversation');
  // The assignee button is named by the words it shows, not by the avatar's initials.
  const assigneeName = await agent.getByTestId('conversation-assignee').textContent();
  expect(await agent.getByTestId('assign-button').ariaSnapshot()).toBe(`- button "Assigned to ${assigneeName}"`);

  // The owner's console, untouched: the chip shows in its header and its row without reading anything.
  await eventually(async () => expect(await headerChips(owner).textContent()).toBe('Refund'));
  await eventually(async () => expect(await ownerRow.getByTestId('label-chip').textContent()).toBe('Refund'));
  expect(ownerLabelReads).toEqual([]);
  await saveLightAndDark(owner, 'conversation-labelled-live');

  const list = await ownerCall<AgentConversationList>('GET', '/v1/conversations?status=all');
  expect(list.conversations.find((c) => c.id === labelledId)?.labels.map((l) => l.name)).toEqual(['Refund']);
  expect(list.conversations.find((c) => c.id === otherId)?.labels).toEqual([]);
});

test('the list filters by label, and the filter stays in the URL', async () => {
  await agent.goto(`${stack.apiUrl}/conversations?status=all`);
  const rows = agent.getByTestId('conversation-row');
  await eventually(async () => expect(await rows.count()).toBe(2));
  const { labels } = await ownerCall<LabelList>('GET', '/v1/labels');
  const refund = labels.find((label) => label.name === 'Refund')!;
  const vip = labels.find((label) => label.name === 'VIP')!;
  await agent.getByTestId('label-filter').selectOption(refund.id);
  await eventually(async () => expect(await rows.count()).toBe(1));
  expect(await rows.first().getAttribute('data-conversation-id')).toBe(labelledId);
  expect(new URL(agent.url()).searchParams.get('label')).toBe(refund.id);
  await saveLightAndDark(agent, 'conversation-list-label-filter');
  await expectAccessible(agent, 'the list filtered by label');

  await agent.getByTestId('label-filter').selectOption(vip.id);
  await agent.getByText('No conversations with this label').waitFor();
  await agent.reload();
  await agent.getByText('No conversations with this label').waitFor();
  await agent.getByTestId('label-filter').selectOption('');
  await eventually(async () => expect(await rows.count()).toBe(2));
  expect(dialogs).toEqual([]);
});

test('the owner renames and recolours a label: the agent’s chips and filter follow without a reload', async () => {
  const agentRow = agent.locator(`[data-testid="conversation-row"][data-conversation-id="${labelledId}"]`);
  await agentRow.getByTestId('label-chip').waitFor();
  await agentRow.click();
  await headerChips(agent).waitFor();

  await openSettings(owner, 'labels');
  const refundRow = owner.getByTestId('label-row').filter({ hasText: 'Refund' });
  await refundRow.getByTestId('label-edit').click();
  await owner.getByTestId('label-name-input').fill('Refunds');
  await owner.getByTestId('label-color-amber').click();
  await owner.getByTestId('label-save').click();
  await owner.getByTestId('label-row').filter({ hasText: 'Refunds' }).waitFor();

  for (const chip of [headerChips(agent), agentRow.getByTestId('label-chip')]) {
    await eventually(async () => {
      expect(await chip.textContent()).toBe('Refunds');
      expect(await chip.getAttribute('data-color')).toBe('amber');
    });
  }
  const options = await agent.getByTestId('label-filter').locator('option').allTextContents();
  expect(options).toEqual(['Any label', 'Refunds', 'VIP']);
  await saveLightAndDark(agent, 'conversation-label-renamed-live');
  await expectAccessible(agent, 'a conversation whose label was renamed');
  expect(dialogs).toEqual([]);
});
