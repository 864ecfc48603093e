import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, MentionList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromConsole,
  sendFromWidget,
  signUpThroughConsole,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// Internal notes and @mentions through the real console, api and example site: Ada writes a note naming
// Bob; Bob sees the mention arrive, opens it at the note and joins; the visitor on the example site never
// sees the note, live or after a reload, while Ada's reply reaches them.
let stack: Stack;
let browser: Browser;
let ada: Page;
let bob: Page;
let bobContext: BrowserContext;
let visitor: Page;
let exampleSiteLink = '';
let conversationId = '';
const dialogs: string[] = [];
const SECRET = 'refund approved by finance 7731';
const DESKTOP = { width: 1440, height: 860 };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('Ada signs up, invites Bob; a visitor writes from the example site', async () => {
  const adaContext = await newWatchedContext(browser, dialogs);
  ada = await adaContext.newPage();
  await ada.setViewportSize(DESKTOP);
  await signUpThroughConsole(ada, stack.apiUrl, { email: 'ada@acme.test', name: 'Ada Lovelace', workspace: 'Acme' });
  await ada.getByTestId('nav-settings').click();
  exampleSiteLink = (await ada.getByTestId('example-site-link').getAttribute('href')) ?? '';
  const acceptUrl = await inviteOverHttp(adaContext, stack.apiUrl, { email: 'bob@acme.test', role: 'agent' });
  const accepted = await acceptOverHttp(browser, stack.apiUrl, acceptUrl, {
    name: 'Bob Builder',
    password: 'correct horse battery',
  });
  bobContext = accepted.context;
  bob = await bobContext.newPage();
  await bob.setViewportSize(DESKTOP);
  await bob.goto(`${stack.apiUrl}/conversations`);
  await bob.getByTestId('nav-mentions').waitFor();

  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(exampleSiteLink);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'My order #1042 never arrived');
  await expectMessageOnce(visitor, 'My order #1042 never arrived');
  await eventually(async () => {
    const { conversations } = await callAsConsole<ConversationList>(
      ada,
      stack.apiUrl,
      'GET',
      '/v1/conversations?status=all',
    );
    conversationId = conversations[0]?.id ?? '';
    expect(conversationId).not.toBe('');
  });
});

test('Ada switches to Note, mentions Bob from the autocomplete and adds the note', async () => {
  await ada.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await expectMessageOnce(ada, 'My order #1042 never arrived');
  await ada.getByTestId('mode-note').click();
  expect(await ada.locator('form.composer').getAttribute('data-mode')).toBe('note');
  const composer = ada.getByTestId('composer');
  await composer.click();
  await composer.pressSequentially('@Bo');
  await ada.getByTestId('mention-picker').waitFor();
  await expect
    .poll(() => ada.getByTestId('mention-option').allTextContents())
    .toEqual([expect.stringContaining('Bob Builder')]);
  await saveLightAndDark(ada, 'notes-mention-picker');
  await expectNoSeriousA11yViolations(ada, 'the composer in note mode with the mention picker');
  await composer.press('Enter');
  expect(await composer.inputValue()).toBe('@Bob Builder ');
  await composer.pressSequentially(`can you confirm? ${SECRET}`);
  await composer.press('Enter');

  const note = ada.locator('[data-testid="message"][data-kind="note"]');
  await note.filter({ hasText: SECRET }).waitFor();
  await expect.poll(() => note.getAttribute('data-status')).toBe('sent');
  expect(await note.getByTestId('note-label').textContent()).toContain('Internal note');
  await eventually(async () => expect(await ada.getByTestId('participant').count()).toBe(1));
  await saveLightAndDark(ada, 'notes-conversation-with-note');
  await expectNoSeriousA11yViolations(ada, 'a conversation with an internal note');

  // `n` outside the text field switches back to replies.
  await ada.getByTestId('conversation-status').click();
  await ada.keyboard.press('n');
  expect(await ada.locator('form.composer').getAttribute('data-mode')).toBe('reply');
});

test('Bob sees the mention arrive live, opens it at the note and joins', async () => {
  await bob.getByTestId('nav-mentions-count').waitFor();
  expect(await bob.getByTestId('nav-mentions-count').textContent()).toBe('1');
  await bob.getByTestId('nav-mentions').click();
  const row = bob.getByTestId('mention');
  await row.waitFor();
  expect(await row.getAttribute('data-unread')).toBe('true');
  expect(await row.textContent()).toContain('Ada Lovelace mentioned you');
  await saveLightAndDark(bob, 'notes-mentions-page');
  await expectNoSeriousA11yViolations(bob, 'the mentions page');

  await bob.getByTestId('mention-link').click();
  await bob.waitForURL(new RegExp(`/conversations/${conversationId}\\?at=`));
  await bob.locator('[data-testid="message"][data-kind="note"]').filter({ hasText: SECRET }).waitFor();
  await eventually(async () => expect(await bob.getByTestId('nav-mentions-count').count()).toBe(0));
  const { unreadCount } = await callAsConsole<MentionList>(bob, stack.apiUrl, 'GET', '/v1/mentions');
  expect(unreadCount).toBe(0);

  await bob.getByTestId('join-conversation').click();
  await eventually(async () => expect(await bob.getByTestId('participant').count()).toBe(2));
  expect(await bob.getByTestId('join-conversation').count()).toBe(0);
  await eventually(async () => expect(await ada.getByTestId('participant').count()).toBe(2));
  await saveScreenshot(bob, 'notes-participants-header');
});

test('the visitor gets the reply but never the note, live or after a reload', async () => {
  await ada.getByTestId('mode-reply').click();
  await sendFromConsole(ada, 'Good news: a refund is on its way.');
  await expectMessageOnce(visitor, 'Good news: a refund is on its way.');
  const panelText = (await visitor.getByTestId('parley-panel').textContent()) ?? '';
  expect(panelText).toContain('Good news');
  expect(panelText).not.toContain(SECRET);
  expect(panelText).not.toContain('Internal note');

  await visitor.reload();
  await openWidget(visitor);
  await expectMessageOnce(visitor, 'Good news: a refund is on its way.');
  await expectMessageOnce(visitor, 'My order #1042 never arrived');
  expect(await visitor.getByTestId('parley-panel').textContent()).not.toContain(SECRET);
  await saveScreenshot(visitor, 'notes-visitor-never-sees-note');
  expect(dialogs).toEqual([]);
});
