import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentConversationList, InboxList, ParticipantList } from '../api/src/protocol/index.ts';
import { requestAsAgent } from './support/agent-rest.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole, saveLightAndDark } from './support/console-helpers.ts';
import { holdAgentSocket } from './support/held-agent-socket.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { expectAccessible } from './support/settings-helpers.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// The Participating view through the real console, api and database: Ana holds two conversations; Ben
// joins one from its header and the other from elsewhere, and both arrive in his Participating view with
// its count: live, and also when the join came while his console's socket was not live yet (it comes with
// the list read once live). Leaving, elsewhere or from the header, takes it out the same way. Cal, who
// took part in neither, sees none of them there.

let stack: Stack;
let browser: Browser;
let ana: Page;
let ben: Page;
let cal: Page;
let benContext: BrowserContext;
let anaId: string;
let benId: string;
const conversationIds: string[] = [];
const dialogs: string[] = [];
// A 2×2 PNG, all four pixels orange: Ben's picture.
const AVATAR_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4WSwGRAwQCgAt0gYJmHickQAAAABJRU5ErkJggg==',
  'base64',
);
const ANA = { email: 'ana@participating.test', name: 'Ana Assignee', workspace: 'Participating Bikes' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const findConversation = async (id: string) =>
  (
    await callAsConsole<AgentConversationList>(ana, stack.apiUrl, 'GET', '/v1/conversations?status=all')
  ).conversations.find((conversation) => conversation.id === id);

async function openParticipating(context: BrowserContext, path = '/conversations?status=participating') {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.goto(`${stack.apiUrl}${path}`);
  await page.getByTestId('count-participating').waitFor();
  return page;
}

test('two conversations come in and routing gives both to Ana, the only one online', async () => {
  const anaContext = await newWatchedContext(browser, dialogs);
  ana = await anaContext.newPage();
  await ana.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(ana, stack.apiUrl, ANA);
  anaId = (await callAsConsole<{ user: { id: string } }>(ana, stack.apiUrl, 'GET', '/v1/me')).user.id;
  await ana.goto(`${stack.apiUrl}/conversations`);
  await ana.getByTestId('inbox-filter').waitFor();
  const siteKey = (await callAsConsole<InboxList>(ana, stack.apiUrl, 'GET', '/v1/inboxes')).inboxes[0]!.siteKey;
  for (const text of ['My brakes squeak', 'Where is my order 1042?']) {
    const { conversationId } = await (await VisitorSocket.connect(stack, siteKey)).send(text);
    conversationIds.push(conversationId);
    await eventually(async () => expect((await findConversation(conversationId))?.assignee?.id).toBe(anaId));
  }
});

test('Ben joins the first from its header: it is in his Participating view with its count, live', async () => {
  const invite = (email: string) => inviteOverHttp(ana.context(), stack.apiUrl, { email, role: 'agent' });
  const accepted = await acceptOverHttp(browser, stack.apiUrl, await invite('ben@participating.test'), {
    name: 'Ben Participant',
    password: 'correct horse 42',
  });
  benContext = accepted.context;
  benId = accepted.me.user.id;
  const uploaded = await benContext.request.fetch(`${stack.apiUrl}/v1/me/avatar`, {
    method: 'PUT',
    headers: { origin: stack.apiUrl, 'content-type': 'image/png' },
    data: AVATAR_PNG,
  });
  expect(uploaded.status()).toBe(200);
  const calAccepted = await acceptOverHttp(browser, stack.apiUrl, await invite('cal@participating.test'), {
    name: 'Cal Bystander',
    password: 'correct horse 43',
  });
  cal = await openParticipating(calAccepted.context);

  const [first] = conversationIds as [string, string];
  ben = await openParticipating(benContext, `/conversations/${first}?status=participating`);
  expect(await ben.getByTestId('count-participating').textContent()).toBe('0');
  expect(await ben.getByTestId('conversation-row').count()).toBe(0);
  await ben.getByTestId('join-conversation').click();
  await eventually(async () => expect(await ben.getByTestId('count-participating').textContent()).toBe('1'));
  await eventually(async () => expect(await ben.getByTestId('conversation-row').count()).toBe(1));
  expect(await ben.getByTestId('conversation-row').first().textContent()).toContain('My brakes squeak');
  expect(await ben.getByTestId('join-conversation').count()).toBe(0);
  await eventually(async () =>
    expect(await ben.locator(`[data-testid="participant"][data-user-id="${benId}"]`).count()).toBe(1),
  );
  // Still Ana's: Participating is about taking part, not holding.
  expect((await findConversation(first))?.assignee?.id).toBe(anaId);
  await expectAccessible(ben, 'the Participating view');
  await saveLightAndDark(ben, 'console-participating-joined');
});

test('Ben joins the second elsewhere while his console is not live yet: it counts and lists it once live', async () => {
  // The console reads its list over REST while its socket is still connecting: a join made then is
  // announced to sockets that are live, not to his, and must come with the list read once it is.
  const second = conversationIds[1]!;
  const page = await benContext.newPage();
  await page.setViewportSize({ width: 1360, height: 860 });
  const socket = await holdAgentSocket(page);
  await page.goto(`${stack.apiUrl}/conversations?status=participating`);
  await eventually(async () => expect(await page.getByTestId('conversation-row').count()).toBe(1));
  expect(await page.getByTestId('count-participating').textContent()).toBe('1');
  const { participants } = await requestAsAgent<ParticipantList>(
    benContext.request,
    stack.apiUrl,
    'POST',
    `/v1/conversations/${second}/participants`,
  );
  expect(participants.map((participant) => participant.id)).toContain(benId);
  socket.release();
  await eventually(async () => expect(await page.getByTestId('count-participating').textContent()).toBe('2'));
  await eventually(async () => expect(await page.getByTestId('conversation-row').count()).toBe(2));
  expect(await page.getByTestId('conversation-row').allTextContents()).toEqual([
    expect.stringContaining('Where is my order 1042?'),
    expect.stringContaining('My brakes squeak'),
  ]);
  await saveLightAndDark(page, 'console-participating-live');
  await ben.close();
  ben = page;
});

test('Ben leaves the second elsewhere and joins it again: his live console follows both ways', async () => {
  const second = conversationIds[1]!;
  const path = `/v1/conversations/${second}/participants`;
  const left = await requestAsAgent<ParticipantList>(benContext.request, stack.apiUrl, 'DELETE', path);
  expect(left.participants.map((participant) => participant.id)).not.toContain(benId);
  await eventually(async () => expect(await ben.getByTestId('count-participating').textContent()).toBe('1'));
  await eventually(async () => expect(await ben.getByTestId('conversation-row').count()).toBe(1));
  expect(await ben.getByTestId('conversation-row').first().textContent()).toContain('My brakes squeak');

  const joined = await requestAsAgent<ParticipantList>(benContext.request, stack.apiUrl, 'POST', path);
  expect(joined.participants.map((participant) => participant.id)).toContain(benId);
  await eventually(async () => expect(await ben.getByTestId('count-participating').textContent()).toBe('2'));
  await eventually(async () => expect(await ben.getByTestId('conversation-row').count()).toBe(2));
});

test('Ben leaves the second from its header: out of his Participating view at once, Join is back', async () => {
  const second = conversationIds[1]!;
  await ben.goto(`${stack.apiUrl}/conversations/${second}?status=participating`);
  await eventually(async () => expect(await ben.getByTestId('conversation-row').count()).toBe(2));
  const leave = ben.getByTestId('leave-conversation');
  await leave.waitFor();
  await saveLightAndDark(ben, 'console-participating-leave');
  await leave.click();
  await eventually(async () => expect(await ben.getByTestId('count-participating').textContent()).toBe('1'));
  await eventually(async () => expect(await ben.getByTestId('conversation-row').count()).toBe(1));
  await ben.getByTestId('join-conversation').waitFor();
  expect(await ben.locator(`[data-testid="participant"][data-user-id="${benId}"]`).count()).toBe(0);
  const { participants } = await callAsConsole<ParticipantList>(
    ben,
    stack.apiUrl,
    'GET',
    `/v1/conversations/${second}/participants`,
  );
  expect(participants.map((participant) => participant.id)).not.toContain(benId);
  await expectAccessible(ben, 'a conversation Ben left');
  await saveLightAndDark(ben, 'console-participating-left');
});

test('Cal took part in neither: his Participating view stays empty, his Open count has both', async () => {
  expect(await cal.getByTestId('count-participating').textContent()).toBe('0');
  expect(await cal.getByTestId('conversation-row').count()).toBe(0);
  await cal.getByText('Not taking part in any').waitFor();
  await cal.reload();
  await cal.getByTestId('count-participating').waitFor();
  await eventually(async () => expect(await cal.getByTestId('count-open').textContent()).toBe('2'));
  expect(await cal.getByTestId('count-participating').textContent()).toBe('0');
  expect(await cal.getByTestId('conversation-row').count()).toBe(0);
  await expectAccessible(cal, 'an empty Participating view');
  await saveLightAndDark(cal, 'console-participating-empty');
  // Ana holds both, so they are Mine for her rather than Participating.
  await ana.goto(`${stack.apiUrl}/conversations?status=participating`);
  await eventually(async () => expect(await ana.getByTestId('count-mine').textContent()).toBe('2'));
  expect(await ana.getByTestId('count-participating').textContent()).toBe('0');
  expect(dialogs).toEqual([]);
});

test('Cal sees Ben’s uploaded picture, not his initials, in the participants bar, the assign menu and the members list', async () => {
  const first = conversationIds[0]!;
  await cal.goto(`${stack.apiUrl}/conversations/${first}?status=all`);
  const benInBar = cal.locator(`[data-testid="participant"][data-user-id="${benId}"] img.avatar__image`);
  await benInBar.waitFor();
  expect(await benInBar.getAttribute('src')).toMatch(new RegExp(`^/v1/users/${benId}/avatar\\?v=\\d+$`));
  await eventually(async () =>
    expect(await benInBar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(2),
  );
  await cal.keyboard.press('Escape');
  await cal.getByTestId('conversation-assignee').click();
  const benInMenu = cal.locator(`img.avatar__image[src^="/v1/users/${benId}/avatar"]`);
  await eventually(async () => expect(await benInMenu.count()).toBeGreaterThanOrEqual(2));
  await saveLightAndDark(cal, 'console-participating-teammate-avatar');
  await cal.keyboard.press('Escape');

  await cal.goto(`${stack.apiUrl}/settings/members`);
  const benRow = cal.locator(`[data-testid="member-row"]`, { hasText: 'Ben Participant' });
  await benRow.locator('img.avatar__image').waitFor();
  // Ana has no picture: her initials stay.
  const anaRow = cal.locator(`[data-testid="member-row"]`, { hasText: ANA.name });
  expect(await anaRow.locator('img').count()).toBe(0);
  expect((await anaRow.locator('.avatar').textContent())?.trim()).toBe('AA');
  await expectAccessible(cal, 'the members list with a picture');
});
