import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgentConversationList, InboxList } from '../api/src/protocol/index.ts';
import { launchBrowser } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import { acceptOverHttp, inviteOverHttp } from './support/invite-member.ts';
import { eventually, newWatchedContext, signUpThroughConsole } from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';
import { VisitorSocket } from './support/visitor-socket.ts';

// A teammate's conversation list stays live through the real console, api and database: Ana holds two
// conversations; Ben, who holds neither and has opened neither, watches the list. Each new message reaches
// his console as what it changed (`appended` of conversations.changed, no whole summary), and his rows show
// the newest preview and move to the top.

let stack: Stack;
let browser: Browser;
let ana: Page;
let ben: Page;
const visitors: VisitorSocket[] = [];
const conversationIds: string[] = [];
const dialogs: string[] = [];
/** conversations.changed frames Ben's console received, as the browser saw them. */
const changedFrames: { conversations: { id: string }[]; appended?: { id: string; lastSeq: number }[] }[] = [];
const ANA = { email: 'ana@list-live.test', name: 'Ana Assignee', workspace: 'Live List Bikes' };

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const rowOf = (page: Page, id: string) =>
  page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`);

test('two conversations come in and routing gives both to Ana', async () => {
  ana = await (await newWatchedContext(browser, dialogs)).newPage();
  await ana.setViewportSize({ width: 1360, height: 860 });
  await signUpThroughConsole(ana, stack.apiUrl, ANA);
  const anaId = (await callAsConsole<{ user: { id: string } }>(ana, stack.apiUrl, 'GET', '/v1/me')).user.id;
  await ana.goto(`${stack.apiUrl}/conversations`);
  await ana.getByTestId('inbox-filter').waitFor();
  const siteKey = (await callAsConsole<InboxList>(ana, stack.apiUrl, 'GET', '/v1/inboxes')).inboxes[0]!.siteKey;
  for (const text of ['My chain slips', 'Do you ship to Norway?']) {
    const visitor = await VisitorSocket.connect(stack, siteKey);
    const { conversationId } = await visitor.send(text);
    visitors.push(visitor);
    conversationIds.push(conversationId);
    await eventually(async () => {
      const list = await callAsConsole<AgentConversationList>(ana, stack.apiUrl, 'GET', '/v1/conversations?status=all');
      expect(list.conversations.find((c) => c.id === conversationId)?.assignee?.id).toBe(anaId);
    });
  }
});

test('Ben’s list shows each new message of Ana’s conversations from what it changed, newest on top', async () => {
  const invite = await inviteOverHttp(ana.context(), stack.apiUrl, { email: 'ben@list-live.test', role: 'agent' });
  const accepted = await acceptOverHttp(browser, stack.apiUrl, invite, {
    name: 'Ben Bystander',
    password: 'correct horse 44',
  });
  ben = await accepted.context.newPage();
  await ben.setViewportSize({ width: 1360, height: 860 });
  ben.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload !== 'string' || !payload.startsWith('{"type":"conversations.changed"')) return;
      changedFrames.push(JSON.parse(payload).data);
    }),
  );
  await ben.goto(`${stack.apiUrl}/conversations?status=all`);
  const [first, second] = conversationIds as [string, string];
  await rowOf(ben, first).waitFor();
  await rowOf(ben, second).waitFor();
  // Whole summaries of both went out when they were routed: from here on messages travel as what they change.
  changedFrames.length = 0;

  const [firstVisitor, secondVisitor] = visitors as [VisitorSocket, VisitorSocket];
  await secondVisitor.send('Or to Iceland?');
  await eventually(async () => expect(await rowOf(ben, second).textContent()).toContain('Or to Iceland?'));
  const latest = await firstVisitor.sendAll(['It slips on the small cog', 'Only when I pedal hard']);
  await eventually(async () => expect(await rowOf(ben, first).textContent()).toContain('Only when I pedal hard'));
  await eventually(async () =>
    expect(await ben.getByTestId('conversation-row').first().getAttribute('data-conversation-id')).toBe(first),
  );
  expect(await rowOf(ben, first).textContent()).not.toContain('small cog');

  const appendedIds = changedFrames.flatMap((frame) => (frame.appended ?? []).map((change) => change.id));
  const summaryIds = changedFrames.flatMap((frame) => frame.conversations.map((summary) => summary.id));
  expect(appendedIds).toEqual(expect.arrayContaining([first, second]));
  expect(summaryIds).toEqual([]);
  const lastOfFirst = changedFrames
    .flatMap((frame) => frame.appended ?? [])
    .filter((c) => c.id === first)
    .at(-1);
  expect(lastOfFirst?.lastSeq).toBe(latest.at(-1)?.seq);

  await expectNoSeriousA11yViolations(ben, 'the live conversation list');
  await saveLightAndDark(ben, 'console-list-live');
  expect(dialogs).toEqual([]);
});
