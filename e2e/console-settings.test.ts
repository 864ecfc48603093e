import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type {
  BusinessHours,
  Inbox,
  InboxList,
  InboxMembers,
  Me,
  MemberList,
  RoutingRuleList,
  TeamList,
} from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import { eventually, signUpThroughConsole } from './support/parley-pages.ts';
import {
  callApi,
  expectAccessible,
  saveElementScreenshot,
  saveTallLightAndDark,
  saveTallScreenshot,
  waitForTransitions,
} from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';

// The admin side of routing through the real console, api and database: an owner sets up teams, a
// routing rule, business hours, capacities and the routing mode; everything survives a reload and
// reads back the same over REST; mistakes are explained next to the field; an agent only reads.
let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
let ownerMe: Me;
let inbox: Inbox;
let agentContext: BrowserContext;
let agentId = '';
const dialogs: string[] = [];
const OWNER = { email: 'olga@acme.test', name: 'Olga Owner', workspace: 'Acme Bikes' };
const AGENT = { email: 'arne@acme.test', name: 'Arne Agent', password: 'correct horse battery' };
const ZONE = 'Europe/Berlin';

const expectedHours: BusinessHours = {
  timezone: ZONE,
  weekly: {
    mon: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    tue: [{ start: '09:00', end: '17:00' }],
    wed: [{ start: '09:00', end: '17:00' }],
    thu: [{ start: '09:00', end: '17:00' }],
    fri: [{ start: '09:00', end: '17:00' }],
    sat: [{ start: '22:00', end: '02:00' }],
    sun: [],
  },
  exceptions: [
    { date: '2026-12-24', intervals: [{ start: '10:00', end: '14:00' }], label: 'Christmas Eve' },
    { date: '2026-12-25', intervals: [], label: 'Christmas Day' },
  ],
};

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown) {
  return callApi<T>(ownerContext, stack.apiUrl, method, path, data);
}

async function openSettings(page: Page, tab: 'inbox' | 'teams' | 'members') {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId(`settings-tab-${tab}`).click();
  await page.getByTestId(`settings-tab-${tab}`).and(page.locator('[aria-current="page"]')).waitFor();
}

async function fillTime(row: ReturnType<Page['getByTestId']>, index: number, start: string, end: string) {
  const interval = row.getByTestId(/-interval$/).nth(index);
  await interval.getByTestId('interval-start').fill(start);
  await interval.getByTestId('interval-start').blur();
  await interval.getByTestId('interval-end').fill(end);
  await interval.getByTestId('interval-end').blur();
}

type FocusProbe = { isFocusInvalid?: boolean };

/** Notes whether the focus is on an invalid field right after the next submit is handled, before any frame or timer. */
function probeFocusAtNextSubmit(page: Page) {
  return page.evaluate(() => {
    window.addEventListener(
      'submit',
      () => {
        (window as FocusProbe).isFocusInvalid = document.activeElement?.getAttribute('aria-invalid') === 'true';
      },
      { once: true },
    );
  });
}

function readFocusProbe(page: Page) {
  return page.evaluate(() => (window as FocusProbe).isFocusInvalid);
}

async function expectSaved(page: Page, testId: string) {
  await eventually(async () => expect(await page.getByTestId(`${testId}-status`).textContent()).toContain('Saved'));
}

test('an owner signs up; the teams page starts empty and says what teams are for', async () => {
  ownerContext = await browser.newContext({ timezoneId: ZONE, viewport: { width: 1360, height: 900 } });
  ownerContext.on('page', (page) => page.on('dialog', (dialog) => void dialogs.push(dialog.message())));
  owner = await ownerContext.newPage();
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  ownerMe = await call<Me>('GET', '/v1/me');
  inbox = (await call<InboxList>('GET', '/v1/inboxes')).inboxes[0]!;

  await openSettings(owner, 'teams');
  await owner.getByText('No teams yet').waitFor();
  await saveTallLightAndDark(owner, 'settings-teams-empty');
  await expectAccessible(owner, 'the empty teams page');
});

test('a second member joins the workspace by an invitation accepted over HTTP', async () => {
  const acceptUrl = await inviteOverHttp(ownerContext, stack.apiUrl, { email: AGENT.email, role: 'agent' });
  const agent = await acceptOverHttp(browser, stack.apiUrl, acceptUrl, AGENT);
  agentContext = agent.context;
  agentId = agent.me.user.id;
  await owner.reload();
  await owner.getByTestId('teams-card').waitFor({ timeout: 20_000 });
  const { members } = await call<MemberList>('GET', '/v1/members');
  expect(members.map((member) => [member.name, member.role]).sort()).toEqual([
    ['Arne Agent', 'agent'],
    ['Olga Owner', 'owner'],
  ]);
});

test('the owner creates Billing with themselves, and a team they rename and then delete', async () => {
  await owner.getByTestId('team-new').click();
  const editor = owner.getByTestId('team-editor');
  await editor.getByTestId('team-name-input').fill('Billing');
  await editor.locator(`[data-testid="team-member"][data-user-id="${ownerMe.user.id}"]`).check();
  await saveTallScreenshot(owner, 'settings-team-editor');
  await expectAccessible(owner, 'the new-team editor');
  await editor.getByTestId('team-save').click();
  const billing = owner.getByTestId('team-row').filter({ hasText: 'Billing' });
  await billing.waitFor();
  expect(await billing.getByTestId('team-members').textContent()).toBe('Olga Owner');

  // A second team with the same name (in any case) is refused next to the field.
  await owner.getByTestId('team-new').click();
  await owner.getByTestId('team-name-input').fill('billing');
  await owner.getByTestId('team-save').click();
  await owner.getByText('There is already a team called Billing.').waitFor();
  await owner.getByTestId('team-name-input').fill('Sales');
  await owner.getByTestId('team-save').click();
  const sales = owner.getByTestId('team-row').filter({ hasText: 'Sales' });
  await sales.waitFor();

  // Rename, with the agent added.
  await sales.getByTestId('team-edit').click();
  await owner.getByTestId('team-name-input').fill('Sales EMEA');
  await owner.locator(`[data-testid="team-member"][data-user-id="${agentId}"]`).check();
  await owner.getByTestId('team-save').click();
  const renamed = owner.getByTestId('team-row').filter({ hasText: 'Sales EMEA' });
  await renamed.waitFor();
  expect(await renamed.getByTestId('team-members').textContent()).toBe('Arne Agent');
  await saveTallLightAndDark(owner, 'settings-teams');
  await expectAccessible(owner, 'the teams list');

  // Delete asks first; Escape keeps the team, the dialog's button deletes it.
  await renamed.getByTestId('team-delete').click();
  const dialog = owner.getByTestId('team-delete-dialog');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('Delete Sales EMEA?');
  await saveTallScreenshot(owner, 'settings-team-delete-dialog');
  await expectAccessible(owner, 'the delete-team dialog');
  await owner.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await renamed.count()).toBe(1);
  await renamed.getByTestId('team-delete').click();
  await owner.getByTestId('team-delete-dialog-confirm').click();
  await renamed.waitFor({ state: 'detached' });

  const { teams } = await call<TeamList>('GET', '/v1/teams');
  expect(teams.map((team) => ({ name: team.name, memberIds: team.memberIds }))).toEqual([
    { name: 'Billing', memberIds: [ownerMe.user.id] },
  ]);
});

test('a routing rule sends *pricing* pages to Billing; a rule with nothing to match is explained', async () => {
  await openSettings(owner, 'inbox');
  const card = owner.getByTestId('rules-card');
  await card.getByText('No rules yet').waitFor();

  await card.getByTestId('rule-add').click();
  await card.getByTestId('rule-add').click();
  const rows = card.getByTestId('rule-row');
  expect(await rows.count()).toBe(2);
  // With one team, a new rule already points at it; the second rule stays empty on purpose.
  await rows.nth(0).getByTestId('rule-pattern').fill('*pricing*');
  await rows.nth(1).getByTestId('rule-field').selectOption('language');
  await probeFocusAtNextSubmit(owner);
  await card.getByTestId('rules-save').click();
  await card.getByText('Enter what to match.').waitFor();
  expect(await rows.nth(1).getByTestId('rule-pattern').getAttribute('aria-invalid')).toBe('true');
  // The first rule with a problem has the focus as soon as the save is refused.
  expect(await readFocusProbe(owner)).toBe(true);
  await saveElementScreenshot(owner, '[data-testid="rules-card"]', 'settings-rules-error');

  // Order: move the language rule up and back down, then remove it.
  await rows.nth(1).getByTestId('rule-pattern').fill('de');
  await rows.nth(1).getByTestId('rule-up').click();
  expect(await rows.nth(0).getByTestId('rule-pattern').inputValue()).toBe('de');
  // The focus stays with the moved rule (on "down", since it cannot go further up), so the keyboard can
  // move it straight back.
  expect(await owner.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('rule-down');
  await owner.keyboard.press('Enter');
  expect(await rows.nth(0).getByTestId('rule-pattern').inputValue()).toBe('*pricing*');
  await rows.nth(1).getByTestId('rule-remove').click();
  expect(await rows.count()).toBe(1);
  expect(await rows.nth(0).getByTestId('rule-team').locator('option:checked').textContent()).toBe('Billing');
  await card.getByTestId('rules-save').click();
  await expectSaved(owner, 'rules-save');

  const { rules } = await call<RoutingRuleList>('GET', `/v1/inboxes/${inbox.id}/rules`);
  const { teams } = await call<TeamList>('GET', '/v1/teams');
  expect(rules.map(({ field, attributeKey, pattern, teamId }) => ({ field, attributeKey, pattern, teamId }))).toEqual([
    { field: 'page_url', attributeKey: null, pattern: '*pricing*', teamId: teams[0]!.id },
  ]);
});

test('business hours: overlapping intervals are refused next to the field, server problems are listed, then they save', async () => {
  const card = owner.getByTestId('hours-card');
  await card.getByTestId('hours-always-open').uncheck();
  // The browser's timezone is the default.
  expect(await card.getByTestId('hours-timezone').inputValue()).toBe(ZONE);

  const monday = card.getByTestId('hours-day-mon');
  await fillTime(monday, 0, '9', '12');
  await monday.getByTestId('hours-mon-add').click();
  await fillTime(monday, 1, '11:30', '5pm');
  expect(await monday.getByTestId('interval-end').nth(1).inputValue()).toBe('17:00');
  await probeFocusAtNextSubmit(owner);
  await card.getByTestId('hours-save').click();
  await card.getByTestId('hours-errors').waitFor();
  expect(await monday.textContent()).toContain('11:30–17:00 overlaps 09:00–12:00.');
  expect(await card.getByTestId('hours-errors').textContent()).toContain('Monday: 11:30–17:00 overlaps 09:00–12:00.');
  // The first field with a problem has the focus, as soon as the save is refused.
  expect(await readFocusProbe(owner)).toBe(true);
  expect(await owner.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
  await saveTallScreenshot(owner, 'settings-hours-error');
  await expectAccessible(owner, 'business hours with a validation error');
  await fillTime(monday, 1, '13:00', '17:00');
  await eventually(async () => expect(await card.getByTestId('hours-errors').count()).toBe(0));

  // Saturday: a late shift past midnight.
  const saturday = card.getByTestId('hours-day-sat');
  await saturday.getByTestId('hours-sat-add').click();
  await fillTime(saturday, 0, '22:00', '02:00');
  expect(await saturday.textContent()).toContain('ends next day');

  // Two dated exceptions: closed all day, and special hours.
  await card.getByTestId('hours-exception-add').click();
  const christmas = card.getByTestId('hours-exception').nth(0);
  await christmas.getByTestId('exception-date').fill('2026-12-25');
  await christmas.getByTestId('exception-label').fill('Christmas Day');
  await card.getByTestId('hours-exception-add').click();
  const eve = card.getByTestId('hours-exception').nth(1);
  await eve.getByTestId('exception-date').fill('2026-12-24');
  await eve.getByTestId('exception-label').fill('Christmas Eve');
  await eve.getByTestId('exception-kind').selectOption('special');
  expect(await eve.getByTestId('interval-start').inputValue()).toBe('10:00');

  // Whatever the server refuses is listed by the form (here the answer is staged once).
  await owner.route(`${stack.apiUrl}/v1/inboxes/${inbox.id}`, (route) =>
    route.request().method() === 'PATCH'
      ? route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            code: 'request/invalid',
            message:
              'routing.businessHours: Unknown timezone "Europe/Berlin".; Monday: 09:00–12:00 overlaps 11:00–13:00..',
          }),
        })
      : route.continue(),
  );
  await card.getByTestId('hours-save').click();
  await card.getByText('The server did not accept these hours:').waitFor();
  const listed = await card.getByTestId('hours-errors').locator('li').allTextContents();
  expect(listed).toEqual(['Unknown timezone "Europe/Berlin".', 'Monday: 09:00–12:00 overlaps 11:00–13:00.']);
  await saveElementScreenshot(owner, '[data-testid="hours-card"]', 'settings-hours-server-error');
  await owner.unroute(`${stack.apiUrl}/v1/inboxes/${inbox.id}`);

  await card.getByTestId('hours-save').click();
  await expectSaved(owner, 'hours-save');
  const saved = await call<Inbox>('GET', `/v1/inboxes/${inbox.id}`);
  expect(saved.routing.businessHours).toEqual(expectedHours);
});

test('routing: a capacity out of range is refused; capacity, reassignment and manual mode save, and back to automatic', async () => {
  const card = owner.getByTestId('routing-card');
  await card.getByTestId('routing-capacity').fill('0');
  await card.getByTestId('routing-save').click();
  await card.getByText('Enter a whole number from 1 to 100.').waitFor();
  await saveElementScreenshot(owner, '[data-testid="routing-card"]', 'settings-routing-error');

  await card.getByTestId('routing-capacity').fill('4');
  await card.getByTestId('routing-reassign-toggle').check();
  await card.getByTestId('routing-reassign-amount').fill('2');
  await card.getByTestId('routing-reassign-unit').selectOption('minutes');
  await card.getByTestId('routing-mode-manual').check();
  await card.getByTestId('routing-save').click();
  await expectSaved(owner, 'routing-save');
  expect((await call<Inbox>('GET', `/v1/inboxes/${inbox.id}`)).routing).toMatchObject({
    mode: 'manual',
    defaultCapacity: 4,
    reassignAfterSeconds: 120,
  });

  await card.getByTestId('routing-mode-auto').check();
  await card.getByTestId('routing-save').click();
  await expectSaved(owner, 'routing-save');
  expect((await call<Inbox>('GET', `/v1/inboxes/${inbox.id}`)).routing.mode).toBe('auto');

  // Who answers: only the owner from now on.
  const members = owner.getByTestId('inbox-members-card');
  await members.locator(`[data-testid="inbox-member"][data-user-id="${agentId}"]`).uncheck();
  await members.getByTestId('inbox-members-save').click();
  await expectSaved(owner, 'inbox-members-save');
  expect((await call<InboxMembers>('GET', `/v1/inboxes/${inbox.id}/members`)).userIds).toEqual([ownerMe.user.id]);
});

test('members: each one with role, state and capacity; blank means the inbox default', async () => {
  await openSettings(owner, 'members');
  const ownerRow = owner.locator(`[data-testid="member-row"][data-user-id="${ownerMe.user.id}"]`);
  const agentRow = owner.locator(`[data-testid="member-row"][data-user-id="${agentId}"]`);
  // The owner has the console open; the agent does not.
  await eventually(async () =>
    expect(await ownerRow.locator('[data-presence]').getAttribute('data-presence')).toBe('online'),
  );
  expect(await agentRow.locator('[data-presence]').getAttribute('data-presence')).toBe('offline');
  expect(await agentRow.getByTestId('member-capacity').getAttribute('placeholder')).toBe('Default (4)');

  await ownerRow.getByTestId('member-capacity').fill('3');
  await agentRow.getByTestId('member-capacity').fill('101');
  await owner.getByTestId('members-save').click();
  await agentRow.getByText('Enter 1 to 100, or leave it blank for the default.').waitFor();
  await saveElementScreenshot(owner, '[data-testid="members-card"]', 'settings-members-error');
  await agentRow.getByTestId('member-capacity').fill('');
  await owner.getByTestId('members-save').click();
  await expectSaved(owner, 'members-save');
  await saveTallLightAndDark(owner, 'settings-members');
  await expectAccessible(owner, 'the members page');

  const { members } = await call<MemberList>('GET', '/v1/members');
  expect(Object.fromEntries(members.map((member) => [member.name, member.capacity]))).toEqual({
    'Olga Owner': 3,
    'Arne Agent': null,
  });
});

test('after a reload every setting is still there, in the console and over REST', async () => {
  await owner.goto(`${stack.apiUrl}/settings/inbox`);
  const routing = owner.getByTestId('routing-card');
  await routing.waitFor();
  expect(await routing.getByTestId('routing-mode-auto').isChecked()).toBe(true);
  expect(await routing.getByTestId('routing-capacity').inputValue()).toBe('4');
  expect(await routing.getByTestId('routing-reassign-toggle').isChecked()).toBe(true);
  expect(await routing.getByTestId('routing-reassign-amount').inputValue()).toBe('2');
  expect(await routing.getByTestId('routing-reassign-unit').inputValue()).toBe('minutes');

  const answering = owner.getByTestId('inbox-member');
  expect(await answering.evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).checked))).toEqual([
    true,
    false,
  ]);

  const rule = owner.getByTestId('rule-row');
  expect(await rule.count()).toBe(1);
  expect(await rule.getByTestId('rule-field').inputValue()).toBe('page_url');
  expect(await rule.getByTestId('rule-pattern').inputValue()).toBe('*pricing*');
  expect(await rule.getByTestId('rule-team').locator('option:checked').textContent()).toBe('Billing');

  const hours = owner.getByTestId('hours-card');
  expect(await hours.getByTestId('hours-always-open').isChecked()).toBe(false);
  expect(await hours.getByTestId('hours-timezone').inputValue()).toBe(ZONE);
  const monday = hours.getByTestId('hours-day-mon');
  expect(
    await monday
      .getByTestId('interval-start')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
  ).toEqual(['09:00', '13:00']);
  expect(
    await hours.getByTestId('exception-date').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
  ).toEqual(['2026-12-24', '2026-12-25']);
  await saveTallLightAndDark(owner, 'settings-inbox');
  // Each routing card on its own, large enough to read in review.
  for (const scheme of ['light', 'dark'] as const) {
    await owner.emulateMedia({ colorScheme: scheme });
    await waitForTransitions(owner);
    for (const card of ['routing-card', 'inbox-members-card', 'rules-card', 'hours-card']) {
      await saveElementScreenshot(owner, `[data-testid="${card}"]`, `settings-${card}-${scheme}`);
    }
  }
  await owner.emulateMedia({ colorScheme: 'light' });
  await waitForTransitions(owner);
  await expectAccessible(owner, 'the inbox settings page');
  // On a phone the sidebar becomes a top bar and the editors stack.
  await owner.setViewportSize({ width: 390, height: 844 });
  await saveTallScreenshot(owner, 'settings-inbox-narrow');
  for (const card of ['inbox-members-card', 'rules-card', 'hours-card']) {
    await saveElementScreenshot(owner, `[data-testid="${card}"]`, `settings-${card}-narrow`);
  }
  await owner.setViewportSize({ width: 1360, height: 900 });

  const saved = await call<Inbox>('GET', `/v1/inboxes/${inbox.id}`);
  expect(saved.routing).toEqual({
    mode: 'auto',
    defaultCapacity: 4,
    reassignAfterSeconds: 120,
    businessHours: expectedHours,
  });
  await openSettings(owner, 'members');
  expect(
    await owner
      .locator(`[data-testid="member-row"][data-user-id="${ownerMe.user.id}"]`)
      .getByTestId('member-capacity')
      .inputValue(),
  ).toBe('3');
  await openSettings(owner, 'teams');
  expect(await owner.getByTestId('team-name').allTextContents()).toEqual(['Billing']);
  expect(dialogs).toEqual([]);
});

test('an agent sees the routing settings, teams and capacities read-only', async () => {
  const agent = await agentContext.newPage();
  await agent.setViewportSize({ width: 1360, height: 900 });
  await agent.goto(`${stack.apiUrl}/settings/inbox`);
  await agent.getByTestId('routing-read-only').waitFor();
  expect(await agent.getByTestId('routing-capacity').isDisabled()).toBe(true);
  expect(await agent.getByTestId('hours-always-open').isDisabled()).toBe(true);
  expect(await agent.getByTestId('rule-pattern').isDisabled()).toBe(true);
  for (const save of [
    'routing-save',
    'inbox-members-save',
    'rules-save',
    'hours-save',
    'rule-add',
    'hours-exception-add',
    'hours-copy-monday',
    'hours-mon-add',
  ]) {
    expect(await agent.getByTestId(save).count(), save).toBe(0);
  }
  await saveTallScreenshot(agent, 'settings-inbox-agent');
  await saveElementScreenshot(agent, '[data-testid="hours-card"]', 'settings-hours-card-agent');
  await expectAccessible(agent, 'the inbox settings page of an agent');

  await agent.getByTestId('settings-tab-teams').click();
  await agent.getByTestId('team-row').first().waitFor();
  expect(await agent.getByTestId('team-new').count()).toBe(0);
  expect(await agent.getByTestId('team-edit').count()).toBe(0);

  await agent.getByTestId('settings-tab-members').click();
  await agent.getByTestId('member-capacity-text').first().waitFor();
  expect(await agent.getByTestId('member-capacity').count()).toBe(0);
  expect(await agent.getByTestId('member-capacity-text').allTextContents()).toEqual(['3', 'Default (4)']);
  await saveTallScreenshot(agent, 'settings-members-agent', 'dark');
  await expectAccessible(agent, 'the members page of an agent');

  // The api agrees: an agent's change is refused.
  const refused = await agentContext.request.fetch(`${stack.apiUrl}/v1/inboxes/${inbox.id}`, {
    method: 'PATCH',
    headers: { origin: stack.apiUrl },
    data: { routing: { mode: 'off' } },
  });
  expect(refused.status()).toBe(403);
});
