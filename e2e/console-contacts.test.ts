import { createHmac } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ContactList, InboxIdentity, InboxList, WidgetSession } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { saveLightAndDark } from './support/console-helpers.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import {
  callApi,
  expectAccessible,
  makeAgentOf,
  signUpOverHttp,
  waitForTransitions,
  withApiStopped,
} from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// The contacts directory through the real console, api and database: an owner finds contacts by
// attribute with the keyboard, edits one in place, merges a duplicate who wrote from another device into
// them (picked by search, after a dialog says what happens), and deletes a contact after typing their
// email. Each screen is checked by axe and pictured in light and dark.

let stack: Stack;
let browser: Browser;
let ownerContext: BrowserContext;
let owner: Page;
let siteKey = '';
let secret = '';
let keeperId = '';
let duplicate: VisitorSocket;
const dialogs: string[] = [];
const OWNER = { email: 'cora@acme.test', name: 'Cora Contacts', workspace: 'Acme Bikes' };
const AGENT = { email: 'abel@acme.test', name: 'Abel Agent', workspace: 'Scratch', password: 'correct horse battery' };
const DESKTOP = { width: 1360, height: 860 };
const XSS = '<img src=x onerror=alert(1)>';

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await duplicate?.close().catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

async function identify(userId: string, facts: { name?: string; email?: string; attributes?: Record<string, string> }) {
  const { attributes, ...identity } = facts;
  const response = await fetch(`${stack.apiUrl}/v1/widget/session`, {
    method: 'POST',
    headers: { origin: new URL(stack.siteUrl).origin, 'content-type': 'application/json' },
    body: JSON.stringify({
      siteKey,
      identity: { userId, hash: createHmac('sha256', secret).update(userId).digest('hex'), ...identity },
      ...(attributes ? { attributes } : {}),
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as WidgetSession;
}

async function pageState(): Promise<string | null> {
  return owner.getByTestId('contacts-page').getAttribute('data-state');
}

async function focusedTestId(): Promise<string> {
  return owner.evaluate(
    () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? '',
  );
}

async function settle() {
  await owner.waitForTimeout(250);
  await waitForTransitions(owner);
}

test('an empty directory says who will appear in it', async () => {
  ownerContext = await newWatchedContext(browser, dialogs);
  owner = await ownerContext.newPage();
  await owner.setViewportSize(DESKTOP);
  await signUpThroughConsole(owner, stack.apiUrl, OWNER);
  const { inboxes } = await callApi<InboxList>(ownerContext, stack.apiUrl, 'GET', '/v1/inboxes');
  siteKey = inboxes[0]!.siteKey;
  secret = (await callApi<InboxIdentity>(ownerContext, stack.apiUrl, 'GET', `/v1/inboxes/${inboxes[0]!.id}/identity`))
    .secret;

  await owner.getByTestId('nav-contacts').click();
  await owner.waitForURL(/\/contacts$/);
  await owner.getByTestId('contacts-empty').waitFor();
  expect(await owner.getByTestId('contacts-empty').textContent()).toContain('No contacts yet');
  await settle();
  await saveLightAndDark(owner, 'console-contacts-empty');
  await expectAccessible(owner, 'the empty contacts directory');
});

test('search by attribute with the keyboard, then open the contact', async () => {
  keeperId = (
    await identify('cust-1001', {
      name: 'Nora Lindqvist',
      email: 'nora@lindqvist.test',
      attributes: { company: 'Fjord Cycles', plan: 'Team', note: XSS },
    })
  ).visitorId;
  await identify('cust-1002', {
    name: 'Tariq Haddad',
    email: 'tariq@haddad.test',
    attributes: { company: 'Dune Rides' },
  });
  await identify('cust-1003', { name: 'Mei Chen', attributes: { company: 'Lotus Bikes', plan: 'Free' } });
  // A duplicate of Nora: she wrote from her phone without signing in, and left her email.
  duplicate = await VisitorSocket.connect(stack, siteKey);
  await duplicate.send('Hi, my order #4411 has not arrived');
  await duplicate.send('It was the Fjord Cycles frame');
  await fetch(`${stack.apiUrl}/v1/widget/visitor/contact`, {
    method: 'POST',
    headers: {
      origin: new URL(stack.siteUrl).origin,
      'content-type': 'application/json',
      authorization: `Bearer ${duplicate.session.token}`,
    },
    body: JSON.stringify({ email: 'nora.phone@lindqvist.test' }),
  });

  await owner.reload();
  await eventually(async () => expect(await owner.getByTestId('contact-row').count()).toBe(4));
  expect(await focusedTestId()).toBe('contacts-search');
  await settle();
  await saveLightAndDark(owner, 'console-contacts-list');
  await expectAccessible(owner, 'the contacts directory');

  await owner.keyboard.type('fjord');
  await owner.waitForURL(/\/contacts\?q=fjord$/);
  await eventually(async () => {
    expect(await pageState()).toBe('results');
    expect(await owner.getByTestId('contact-link').allTextContents()).toEqual(['Nora Lindqvist']);
  });

  await owner.getByTestId('contacts-search').fill('nobody-like-this');
  await owner.getByTestId('contacts-empty').waitFor();
  expect(await owner.getByTestId('contacts-empty').textContent()).toContain('No contacts match');

  await owner.getByTestId('contacts-search').fill('LOTUS');
  await eventually(async () => expect(await owner.getByTestId('contact-link').allTextContents()).toEqual(['Mei Chen']));
  await owner.getByTestId('contacts-search').fill('team');
  await eventually(async () =>
    expect(await owner.getByTestId('contact-link').allTextContents()).toEqual(['Nora Lindqvist']),
  );
  await owner.keyboard.press('ArrowDown');
  expect(await focusedTestId()).toBe('contact-link');
  await owner.keyboard.press('Enter');
  await owner.waitForURL(new RegExp(`/contacts/${keeperId}$`));
  await owner.getByTestId('contact-details').waitFor();
  expect(await owner.getByTestId('contact-title').textContent()).toBe('Nora Lindqvist');
  // The attribute with markup is text, not an element.
  expect(await owner.getByTestId('contact-attributes').textContent()).toContain(XSS);
  expect(await owner.locator('[data-testid="contact-attributes"] img').count()).toBe(0);
  await settle();
  await saveLightAndDark(owner, 'console-contact-page');
  await expectAccessible(owner, 'a contact page');
});

test('edit the name and attributes in place; the change is stored', async () => {
  await owner.getByTestId('contact-edit').click();
  await owner.getByTestId('contact-name-input').fill('Nora Lindqvist-Berg');
  await owner.getByTestId('contact-email-input').fill('not an email');
  await owner.getByTestId('contact-save').click();
  expect(await owner.getByTestId('contact-details').textContent()).toContain('Enter an email address');
  await owner.getByTestId('contact-email-input').fill('nora@lindqvist.test');
  await owner.getByTestId('contact-save').click();
  await eventually(async () =>
    expect(await owner.getByTestId('contact-name').textContent()).toBe('Nora Lindqvist-Berg'),
  );

  await owner.getByTestId('attributes-edit').click();
  await owner.getByTestId('attribute-add').click();
  await owner.getByTestId('attribute-key').last().fill('region');
  await owner.getByTestId('attribute-value').last().fill('Nordics');
  await settle();
  await saveLightAndDark(owner, 'console-contact-editing');
  await expectAccessible(owner, 'a contact being edited');
  await owner.getByTestId('attributes-save').click();
  await eventually(async () =>
    expect(await owner.getByTestId('contact-attributes').textContent()).toContain('Nordics'),
  );

  await owner.reload();
  await owner.getByTestId('contact-details').waitFor();
  expect(await owner.getByTestId('contact-title').textContent()).toBe('Nora Lindqvist-Berg');
  expect(await owner.getByTestId('contact-attributes').textContent()).toContain('regionNordics');
});

test('merge the duplicate: picked by search, a dialog says what happens, conversations move', async () => {
  expect(await owner.getByTestId('contact-conversation').count()).toBe(0);
  await owner.getByTestId('contact-merge').click();
  const dialog = owner.getByTestId('merge-dialog');
  await dialog.waitFor();
  expect(await focusedTestId()).toBe('merge-search');
  await owner.keyboard.type('nora.phone');
  await owner.getByTestId('merge-candidate').first().waitFor();
  expect(await owner.getByTestId('merge-candidate').count()).toBe(1);
  await owner.getByTestId('merge-candidate').click();
  const summary = owner.getByTestId('merge-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('1 conversation');
  expect(await summary.textContent()).toContain('cannot be undone');
  await settle();
  await saveLightAndDark(owner, 'console-contact-merge-dialog');
  await expectAccessible(owner, 'the merge dialog');

  await owner.getByTestId('merge-confirm').click();
  await owner.getByTestId('contact-notice').waitFor();
  expect(await dialog.count()).toBe(0);
  await eventually(async () => expect(await owner.getByTestId('contact-conversation').count()).toBe(1));
  expect(await owner.getByTestId('contact-conversation').textContent()).toContain('It was the Fjord Cycles frame');
  // Nora keeps her own email; the duplicate is gone from the directory.
  expect(await owner.getByTestId('contact-email').textContent()).toBe('nora@lindqvist.test');
  const { contacts } = await callApi<ContactList>(ownerContext, stack.apiUrl, 'GET', '/v1/contacts?q=nora');
  expect(contacts.map((contact) => contact.id)).toEqual([keeperId]);
  await settle();
  await saveLightAndDark(owner, 'console-contact-merged');

  // The conversation link opens it in the inbox.
  await owner.getByTestId('contact-conversation').click();
  await owner.waitForURL(/\/conversations\/[0-9a-f-]+$/);
});

test('delete a contact only after typing their email; they leave the directory', async () => {
  await owner.goto(`${stack.apiUrl}/contacts?q=tariq`);
  await eventually(async () =>
    expect(await owner.getByTestId('contact-link').allTextContents()).toEqual(['Tariq Haddad']),
  );
  await owner.getByTestId('contact-link').click();
  await owner.getByTestId('contact-details').waitFor();
  await owner.getByTestId('contact-delete').click();
  await owner.getByTestId('delete-dialog').waitFor();
  expect(await focusedTestId()).toBe('delete-phrase');
  const confirm = owner.getByTestId('delete-confirm');
  expect(await confirm.isDisabled()).toBe(true);
  await owner.keyboard.type('tariq@haddad.tes');
  expect(await confirm.isDisabled()).toBe(true);
  await owner.keyboard.type('t');
  expect(await confirm.isDisabled()).toBe(false);
  await settle();
  await saveLightAndDark(owner, 'console-contact-delete-dialog');
  await expectAccessible(owner, 'the delete dialog');

  // Escape cancels and nothing is deleted; then confirm for real.
  await owner.keyboard.press('Escape');
  expect(await owner.getByTestId('delete-dialog').count()).toBe(0);
  await owner.getByTestId('contact-delete').click();
  await owner.getByTestId('delete-phrase').fill('TARIQ@haddad.test');
  await owner.keyboard.press('Enter');
  await owner.waitForURL(/\/contacts$/);
  await eventually(async () => {
    const names = await owner.getByTestId('contact-link').allTextContents();
    expect(names).not.toContain('Tariq Haddad');
    expect(names).toContain('Mei Chen');
  });
  const { contacts } = await callApi<ContactList>(ownerContext, stack.apiUrl, 'GET', '/v1/contacts?q=tariq');
  expect(contacts).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('an agent reads and edits contacts but is offered neither merge nor delete', async () => {
  const me = await callApi<{ workspace: { id: string } }>(ownerContext, stack.apiUrl, 'GET', '/v1/me');
  const signedUp = await signUpOverHttp(browser, stack.apiUrl, AGENT);
  await withApiStopped(stack, (db) => makeAgentOf(db, signedUp.userId, me.workspace.id));
  const agent = await signedUp.context.newPage();
  await agent.setViewportSize(DESKTOP);
  await agent.goto(`${stack.apiUrl}/contacts/${keeperId}`);
  await agent.getByTestId('contact-details').waitFor({ timeout: 20_000 });
  expect(await agent.getByTestId('contact-edit').count()).toBe(1);
  expect(await agent.getByTestId('contact-merge').count()).toBe(0);
  expect(await agent.getByTestId('contact-delete').count()).toBe(0);
  await signedUp.context.close();
});
