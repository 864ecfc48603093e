import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { InboxList, Me } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole } from './support/console-helpers.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
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

/** The controls of `page` with one of these test ids that a person could press or type in. */
async function enabledControls(page: Page, testIds: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const testId of testIds) {
    const controls = page.getByTestId(testId);
    for (let index = 0; index < (await controls.count()); index++)
      if (await controls.nth(index).isEnabled()) found.push(testId);
  }
  return found;
}

async function expectReadOnlyScreen(
  path: string,
  name: string,
  adminControls: readonly string[],
  settle: () => Promise<void> = async () => {},
) {
  await agent.goto(`${stack.apiUrl}${path}`);
  await agent.locator('.settings-card__footer--readonly').first().waitFor();
  await settle();
  expect(await agent.locator('.settings-card__footer--readonly .read-only-note').first().textContent()).toMatch(
    /owners and admins/,
  );
  expect(await enabledControls(agent, adminControls), `admin-only controls on ${path}`).toEqual([]);
  await expectAccessible(agent, `${name} seen by an agent`);
  await saveTallLightAndDark(agent, `agent-readonly-${name}`);
  await agent.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(agent, `${name} seen by an agent, dark`);
  await agent.emulateMedia({ colorScheme: 'light' });
}

test('the owner fills the workspace: a team, a label and a shared canned response', async () => {
  const call = <T>(path: string, body: unknown) => callAsConsole<T>(owner, stack.apiUrl, 'POST', path, body);
  const members = await callAsConsole<{ members: { userId: string }[] }>(owner, stack.apiUrl, 'GET', '/v1/members');
  await call('/v1/teams', { name: 'Repairs', memberIds: members.members.map((member) => member.userId) });
  await call('/v1/labels', { name: 'Warranty', color: 'red' });
  await call('/v1/canned-responses', {
    shortcut: 'hours',
    title: 'Opening hours',
    body: 'Mon–Fri 9–17',
    scope: 'shared',
  });
});

test('the identity secret: the agent sees neither it nor Rotate; the owner reveals and rotates it', async () => {
  await agent.goto(`${stack.apiUrl}/settings/inbox`);
  await agent.getByTestId('identity-read-only').waitFor();
  expect(await agent.getByTestId('identity-secret').count()).toBe(0);
  expect(await agent.getByTestId('identity-rotate').count()).toBe(0);
  expect(await agent.getByTestId('identity-require').count()).toBe(0);
  await agent.getByTestId('identity-card').scrollIntoViewIfNeeded();
  await saveTallLightAndDark(agent, 'agent-readonly-identity');

  const inboxId = (await callAsConsole<InboxList>(owner, stack.apiUrl, 'GET', '/v1/inboxes')).inboxes[0]!.id;
  const before = await callAsConsole<{ secret: string }>(owner, stack.apiUrl, 'GET', `/v1/inboxes/${inboxId}/identity`);
  await owner.goto(`${stack.apiUrl}/settings/inbox`);
  await owner.getByTestId('identity-secret').waitFor();
  expect(await owner.getByTestId('identity-secret').textContent()).not.toContain(before.secret);
  await owner.getByTestId('identity-reveal').click();
  expect(await owner.getByTestId('identity-secret').textContent()).toBe(before.secret);
  await owner.getByTestId('identity-rotate').click();
  await owner.getByTestId('identity-rotate-dialog').waitFor();
  await expectAccessible(owner, 'the rotate-secret dialog');
  await owner.getByTestId('identity-rotate-dialog-confirm').click();
  await eventually(async () =>
    expect(await owner.getByTestId('identity-secret').textContent()).not.toBe(before.secret),
  );
  const after = await callAsConsole<{ secret: string }>(owner, stack.apiUrl, 'GET', `/v1/inboxes/${inboxId}/identity`);
  expect(after.secret).not.toBe(before.secret);
  expect(await owner.getByTestId('identity-secret').textContent()).toBe(after.secret);
  await owner.getByTestId('identity-require').check();
  await eventually(async () =>
    expect(
      (await callAsConsole<{ requireIdentity: boolean }>(owner, stack.apiUrl, 'GET', `/v1/inboxes/${inboxId}/identity`))
        .requireIdentity,
    ).toBe(true),
  );
  await owner.getByTestId('identity-card').scrollIntoViewIfNeeded();
  await saveTallLightAndDark(owner, 'owner-identity');
  await owner.getByTestId('identity-require').uncheck();
});

test('the agent sees appearance read-only: every field disabled, no save', async () => {
  const inboxId = (await callAsConsole<InboxList>(agent, stack.apiUrl, 'GET', '/v1/inboxes')).inboxes[0]!.id;
  await expectReadOnlyScreen(`/settings/inboxes/${inboxId}/appearance`, 'appearance', ['appearance-save'], async () => {
    // The preview redraws its frame once a moment after load; axe reads the widget drawn in that one.
    const redrawn = agent.locator('[data-testid="widget-preview-frame"][data-version="1"]');
    await redrawn.contentFrame().getByTestId('parley-panel').waitFor();
  });
  for (const testId of ['appearance-color', 'appearance-title', 'appearance-greeting', 'appearance-logo'])
    expect(await agent.getByTestId(testId).isDisabled(), testId).toBe(true);
});

test('the agent sees members without invite, role, deactivate or capacity controls', async () => {
  await expectReadOnlyScreen('/settings/members', 'members', [
    'invite-email',
    'invite-role',
    'invite-submit',
    'member-role',
    'member-deactivate',
    'member-reactivate',
    'member-capacity',
    'members-save',
  ]);
  expect(await agent.getByTestId('member-row').count()).toBe(2);
  expect(await agent.getByTestId('invite-card').count()).toBe(0);
});

test('the agent sees teams, labels and shared canned responses read-only, and may add personal ones', async () => {
  await expectReadOnlyScreen('/settings/teams', 'teams', ['team-new', 'team-edit', 'team-delete']);
  expect(await agent.getByTestId('team-name').allTextContents()).toEqual(['Repairs']);
  await expectReadOnlyScreen('/settings/labels', 'labels', ['label-new', 'label-edit', 'label-delete']);
  expect(await agent.getByTestId('label-row').count()).toBe(1);
  await expectReadOnlyScreen('/settings/canned-responses', 'canned', ['canned-edit', 'canned-delete']);
  expect(await agent.getByTestId('canned-group-shared').getByTestId('canned-row').count()).toBe(1);
  // Personal responses are the agent's own: New stays, and what it makes is theirs to change.
  expect(await agent.getByTestId('canned-new').isEnabled()).toBe(true);
  await expectReadOnlyScreen('/settings/inboxes', 'inboxes', ['new-inbox-create']);
  expect(dialogs).toEqual([]);
});
