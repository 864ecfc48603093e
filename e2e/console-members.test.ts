import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Me, MemberList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole } from './support/console-helpers.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import {
  expectAccessible,
  saveElementScreenshot,
  saveTallLightAndDark,
  waitForTransitions,
} from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';

// Members through the real console, api and database: an owner invites by a link (no mail server here),
// the invitee opens it in another browser, chooses a name and password and lands in the console; the
// owner changes their role and deactivates them, and the invitee's open console is signed out at once.
let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
let inviteeContext: BrowserContext;
let invitee: Page;
let acceptUrl = '';
let inviteeId = '';
const dialogs: string[] = [];
const OWNER = { email: 'olga@acme.test', name: 'Olga Owner', workspace: 'Acme Bikes' };
const INVITEE = { email: 'ines@acme.test', name: 'Ines Invitee', password: 'correct horse battery' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function memberRow(page: Page, userId: string) {
  return page.locator(`[data-testid="member-row"][data-user-id="${userId}"]`);
}

async function membersOverRest() {
  return (await callAsConsole<MemberList>(owner, stack.apiUrl, 'GET', '/v1/members')).members;
}

test('an owner invites by email and role, copies the link, and sees the invitation pending', async () => {
  ownerContext = await newWatchedContext(browser, dialogs);
  await ownerContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.apiUrl });
  owner = await ownerContext.newPage();
  await owner.setViewportSize({ width: 1360, height: 900 });
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  await owner.getByTestId('nav-settings').click();
  await owner.getByTestId('settings-tab-members').click();
  await owner.getByText('Nobody is waiting to join.').waitFor();

  // A mistake is explained next to the field.
  await owner.getByTestId('invite-submit').click();
  await owner.getByText('Enter the email of the person to invite.').waitFor();

  await owner.getByTestId('invite-email').fill(INVITEE.email);
  await owner.getByTestId('invite-role').selectOption('agent');
  await owner.getByTestId('invite-submit').click();
  const link = owner.getByTestId('invite-link');
  await link.waitFor();
  acceptUrl = await link.inputValue();
  expect(acceptUrl).toMatch(new RegExp(`^${stack.apiUrl}/invite/[a-z2-7]{32}$`));
  expect(await owner.getByTestId('invite-email-note').getAttribute('data-email')).toBe('not_configured');

  await owner.getByTestId('invite-copy').click();
  await owner.getByTestId('invite-copy').getByText('Copied').waitFor();
  expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(acceptUrl);

  const pending = owner.getByTestId('invitation-row');
  await pending.waitFor();
  expect(await pending.getByTestId('invitation-email').textContent()).toBe(INVITEE.email);
  expect(await pending.textContent()).toContain('expires in 7 days');
  await saveTallLightAndDark(owner, 'settings-members-pending');
  await expectAccessible(owner, 'the members page with a pending invitation');
  await owner.emulateMedia({ colorScheme: 'dark' });
  await waitForTransitions(owner);
  await expectAccessible(owner, 'the members page in dark mode');
  await owner.emulateMedia({ colorScheme: 'light' });
});

test('the invitee opens the link in another browser, chooses a name and password, and lands in the console', async () => {
  inviteeContext = await newWatchedContext(browser, dialogs);
  invitee = await inviteeContext.newPage();
  await invitee.setViewportSize({ width: 1280, height: 860 });
  await invitee.goto(acceptUrl);
  await invitee.getByTestId('invite-accept-form').waitFor();
  expect(await invitee.getByRole('heading', { level: 1 }).textContent()).toBe('Join Acme Bikes');
  expect(await invitee.getByTestId('invite-accept-email').inputValue()).toBe(INVITEE.email);
  await invitee.getByText('Olga Owner invited you as an agent.', { exact: false }).waitFor();
  await saveScreenshot(invitee, 'invite-page-light');
  await expectAccessible(invitee, 'the invitation page');
  await invitee.emulateMedia({ colorScheme: 'dark' });
  await waitForTransitions(invitee);
  await saveScreenshot(invitee, 'invite-page-dark');
  await expectAccessible(invitee, 'the invitation page in dark mode');
  await invitee.emulateMedia({ colorScheme: 'light' });

  await invitee.getByTestId('invite-accept-password').fill('short');
  await invitee.getByTestId('invite-accept-submit').click();
  await invitee.getByText('Enter your name.').waitFor();
  await invitee.getByText('Use at least 8 characters.').waitFor();

  await invitee.getByTestId('invite-accept-name').fill(INVITEE.name);
  await invitee.getByTestId('invite-accept-password').fill(INVITEE.password);
  await invitee.getByTestId('invite-accept-submit').click();
  await invitee.waitForURL(/\/conversations$/);
  await invitee.getByTestId('nav-settings').waitFor();
  const me = await callAsConsole<Me>(invitee, stack.apiUrl, 'GET', '/v1/me');
  expect(me).toMatchObject({ user: { email: INVITEE.email, name: INVITEE.name }, role: 'agent' });
  inviteeId = me.user.id;
  await eventually(async () => expect(await invitee.getByTestId('connection-banner').count()).toBe(0));

  // The owner's page shows them as a member, no longer pending.
  await owner.reload();
  await memberRow(owner, inviteeId).waitFor();
  expect(await owner.getByTestId('invitation-row').count()).toBe(0);
  expect(await memberRow(owner, inviteeId).getAttribute('data-role')).toBe('agent');

  // The link worked once.
  const again = await inviteeContext.newPage();
  await again.goto(acceptUrl);
  await again.getByTestId('invite-unusable').waitFor();
  expect(await again.getByTestId('invite-unusable').getAttribute('data-code')).toBe('invitation/used');
  await again.close();
});

test('a link that is wrong says so, with a way to sign in', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto(`${stack.apiUrl}/invite/${'a'.repeat(32)}`);
  const problem = page.getByTestId('invite-unusable');
  await problem.waitFor();
  expect(await problem.getAttribute('data-code')).toBe('invitation/not_found');
  await saveScreenshot(page, 'invite-page-unusable');
  await expectAccessible(page, 'an invitation link that cannot be used');
  await context.close();
});

test('the owner makes the invitee an admin and back; the api agrees', async () => {
  const role = memberRow(owner, inviteeId).getByTestId('member-role');
  await role.selectOption('admin');
  await eventually(async () =>
    expect((await membersOverRest()).find((m) => m.userId === inviteeId)?.role).toBe('admin'),
  );
  expect((await callAsConsole<Me>(invitee, stack.apiUrl, 'GET', '/v1/me')).role).toBe('admin');
  await role.selectOption('agent');
  await eventually(async () =>
    expect((await membersOverRest()).find((m) => m.userId === inviteeId)?.role).toBe('agent'),
  );
  // The only owner's role is not offered for change (the api refuses it too), nor deactivating themselves.
  const mine = memberRow(owner, (await callAsConsole<Me>(owner, stack.apiUrl, 'GET', '/v1/me')).user.id);
  expect(await mine.getByTestId('member-role').count()).toBe(0);
  expect(await mine.getByText('Owner', { exact: true }).count()).toBe(1);
  expect(await mine.getByTestId('member-deactivate').count()).toBe(0);
});

test('deactivating asks first, then signs the invitee’s open console out at once; they cannot sign in again', async () => {
  await memberRow(owner, inviteeId).getByTestId('member-deactivate').click();
  const dialog = owner.getByTestId('member-activation-dialog');
  await dialog.waitFor();
  await saveElementScreenshot(owner, '[data-testid="member-activation-dialog"]', 'settings-members-deactivate-dialog');
  await expectAccessible(owner, 'the deactivate dialog');
  await dialog.getByTestId('member-activation-dialog-confirm').click();
  await memberRow(owner, inviteeId).getByTestId('member-deactivated').waitFor();
  expect(await memberRow(owner, inviteeId).getAttribute('data-active')).toBe('false');

  await invitee.waitForURL(/\/login/, { timeout: 10_000 });
  await invitee.getByTestId('login-email').fill(INVITEE.email);
  await invitee.getByTestId('login-password').fill(INVITEE.password);
  await invitee.getByTestId('login-submit').click();
  await invitee.getByText('Your account has been deactivated.', { exact: false }).waitFor();

  await saveTallLightAndDark(owner, 'settings-members-deactivated');
  await expectAccessible(owner, 'the members page with a deactivated member');
  await memberRow(owner, inviteeId).getByTestId('member-reactivate').click();
  await owner.getByTestId('member-activation-dialog-confirm').click();
  await memberRow(owner, inviteeId).getByTestId('member-deactivate').waitFor();
  await invitee.getByTestId('login-submit').click();
  await invitee.waitForURL(/\/conversations$/);
  expect(dialogs).toEqual([]);
});
