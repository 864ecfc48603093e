import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { InboxList, Preferences } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole } from './support/console-helpers.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible, saveTallLightAndDark } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// Settings → Profile through the real console, api and database: the agent renames themselves, uploads a
// picture, gets notified of a visitor's message in their conversation while looking elsewhere (title count
// and a browser Notification, recorded by an init script), and changes their password, which signs their
// other browser out.
let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let visitor: VisitorSocket | undefined;
const dialogs: string[] = [];
const AGENT = { email: 'pia@acme.test', name: 'Pia Profile', workspace: 'Acme Bikes' };
const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a much better passphrase';

// The smallest valid 1×1 PNG (indigo).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkaPj/HwAEeAJ+q4JqaQAAAABJRU5ErkJggg==',
  'base64',
);

/** Records every Notification the page constructs, before the real one (which headless Chromium may not show). */
const RECORD_NOTIFICATIONS = `
  window.__notifications = [];
  const Real = window.Notification;
  if (Real) {
    function Recorded(title, options) {
      window.__notifications.push({ title, body: options && options.body });
      return new Real(title, options);
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Recorded.requestPermission = (...args) => Real.requestPermission(...args);
    Recorded.prototype = Real.prototype;
    window.Notification = Recorded;
  }
`;

function recordedNotifications(target: Page) {
  return target.evaluate(
    () => (window as unknown as { __notifications: { title: string; body: string }[] }).__notifications,
  );
}

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await visitor?.close();
  await browser?.close();
  await stack?.stop();
});

test('the agent renames themselves and uploads a picture; the sidebar shows both', async () => {
  context = await newWatchedContext(browser, dialogs);
  await context.grantPermissions(['notifications'], { origin: stack.apiUrl });
  await context.addInitScript(RECORD_NOTIFICATIONS);
  page = await context.newPage();
  await page.setViewportSize({ width: 1360, height: 900 });
  await signUpThroughConsole(page, stack.apiUrl, AGENT);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-profile').click();
  await page.getByTestId('profile-page').waitFor();

  const name = page.getByTestId('profile-name');
  await name.fill('   ');
  await page.getByTestId('profile-name-save').click();
  await page.getByText('Enter your name.').waitFor();
  await name.fill('Pia P. Renamed');
  await page.getByTestId('profile-name-save').click();
  await page.getByTestId('profile-name-save-status').getByText('Saved').waitFor();
  await eventually(async () => expect(await page.locator('.sidebar__user-name').textContent()).toBe('Pia P. Renamed'));

  // A file that is not an image is refused before upload; a PNG is shown in the preview and the sidebar.
  await page
    .getByTestId('profile-avatar-file')
    .setInputFiles({ name: 'page.png', mimeType: 'text/html', buffer: Buffer.from('<h1>hi</h1>') });
  await page.getByText('Choose a PNG, JPEG or WebP image.').waitFor();
  await page.getByTestId('profile-avatar-file').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: PNG });
  await page.getByText('Picture updated.').waitFor();
  await page.getByTestId('profile-avatar-preview').locator('img.avatar__image').waitFor();
  const sidebarImage = page.locator('.sidebar__account img.avatar__image');
  await sidebarImage.waitFor();
  expect(await sidebarImage.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);

  await saveTallLightAndDark(page, 'settings-profile');
  await expectAccessible(page, 'the profile page');
});

test('a visitor message in my conversation while I look elsewhere: title count and a browser notification', async () => {
  const { inboxes } = await callAsConsole<InboxList>(page, stack.apiUrl, 'GET', '/v1/inboxes');
  const siteKey = inboxes[0]?.siteKey ?? '';
  await page.getByTestId('profile-notify-test').click();
  await eventually(async () =>
    expect((await recordedNotifications(page)).map((n) => n.title)).toContain('Parley test notification'),
  );

  // A preference saved in the table is stored for this agent.
  await page.getByTestId('notify-mention-sound').uncheck();
  await page.getByTestId('profile-notify-save').click();
  await page.getByTestId('profile-notify-save-status').getByText('Saved').waitFor();
  const preferences = await callAsConsole<Preferences>(page, stack.apiUrl, 'GET', '/v1/me/preferences');
  expect(preferences.notifications.mention).toEqual({ browser: true, sound: false, titleCount: true });

  visitor = await VisitorSocket.connect(stack, siteKey);
  const first = await visitor.send('Hi, my order has not arrived');
  // Routed to the only online agent: the conversation becomes theirs.
  await eventually(async () => {
    const titles = (await recordedNotifications(page)).map((n) => n.title);
    expect(titles.some((title) => title.startsWith('New conversation'))).toBe(true);
  });
  await eventually(async () => {
    const detail = await callAsConsole<{ conversation: { assignee: { name: string } | null } }>(
      page,
      stack.apiUrl,
      'GET',
      `/v1/conversations/${first.conversationId}`,
    );
    expect(detail.conversation.assignee?.name).toBe('Pia P. Renamed');
  });
  await visitor.send('Order number 4411, please check');
  await eventually(async () => {
    const recorded = await recordedNotifications(page);
    expect(recorded).toContainEqual({ title: 'New message from A visitor', body: 'Order number 4411, please check' });
  });
  await eventually(async () => expect(await page.title()).toMatch(/^\(\d+\) Parley$/));
  const count = Number(/^\((\d+)\)/.exec(await page.title())?.[1]);
  expect(count).toBeGreaterThanOrEqual(2);

  // Opening the conversation is seeing it: the count goes, and a message there while looking notifies nobody.
  await page.getByTestId('nav-conversations').click();
  expect(await page.title()).toMatch(/^\(\d+\) Parley$/);
  await page.getByTestId('conversation-row').first().click();
  await page.waitForURL(new RegExp(`/conversations/${first.conversationId}$`));
  // Generous: the whole machine is shared, and the conversation's history loads over REST first.
  await page.getByTestId('conversation-view').getByText('Order number 4411, please check').waitFor({ timeout: 60_000 });
  await eventually(async () => expect(await page.title()).toBe('Parley'));
  const before = (await recordedNotifications(page)).length;
  await visitor.send('Still here');
  await page.getByTestId('conversation-view').getByTestId('message').getByText('Still here').waitFor();
  await page.waitForTimeout(500);
  expect((await recordedNotifications(page)).length).toBe(before);
  expect(await page.title()).toBe('Parley');
});

test('changing the password signs the agent’s other browser out; this one stays', async () => {
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await other.goto(`${stack.apiUrl}/login`);
  await other.getByTestId('login-email').fill(AGENT.email);
  await other.getByTestId('login-password').fill(OLD_PASSWORD);
  await other.getByTestId('login-submit').click();
  await other.getByTestId('nav-settings').waitFor();

  await page.goto(`${stack.apiUrl}/settings/profile`);
  await page.getByTestId('profile-current-password').fill('not my password');
  await page.getByTestId('profile-new-password').fill(NEW_PASSWORD);
  await page.getByTestId('profile-confirm-password').fill('different');
  await page.getByTestId('profile-password-save').click();
  await page.getByText('The two new passwords are not the same.').waitFor();
  await page.getByTestId('profile-confirm-password').fill(NEW_PASSWORD);
  await page.getByTestId('profile-password-save').click();
  await page.getByText('Your current password is not right.').waitFor();
  await saveTallLightAndDark(page, 'settings-profile-password-error');

  await page.getByTestId('profile-current-password').fill(OLD_PASSWORD);
  await page.getByTestId('profile-password-save').click();
  await page.getByText('Password changed. Your other sessions were signed out.').waitFor();

  await other.waitForURL(/\/login$/, { timeout: 15_000 });
  await other.getByTestId('login-email').waitFor();
  // This browser is still signed in.
  await page.getByTestId('nav-conversations').click();
  await page.getByTestId('presence').waitFor();
  expect(page.url()).not.toMatch(/\/login$/);
  await otherContext.close();
  expect(dialogs).toEqual([]);
});
