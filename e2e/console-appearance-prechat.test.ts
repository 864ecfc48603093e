import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList, Inbox } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { eventually, signUpThroughConsole, waitForPanelSettled } from './support/parley-pages.ts';
import {
  callApi,
  expectAccessible,
  saveElementScreenshot,
  saveTallLightAndDark,
  saveTallScreenshot,
} from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';

// An admin creates a second inbox, styles it and gives it a pre-chat form, watching the real widget
// change in the preview before saving; a visitor on the example site answers the form (required and
// email errors first), then chats; the agent's visitor sidebar shows the answers.
let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
let inbox: Inbox;
const OWNER = { email: 'ada@acme.test', name: 'Ada Admin', workspace: 'Acme Docs' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
  ownerContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  owner = await ownerContext.newPage();
  owner.on('console', (message) => {
    if (message.type() === 'error') console.log(`[console page] ${message.text()}`);
  });
  owner.on('pageerror', (error) => console.log(`[console page] ${error.message}`));
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The preview's current frame, once the widget drew its launcher in it. */
async function previewFrame(): Promise<Frame> {
  let frame: Frame | null | undefined;
  await eventually(async () => {
    frame = await (await owner.getByTestId('widget-preview-frame').elementHandle())?.contentFrame();
    if (!frame) throw new Error('no preview frame yet');
    await frame.getByTestId('parley-bubble').waitFor({ timeout: 2000 });
  });
  if (!frame) throw new Error('no preview frame');
  return frame;
}

async function inPreview<T>(read: (frame: Frame) => Promise<T>, expected: T) {
  await eventually(async () => expect(await read(await previewFrame())).toEqual(expected));
}

const bubbleColor = (frame: Frame) =>
  frame.getByTestId('parley-bubble').evaluate((button) => getComputedStyle(button).backgroundColor);
const bubbleSide = (frame: Frame) =>
  frame
    .getByTestId('parley-bubble')
    .evaluate((button) => (button.getBoundingClientRect().left < window.innerWidth / 2 ? 'left' : 'right'));
const greeting = (frame: Frame) => frame.getByTestId('parley-greeting').textContent();
const preChatLabels = (frame: Frame) =>
  frame.locator('.prechat-label').evaluateAll((labels) => labels.map((label) => label.firstChild?.textContent));

test('an admin creates a second inbox from the inbox list', async () => {
  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-inboxes').click();
  await owner.getByTestId('inbox-list-item').first().waitFor();
  expect(await owner.getByTestId('inbox-list-item').count()).toBe(1);

  await owner.getByTestId('new-inbox-create').click();
  await owner.getByText('Give the inbox a name').waitFor();
  await owner.getByTestId('new-inbox-name').fill('Docs site');
  await owner.getByTestId('new-inbox-create').click();
  await owner.getByTestId('appearance-form').waitFor();

  const { inboxes } = await callApi<{ inboxes: Inbox[] }>(ownerContext, stack.apiUrl, 'GET', '/v1/inboxes');
  expect(inboxes.map((item) => item.name)).toEqual(['Website', 'Docs site']);
  inbox = inboxes[1]!;
  expect(owner.url()).toContain(`/settings/inboxes/${inbox.id}/appearance`);
  // The example site is this inbox's site too.
  await callApi(ownerContext, stack.apiUrl, 'PATCH', `/v1/inboxes/${inbox.id}`, { allowedOrigins: [stack.siteUrl] });

  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-inboxes').click();
  await eventually(async () => expect(await owner.getByTestId('inbox-list-item').count()).toBe(2));
  await expectAccessible(owner, 'the inbox list');
  await saveTallLightAndDark(owner, 'appearance-inbox-list');
  // Each inbox's own settings (sites, snippet, routing) are one click away.
  await owner.getByRole('link', { name: /^Settings of Docs site/ }).click();
  await eventually(async () => expect(await owner.getByTestId('inbox-name').inputValue()).toBe('Docs site'));
  await owner.getByTestId('settings-tab-inboxes').click();
  await owner.getByRole('link', { name: 'Appearance of Docs site' }).click();
  await owner.getByTestId('appearance-form').waitFor();
});

test('colour, position, greeting and pre-chat fields change the real widget in the preview before saving', async () => {
  await inPreview(greeting, 'Acme DocsHi! How can we help?');
  await inPreview(bubbleColor, 'rgb(79, 70, 229)');
  await inPreview(bubbleSide, 'right');

  await owner.getByTestId('appearance-color').fill('#0f766e');
  await owner.getByTestId('appearance-position-left').check();
  await owner.getByTestId('appearance-greeting').fill('Welcome to the docs. Ask about any page.');
  await inPreview(bubbleColor, 'rgb(15, 118, 110)');
  await inPreview(bubbleSide, 'left');
  await inPreview(greeting, 'Acme DocsWelcome to the docs. Ask about any page.');

  // A colour whose text cannot pass AA, either white or dark, is flagged; a good one is not.
  await owner.getByTestId('appearance-color').fill('#7a7a7a');
  await owner.getByText('below the 4.5:1 WCAG AA asks').waitFor();
  await owner.getByTestId('appearance-color').fill('#0f766e');
  await eventually(async () =>
    expect(await owner.getByTestId('appearance-contrast').textContent()).toContain('WCAG AA'),
  );

  await owner.getByTestId('pre-chat-enabled').check();
  await owner.getByTestId('pre-chat-add').click();
  await owner.getByTestId('pre-chat-add').click();
  await owner.getByTestId('pre-chat-add').click();
  const fields = owner.getByTestId('pre-chat-field');
  await fields.nth(2).getByTestId('pre-chat-label').fill('Plan');
  await fields.nth(2).getByTestId('pre-chat-type').selectOption('select');
  await fields.nth(2).getByTestId('pre-chat-options').fill('Free\nPro\nEnterprise');
  await fields.nth(3).getByTestId('pre-chat-label').fill('Page you are on');
  await fields.nth(3).getByTestId('pre-chat-type').selectOption('textarea');
  await owner.getByRole('button', { name: 'Move Page you are on up' }).click();
  await owner.getByRole('button', { name: 'Remove Page you are on' }).click();
  expect(await fields.count()).toBe(3);
  await inPreview(preChatLabels, ['Name', 'Email', 'Plan']);

  // Closed, the preview shows the launcher alone, in the new corner and colour.
  await owner.getByRole('radio', { name: 'Closed' }).check();
  await inPreview(async (frame) => frame.getByTestId('parley-panel').count(), 0);
  await inPreview(bubbleSide, 'left');
  await saveElementScreenshot(owner, '.widget-preview', 'appearance-preview-closed');
  await owner.getByRole('radio', { name: 'Open' }).check();
  await inPreview(preChatLabels, ['Name', 'Email', 'Plan']);

  const saved = await callApi<Inbox>(ownerContext, stack.apiUrl, 'GET', `/v1/inboxes/${inbox.id}`);
  expect(saved.appearance).toEqual(inbox.appearance);

  await expectAccessible(owner, 'the appearance page');
  await saveTallLightAndDark(owner, 'appearance-page');
  await saveElementScreenshot(owner, '.widget-preview', 'appearance-preview-prechat');

  await owner.getByTestId('appearance-save').click();
  await eventually(async () =>
    expect(await owner.getByTestId('appearance-save-status').textContent()).toContain('Saved'),
  );
  const after = await callApi<Inbox>(ownerContext, stack.apiUrl, 'GET', `/v1/inboxes/${inbox.id}`);
  expect(after.appearance).toMatchObject({
    color: '#0f766e',
    position: 'left',
    greeting: 'Welcome to the docs. Ask about any page.',
    preChatForm: {
      enabled: true,
      fields: [
        { key: 'name', label: 'Name', type: 'text', required: true },
        { key: 'email', label: 'Email', type: 'email', required: true },
        { key: 'plan', label: 'Plan', type: 'select', required: false, options: ['Free', 'Pro', 'Enterprise'] },
      ],
    },
  });
});

async function openPreChat(page: Page) {
  await page.goto(`${stack.siteUrl}/?siteKey=${inbox.siteKey}`);
  await page.getByTestId('parley-bubble').click();
  await page.getByTestId('parley-prechat').waitFor();
  await waitForPanelSettled(page);
}

test('a visitor on the example site answers the pre-chat form, errors first, then chats', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openPreChat(page);
  expect(await page.getByTestId('parley-composer').count()).toBe(0);
  expect(await page.getByTestId('parley-bubble').evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
    'rgb(15, 118, 110)',
  );
  await expectAccessible(page, 'the pre-chat form');
  await saveScreenshot(page, 'appearance-prechat-desktop');

  await page.getByTestId('parley-prechat-start').click();
  await eventually(async () =>
    expect(await page.getByTestId('parley-prechat-alert').textContent()).toBe('Please check the fields marked below.'),
  );
  const form = page.getByTestId('parley-prechat');
  const name = form.getByLabel('Name');
  expect(await name.evaluate((input) => (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true);
  expect(await name.getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByText('Please fill this in.').count()).toBe(2);
  await expectAccessible(page, 'the pre-chat form with errors');
  await saveScreenshot(page, 'appearance-prechat-errors');

  await name.fill('Ann Reader');
  await form.getByLabel('Email').fill('ann@');
  await page.getByTestId('parley-prechat-start').click();
  await page.getByText('Enter an email address like name@example.com.').waitFor();
  await form.getByLabel('Email').fill('ann@example.test');
  await form.getByLabel(/^Plan/).selectOption('Pro');
  await page.keyboard.press('Enter');
  await page.getByTestId('parley-composer').waitFor();
  await page.getByTestId('parley-composer').fill('Where is the API reference?');
  await page.getByTestId('parley-send').click();
  await page.getByTestId('parley-message').first().waitFor();
  await context.close();
});

test('on a phone the form fills the screen, with 16 px inputs', async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await openPreChat(page);
  expect(
    await page
      .getByTestId('parley-prechat')
      .getByLabel('Name')
      .evaluate((input) => getComputedStyle(input).fontSize),
  ).toBe('16px');
  await expectAccessible(page, 'the pre-chat form on a phone');
  await saveScreenshot(page, 'appearance-prechat-phone');
  await context.close();
});

test('in Arabic the form speaks Arabic and mirrors', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
  const page = await context.newPage();
  await openPreChat(page);
  expect(await page.getByTestId('parley-prechat-start').textContent()).toBe('ابدأ المحادثة');
  const label = page.getByTestId('parley-prechat').locator('.prechat-label').first();
  expect(await label.evaluate((node) => getComputedStyle(node).direction)).toBe('rtl');
  await page.getByTestId('parley-prechat-start').click();
  await page.getByText('يُرجى ملء هذا الحقل.').first().waitFor();
  await expectAccessible(page, 'the pre-chat form in Arabic');
  await saveScreenshot(page, 'appearance-prechat-arabic');
  await context.close();
});

test('the agent’s visitor sidebar shows the answers', async () => {
  const { conversations } = await callApi<ConversationList>(
    ownerContext,
    stack.apiUrl,
    'GET',
    '/v1/conversations?status=all',
  );
  const conversation = conversations.find((item) => item.inboxId === inbox.id);
  expect(conversation).toBeDefined();
  await owner.goto(`${stack.apiUrl}/conversations/${conversation!.id}`);
  const sidebar = owner.getByTestId('visitor-sidebar');
  await eventually(async () => {
    const text = await sidebar.textContent();
    expect(text).toContain('Ann Reader');
    expect(text).toContain('ann@example.test');
    expect(text).toContain('Pro');
  });
  await saveTallScreenshot(owner, 'appearance-agent-sidebar');
});
