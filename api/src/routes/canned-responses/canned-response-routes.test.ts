import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CannedResponse, CannedResponseList } from '../../protocol/canned-rest.ts';
import { startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// Canned responses over REST: shared ones are the workspace's (owners and admins write them), personal
// ones their owner's alone; search by shortcut and title; 403, 404 and validation with nothing changed.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let colleague: TestAgent;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  colleague = await server.signUp(undefined, { name: 'Cora Colleague' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  await server.moveAgentToWorkspace(colleague.me.user.id, owner.me.workspace.id);
});
afterAll(() => server.close());

type Draft = { shortcut: string; title: string; body: string; scope: 'shared' | 'personal' };

async function create(cookie: string, draft: Draft): Promise<CannedResponse> {
  const answer = await server.request<CannedResponse>('POST', '/v1/canned-responses', { cookie, body: draft });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function list(cookie: string, search = ''): Promise<CannedResponse[]> {
  const answer = await server.request<CannedResponseList>('GET', `/v1/canned-responses${search}`, { cookie });
  expect(answer.status).toBe(200);
  return answer.body.cannedResponses;
}

const shortcutsOf = (responses: CannedResponse[]) => responses.map((response) => response.shortcut);

describe('shared and personal', () => {
  test('an owner writes shared responses everyone sees; an agent’s personal ones are theirs alone', async () => {
    const shared = await create(owner.cookie, {
      shortcut: 'Refund',
      title: ' Refund policy ',
      body: 'Hi {{visitor.name}}, refunds take 5 days.',
      scope: 'shared',
    });
    expect(shared).toMatchObject({ shortcut: 'refund', title: 'Refund policy', scope: 'shared' });
    const mine = await create(agent.cookie, {
      shortcut: 'sign-off',
      title: 'My sign-off',
      body: 'Cheers, Arno',
      scope: 'personal',
    });
    expect(mine.scope).toBe('personal');

    expect(shortcutsOf(await list(agent.cookie))).toEqual(['refund', 'sign-off']);
    expect(shortcutsOf(await list(colleague.cookie))).toEqual(['refund']);
    expect(shortcutsOf(await list(owner.cookie))).toEqual(['refund']);
    expect(await list(outsider.cookie)).toEqual([]);

    const edited = await server.request<CannedResponse>('PATCH', `/v1/canned-responses/${mine.id}`, {
      cookie: agent.cookie,
      body: { body: 'Best, Arno' },
    });
    expect(edited).toMatchObject({ status: 200, body: { id: mine.id, body: 'Best, Arno', title: 'My sign-off' } });
    expect((await server.request('DELETE', `/v1/canned-responses/${mine.id}`, { cookie: agent.cookie })).status).toBe(
      204,
    );
    expect(shortcutsOf(await list(agent.cookie))).toEqual(['refund']);
  });

  test('an agent cannot create, edit, share or delete shared responses: 403, and nothing changes', async () => {
    const shared = await create(owner.cookie, {
      shortcut: 'hours',
      title: 'Opening hours',
      body: '9–5',
      scope: 'shared',
    });
    const personal = await create(agent.cookie, {
      shortcut: 'hello',
      title: 'Hello',
      body: 'Hello!',
      scope: 'personal',
    });
    const attempts = [
      server.request('POST', '/v1/canned-responses', {
        cookie: agent.cookie,
        body: { shortcut: 'promo', title: 'Promo', body: 'Buy', scope: 'shared' },
      }),
      server.request('PATCH', `/v1/canned-responses/${shared.id}`, { cookie: agent.cookie, body: { body: 'Never' } }),
      server.request('PATCH', `/v1/canned-responses/${shared.id}`, {
        cookie: agent.cookie,
        body: { scope: 'personal' },
      }),
      server.request('PATCH', `/v1/canned-responses/${personal.id}`, {
        cookie: agent.cookie,
        body: { scope: 'shared' },
      }),
      server.request('DELETE', `/v1/canned-responses/${shared.id}`, { cookie: agent.cookie }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    }
    const seen = await list(agent.cookie, '?q=h');
    expect(seen.find((r) => r.id === shared.id)).toEqual(shared);
    expect(seen.find((r) => r.id === personal.id)).toEqual(personal);
    expect(shortcutsOf(await list(owner.cookie))).not.toContain('promo');
  });

  test('an owner shares a personal response of their own, and makes a shared one theirs', async () => {
    const draft = await create(owner.cookie, { shortcut: 'draft', title: 'Draft', body: 'Soon', scope: 'personal' });
    const shared = await server.request<CannedResponse>('PATCH', `/v1/canned-responses/${draft.id}`, {
      cookie: owner.cookie,
      body: { scope: 'shared' },
    });
    expect(shared.body.scope).toBe('shared');
    expect(shortcutsOf(await list(colleague.cookie))).toContain('draft');
    await server.request('PATCH', `/v1/canned-responses/${draft.id}`, {
      cookie: owner.cookie,
      body: { scope: 'personal' },
    });
    expect(shortcutsOf(await list(colleague.cookie))).not.toContain('draft');
    expect(shortcutsOf(await list(owner.cookie))).toContain('draft');
  });

  test('another agent’s personal response and another workspace’s answer 404, like a missing one', async () => {
    const personal = await create(agent.cookie, {
      shortcut: 'secret',
      title: 'Secret',
      body: 'Mine',
      scope: 'personal',
    });
    const shared = await create(owner.cookie, { shortcut: 'public', title: 'Public', body: 'Ours', scope: 'shared' });
    const attempts = [
      ['PATCH', personal.id, colleague],
      ['DELETE', personal.id, colleague],
      ['PATCH', personal.id, owner],
      ['PATCH', shared.id, outsider],
      ['DELETE', shared.id, outsider],
      ['PATCH', MISSING_ID, owner],
    ] as const;
    for (const [method, id, who] of attempts) {
      const answer = await server.request(method, `/v1/canned-responses/${id}`, {
        cookie: who.cookie,
        ...(method === 'PATCH' ? { body: { body: 'Taken over' } } : {}),
      });
      expect(answer).toMatchObject({
        status: 404,
        body: { code: 'canned/not_found', message: 'No such canned response.' },
      });
    }
    expect((await list(agent.cookie, '?q=secret'))[0]).toEqual(personal);
    expect((await list(owner.cookie, '?q=public'))[0]).toEqual(shared);
  });
});

describe('shortcuts and validation', () => {
  test('a shortcut is unique within its scope, ignoring case; a personal one may repeat a shared one', async () => {
    await create(owner.cookie, { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!', scope: 'shared' });
    const taken = await server.request('POST', '/v1/canned-responses', {
      cookie: owner.cookie,
      body: { shortcut: 'THANKS', title: 'Again', body: 'Again', scope: 'shared' },
    });
    expect(taken).toMatchObject({ status: 409, body: { code: 'canned/shortcut_taken' } });
    const personal = await create(agent.cookie, {
      shortcut: 'thanks',
      title: 'My thanks',
      body: 'Thanks a lot',
      scope: 'personal',
    });
    await create(colleague.cookie, { shortcut: 'thanks', title: 'Cora’s', body: 'Ta', scope: 'personal' });
    const other = await create(agent.cookie, { shortcut: 'other', title: 'Other', body: 'x', scope: 'personal' });
    const renamed = await server.request('PATCH', `/v1/canned-responses/${other.id}`, {
      cookie: agent.cookie,
      body: { shortcut: 'Thanks' },
    });
    expect(renamed).toMatchObject({ status: 409, body: { code: 'canned/shortcut_taken' } });
    const mine = await list(agent.cookie, '?q=thanks');
    // Their own first, then the shared one with the same shortcut.
    expect(mine.map((r) => r.title)).toEqual(['My thanks', 'Thanks']);
    expect(mine.find((r) => r.id === personal.id)).toEqual(personal);
  });

  test('limits and shapes: request/invalid, and nothing is stored', async () => {
    const base = { shortcut: 'ok', title: 'Title', body: 'Body', scope: 'personal' };
    for (const body of [
      { ...base, shortcut: 'x'.repeat(33) },
      { ...base, shortcut: 'two words' },
      { ...base, shortcut: 'café' },
      { ...base, shortcut: '' },
      { ...base, title: 'x'.repeat(101) },
      { ...base, title: '  ' },
      { ...base, body: 'x'.repeat(5001) },
      { ...base, body: '' },
      { ...base, scope: 'everyone' },
      { ...base, extra: 1 },
      { shortcut: 'ok', title: 'Title', body: 'Body' },
    ]) {
      const answer = await server.request('POST', '/v1/canned-responses', { cookie: agent.cookie, body });
      expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    }
    const longest = await create(agent.cookie, {
      shortcut: 'a'.repeat(32),
      title: 't'.repeat(100),
      body: 'b'.repeat(5000),
      scope: 'personal',
    });
    const empty = await server.request('PATCH', `/v1/canned-responses/${longest.id}`, {
      cookie: agent.cookie,
      body: {},
    });
    expect(empty).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    expect(shortcutsOf(await list(agent.cookie))).not.toContain('ok');
    const badQuery = await server.request('GET', `/v1/canned-responses?limit=0`, { cookie: agent.cookie });
    expect(badQuery).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
  });
});

describe('search', () => {
  let searcher: TestAgent;
  beforeAll(async () => {
    searcher = await server.signUp(undefined, { name: 'Sam Search' });
    for (const [shortcut, title] of [
      ['refund-late', 'Late delivery refund'],
      ['ref', 'Reference number'],
      ['shipping', 'Where is my refund?'],
      ['100_percent', 'Discount'],
      ['other', 'Something else'],
    ] as const) {
      await create(searcher.cookie, { shortcut, title, body: `About ${title}`, scope: 'shared' });
    }
  });

  test('matches shortcut and title ignoring case, shortcuts starting with the words first, limited', async () => {
    expect(shortcutsOf(await list(searcher.cookie, '?q=REF'))).toEqual(['ref', 'refund-late', 'shipping']);
    expect(shortcutsOf(await list(searcher.cookie, '?q=ref&limit=2'))).toEqual(['ref', 'refund-late']);
    expect(shortcutsOf(await list(searcher.cookie, '?q=delivery'))).toEqual(['refund-late']);
    expect(shortcutsOf(await list(searcher.cookie, '?q='))).toHaveLength(5);
  });

  test('% and _ stand for themselves', async () => {
    expect(shortcutsOf(await list(searcher.cookie, '?q=%25'))).toEqual([]);
    expect(shortcutsOf(await list(searcher.cookie, '?q=_'))).toEqual(['100_percent']);
  });
});
