import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// Typing both ways, "Seen" both ways and the collision warning, through the real widget, console and api:
// a visitor on the example site, Ada answering in the console, Bob looking at the same conversation.
let stack: Stack;
let browser: Browser;
let ada: Page;
let bob: Page;
let visitor: Page;
let conversationId = '';
const dialogs: string[] = [];
const DESKTOP = { width: 1440, height: 860 };

/**
 * Typing stops being shown a few seconds after the last keystroke, so each picture (light, then dark) is
 * taken right after one more key, once the indicator is there.
 */
async function shootWhileTyping(page: Page, name: string, typeOneKey: () => Promise<void>, testId: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(300);
    await typeOneKey();
    await page.getByTestId(testId).waitFor();
    await saveScreenshot(page, `${name}-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('a visitor writes; Ada and Bob open the conversation and each sees the other viewing it', async () => {
  const adaContext = await newWatchedContext(browser, dialogs);
  ada = await adaContext.newPage();
  await ada.setViewportSize(DESKTOP);
  await signUpThroughConsole(ada, stack.apiUrl, { email: 'ada@acme.test', name: 'Ada Lovelace', workspace: 'Acme' });
  await ada.getByTestId('nav-settings').click();
  const exampleSiteLink = (await ada.getByTestId('example-site-link').getAttribute('href')) ?? '';
  const acceptUrl = await inviteOverHttp(adaContext, stack.apiUrl, { email: 'bob@acme.test', role: 'agent' });
  const accepted = await acceptOverHttp(browser, stack.apiUrl, acceptUrl, {
    name: 'Bob Builder',
    password: 'correct horse battery',
  });
  bob = await accepted.context.newPage();
  await bob.setViewportSize(DESKTOP);

  visitor = await (await newWatchedContext(browser, dialogs)).newPage();
  await visitor.goto(exampleSiteLink);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'Is the blue frame in stock?');
  await expectMessageOnce(visitor, 'Is the blue frame in stock?');
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

  await ada.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await expectMessageOnce(ada, 'Is the blue frame in stock?');
  await bob.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  await expectMessageOnce(bob, 'Is the blue frame in stock?');
  await eventually(async () =>
    expect(await bob.getByTestId('conversation-viewers').textContent()).toContain('Ada Lovelace'),
  );
  await eventually(async () =>
    expect(await ada.getByTestId('conversation-viewers').textContent()).toContain('Bob Builder'),
  );
  await saveLightAndDark(ada, 'typing-console-viewers');
});

test('the visitor types: Ada sees "Visitor is typing…", and it goes away by itself when they stop', async () => {
  const composer = visitor.getByTestId('parley-composer');
  await composer.fill('Also, do you ship to Norway');
  await ada.getByTestId('visitor-typing').waitFor();
  await shootWhileTyping(ada, 'typing-console-visitor-typing', () => composer.pressSequentially('?'), 'visitor-typing');
  await composer.pressSequentially(' ');
  await ada.getByTestId('visitor-typing').waitFor();
  await expectNoSeriousA11yViolations(ada, 'the console with the visitor typing');
  // Idle for a few seconds: the widget says it stopped (the console would forget it after 6 s anyway).
  await ada.getByTestId('visitor-typing').waitFor({ state: 'detached', timeout: 12_000 });
  await visitor.getByTestId('parley-composer').fill('');
});

test('Ada types: the visitor sees "Ada Lovelace is typing…", Bob sees the collision warning', async () => {
  await ada.getByTestId('composer').fill('Yes, we have it in 54 and 56');
  const typing = visitor.getByTestId('parley-typing');
  await typing.waitFor();
  expect(await typing.textContent()).toBe('Ada Lovelace is typing…');
  const collision = bob.getByTestId('typing-collision');
  await collision.waitFor();
  expect(await collision.textContent()).toContain('Ada Lovelace is typing a reply here too');
  // Ada never hears about her own typing.
  expect(await ada.getByTestId('typing-collision').count()).toBe(0);

  const adaComposer = ada.getByTestId('composer');
  const oneMoreKey = () => adaComposer.pressSequentially(' ');
  await shootWhileTyping(bob, 'typing-console-collision', oneMoreKey, 'typing-collision');
  await oneMoreKey();
  await collision.waitFor();
  await expectNoSeriousA11yViolations(bob, 'the console with the collision warning');
  await waitForPanelSettled(visitor);
  await shootWhileTyping(visitor, 'typing-widget-agent-typing', oneMoreKey, 'parley-typing');
  await oneMoreKey();
  await typing.waitFor();
  await expectNoSeriousA11yViolations(visitor, 'the widget with an agent typing');
  await adaComposer.fill('Yes, we have it in 54 and 56');
});

test('Ada sends: the typing line goes, and "Seen" shows both ways, live and after reloads', async () => {
  await ada.getByTestId('send').click();
  await expectMessageOnce(visitor, 'Yes, we have it in 54 and 56');
  await visitor.getByTestId('parley-typing').waitFor({ state: 'detached' });
  await bob.getByTestId('typing-collision').waitFor({ state: 'detached' });

  // The widget is open on a visible page: Ada's reply was read; the console was open: the question was read.
  await ada.getByTestId('message-seen').waitFor();
  const seenOnWidget = visitor.getByTestId('parley-seen');
  await seenOnWidget.waitFor();
  expect(await seenOnWidget.textContent()).toBe('Seen');
  const seenMessage = visitor.getByTestId('parley-message').filter({ has: seenOnWidget });
  expect(await seenMessage.getAttribute('data-sender')).toBe('visitor');
  const seenReply = ada.getByTestId('message').filter({ has: ada.getByTestId('message-seen') });
  expect(await seenReply.textContent()).toContain('Yes, we have it in 54 and 56');

  await waitForPanelSettled(visitor);
  await saveScreenshot(visitor, 'typing-widget-seen');
  await expectNoSeriousA11yViolations(visitor, 'the widget with "Seen"');
  await saveLightAndDark(ada, 'typing-console-seen');
  await expectNoSeriousA11yViolations(ada, 'the console with "Seen"');

  await visitor.reload();
  await openWidget(visitor);
  await visitor.getByTestId('parley-seen').waitFor();
  await ada.reload();
  await ada.getByTestId('message-seen').waitFor();
  expect(dialogs).toEqual([]);
});
