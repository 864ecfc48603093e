import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, InboxIdentity, InboxList, VisitorProfile } from '../api/src/protocol/index.ts';
import { AgentSocket } from './support/agent-api.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { ANN, expectSpaEvent, giveIdentitySecretToExampleSite, signInOnSpa, spaUrl } from './support/spa-identify.ts';
import { type Stack, startStack } from './support/stack.ts';

// The visitor sidebar and the keyboard shortcuts, through the real console, api and example site: a
// signed-in user of the example app with attributes writes twice (the first conversation resolved); the
// owner sees who they are, what they set, where they are, on what and at what time, and their earlier
// conversation; then works with the keyboard only.
let stack: Stack;
let browser: Browser;
let owner: Page;
let visitor: Page;
let siteKey = '';
let firstId = '';
let secondId = '';
const dialogs: string[] = [];
const OWNER = { email: 'kim@acme.test', name: 'Kim Keys', workspace: 'Acme Bikes' };
const DESKTOP = { width: 1500, height: 860 };
const LONG_NOTE = `Prefers e-mail. ${'Rides every day, rain or shine. '.repeat(6)}`.trim();
const MARKUP = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const sidebar = () => owner.getByTestId('visitor-sidebar');

async function conversationIds(): Promise<string[]> {
  const { conversations } = await callAsConsole<ConversationList>(
    owner,
    stack.apiUrl,
    'GET',
    '/v1/conversations?status=all',
  );
  return conversations.map((conversation) => conversation.id);
}

async function focusedTestId(): Promise<string | null> {
  return owner.evaluate(() => {
    const element = document.activeElement;
    const id = element?.getAttribute('data-conversation-id');
    return `${element?.getAttribute('data-testid') ?? element?.tagName}${id ? `:${id}` : ''}`;
  });
}

test('a signed-in visitor with attributes writes twice from the example app; the first conversation is resolved', async () => {
  owner = await (await newWatchedContext(browser, dialogs)).newPage();
  await owner.setViewportSize(DESKTOP);
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const { inboxes } = await callAsConsole<InboxList>(owner, stack.apiUrl, 'GET', '/v1/inboxes');
  const inbox = inboxes[0];
  if (!inbox) throw new Error('signup made no inbox');
  siteKey = inbox.siteKey;
  const { secret } = await callAsConsole<InboxIdentity>(owner, stack.apiUrl, 'GET', `/v1/inboxes/${inbox.id}/identity`);
  await giveIdentitySecretToExampleSite(stack.siteUrl, secret);

  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(spaUrl(stack.siteUrl, siteKey));
  await signInOnSpa(visitor, ANN);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'My chain snapped');
  await expectMessageOnce(visitor, 'My chain snapped');
  await eventually(async () => expect(await conversationIds()).toHaveLength(1));
  firstId = (await conversationIds())[0] ?? '';
  const agentSocket = await AgentSocket.connect(stack.apiUrl, owner.context());
  await agentSocket.command('conversation.resolve', { conversationId: firstId });
  await agentSocket.close();

  // A page load on another page of the app: the chat comes back with it and notes the page.
  await visitor.goto(spaUrl(stack.siteUrl, siteKey, '/app/orders'));
  await openWidget(visitor);
  // After the app's own setAttributes of this page load, which replaces the set.
  await expectSpaEvent(visitor, 'open');
  await visitor.evaluate(
    ({ note, markup }) => window.Parley('setAttributes', { plan: 'Commuter', note, 'favourite.part': markup }),
    { note: LONG_NOTE, markup: MARKUP },
  );
  await sendFromWidget(visitor, 'Where is my order?');
  await expectMessageOnce(visitor, 'Where is my order?');
  await eventually(async () => expect(await conversationIds()).toHaveLength(2));
  secondId = (await conversationIds()).find((id) => id !== firstId) ?? '';
  const { conversations } = await callAsConsole<ConversationList>(owner, stack.apiUrl, 'GET', '/v1/conversations');
  const visitorId = conversations[0]?.visitor.id ?? '';
  await eventually(async () => {
    const profile = await callAsConsole<VisitorProfile>(owner, stack.apiUrl, 'GET', `/v1/visitors/${visitorId}`);
    expect(Object.keys(profile.attributes)).toContain('note');
  });
});

test('the agent sees who the visitor is, what the site set, where they are, on what, at what time, and before', async () => {
  await owner.goto(`${stack.apiUrl}/conversations/${secondId}`);
  await eventually(async () => expect(await sidebar().getAttribute('data-state')).toBe('ready'));
  const verified = sidebar().getByTestId('visitor-verified');
  expect(await verified.textContent()).toBe('Verified');
  expect(await sidebar().getByTestId('visitor-sidebar-email').textContent()).toBe(ANN.email);
  expect(await sidebar().getByText(ANN.name).count()).toBe(1);

  const attributes = sidebar().getByTestId('visitor-attribute');
  expect(await attributes.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))).toEqual([
    'favourite.part',
    'note',
    'plan',
  ]);
  // Markup set by the host page is text, and nothing ran.
  expect(await sidebar().locator('[data-key="favourite.part"] dd').textContent()).toBe(MARKUP);
  expect(await sidebar().locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);

  const currentPage = sidebar().getByTestId('visitor-current-page');
  expect(await currentPage.getAttribute('href')).toBe(spaUrl(stack.siteUrl, siteKey, '/app/orders'));
  expect(await currentPage.getAttribute('target')).toBe('_blank');
  expect(await currentPage.getAttribute('rel')).toBe('noopener noreferrer');
  const pages = sidebar().getByTestId('visitor-page-view');
  expect(await pages.count()).toBeGreaterThanOrEqual(2);
  expect(await pages.first().locator('a').getAttribute('href')).toContain('/app/orders');

  expect(await sidebar().getByTestId('visitor-device').textContent()).toMatch(/^Chrome \d+ on Linux$/);
  expect(await sidebar().getByTestId('visitor-local-time').textContent()).toMatch(
    /^\d\d:\d\d \(GMT([+-]\d+(:\d\d)?)?\)$/,
  );

  await verified.focus();
  expect(await owner.getByRole('tooltip').first().isVisible()).toBe(true);
  await expectNoSeriousA11yViolations(owner, 'the visitor sidebar');
  await verified.blur();
  await saveLightAndDark(owner, 'console-visitor-sidebar');
  await sidebar().getByTestId('visitor-past-conversation').scrollIntoViewIfNeeded();
  await saveScreenshot(owner, 'console-visitor-sidebar-end');

  // The earlier conversation opens from the sidebar.
  await sidebar().getByTestId('visitor-past-conversation').click();
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-view').getAttribute('data-conversation-id')).toBe(firstId),
  );
  expect(await owner.getByTestId('conversation-status').getAttribute('data-status')).toBe('resolved');
});

test('keyboard only: ? lists the shortcuts, j/k move, Enter opens, r and Enter reply, e resolves', async () => {
  await owner.goto(`${stack.apiUrl}/conversations?status=all`);
  await eventually(async () => expect(await owner.getByTestId('conversation-row').count()).toBe(2));
  await owner.keyboard.press('?');
  const help = owner.getByTestId('shortcut-help');
  await help.waitFor();
  expect(await focusedTestId()).toBe('shortcut-help-close');
  expect(await help.getByTestId('shortcut-help-item').count()).toBeGreaterThanOrEqual(12);
  // The focus stays in the dialog.
  await owner.keyboard.press('Tab');
  expect(await owner.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  await expectNoSeriousA11yViolations(owner, 'the shortcuts help');
  await saveLightAndDark(owner, 'console-shortcut-help');
  await owner.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
  expect(await focusedTestId()).toBe('BODY');

  // Newest first: j goes to the open conversation, j again to the resolved one, k back.
  await owner.keyboard.press('j');
  expect(await focusedTestId()).toBe(`conversation-row:${secondId}`);
  await owner.keyboard.press('j');
  expect(await focusedTestId()).toBe(`conversation-row:${firstId}`);
  await owner.keyboard.press('j');
  expect(await focusedTestId()).toBe(`conversation-row:${firstId}`);
  expect(await owner.getByTestId('shortcut-announcement').textContent()).toBe('Last conversation.');
  await owner.keyboard.press('k');
  expect(await focusedTestId()).toBe(`conversation-row:${secondId}`);
  await owner.keyboard.press('Enter');
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-view').getAttribute('data-conversation-id')).toBe(secondId),
  );

  await owner.keyboard.press('r');
  expect(await focusedTestId()).toBe('composer');
  await owner.keyboard.type('It ships tomorrow');
  await owner.keyboard.press('Enter');
  await expectMessageOnce(visitor, 'It ships tomorrow');
  // Esc leaves the composer, so e is a shortcut again rather than a letter.
  await owner.keyboard.press('Escape');
  await owner.keyboard.press('e');
  await eventually(async () =>
    expect(await owner.getByTestId('conversation-status').getAttribute('data-status')).toBe('resolved'),
  );
  expect(await owner.getByTestId('shortcut-announcement').textContent()).toBe('Resolving the conversation.');

  await owner.keyboard.press('g');
  await owner.keyboard.press('s');
  await owner.waitForURL(/\/settings\/inbox$/);
  await owner.keyboard.press('g');
  await owner.keyboard.press('i');
  await owner.waitForURL(/\/conversations$/);
});
