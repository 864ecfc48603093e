import { isRealPostgresSelected } from '@parley/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type {
  AgentConversationDetail,
  AgentConversationList,
  ConversationLabels,
  Label,
  LabelList,
} from '../../protocol/label-rest.ts';
import type { ConversationDetail, WidgetSession } from '../../protocol/rest.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// Labels over REST: owners shape the set, every agent of the workspace puts them on conversations, the
// lists and the conversation carry them and filter by them; agents get 403, other workspaces 404, and
// nothing changes; the widget never sees a label.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
let conversationId: string;
let visitorToken: string;
let outsiderConversationId: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  const visitor = await server.connectVisitor((await server.inboxOf(owner.cookie)).siteKey);
  visitorToken = visitor.session.token;
  conversationId = (await visitor.socket.sendAcked({ body: 'My refund?' })).conversationId;
  const foreignVisitor = await server.connectVisitor((await server.inboxOf(outsider.cookie)).siteKey);
  outsiderConversationId = (await foreignVisitor.socket.sendAcked({ body: 'Hi' })).conversationId;
});
afterAll(() => server.close());

async function createLabel(name: string, cookie = owner.cookie, color = 'blue'): Promise<Label> {
  const answer = await server.request<Label>('POST', '/v1/labels', { cookie, body: { name, color } });
  expect(answer.status).toBe(201);
  return answer.body;
}

const listLabels = async (cookie: string) =>
  (await server.request<LabelList>('GET', '/v1/labels', { cookie })).body.labels;
const labelsOn = async (id: string, cookie = owner.cookie) =>
  (await server.request<ConversationLabels>('GET', `/v1/conversations/${id}/labels`, { cookie })).body.labels;

describe('the label set', () => {
  test('an owner creates, renames, recolours and deletes labels; every agent of the workspace reads them by name', async () => {
    const vip = await createLabel('  VIP ');
    expect(vip).toMatchObject({ name: 'VIP', color: 'blue' });
    await createLabel('billing', owner.cookie, 'green');

    const renamed = await server.request<Label>('PATCH', `/v1/labels/${vip.id}`, {
      cookie: owner.cookie,
      body: { name: 'Very important', color: 'purple' },
    });
    expect(renamed).toMatchObject({ status: 200, body: { id: vip.id, name: 'Very important', color: 'purple' } });
    expect((await listLabels(agent.cookie)).map((label) => label.name)).toEqual(['billing', 'Very important']);
    expect(await listLabels(outsider.cookie)).toEqual([]);

    expect((await server.request('DELETE', `/v1/labels/${vip.id}`, { cookie: owner.cookie })).status).toBe(204);
    expect((await listLabels(owner.cookie)).map((label) => label.name)).toEqual(['billing']);
  });

  test('names are unique ignoring case: label/name_taken, and nothing changes', async () => {
    const bug = await createLabel('Bug');
    const other = await createLabel('Feature');
    for (const answer of [
      await server.request('POST', '/v1/labels', { cookie: owner.cookie, body: { name: 'bug', color: 'red' } }),
      await server.request('PATCH', `/v1/labels/${other.id}`, { cookie: owner.cookie, body: { name: 'BUG' } }),
    ]) {
      expect(answer).toMatchObject({ status: 409, body: { code: 'label/name_taken' } });
    }
    const names = (await listLabels(owner.cookie)).map((label) => label.name);
    expect(names.filter((name) => name.toLowerCase() === 'bug')).toEqual([bug.name]);
    expect(names).toContain('Feature');
    // Another workspace may have its own "Bug".
    await createLabel('Bug', outsider.cookie);
  });

  test('names and colours are checked: request/invalid', async () => {
    const label = await createLabel('Checked');
    for (const body of [
      { name: 'x'.repeat(41), color: 'red' },
      { name: '   ', color: 'red' },
      { name: 'Fine', color: 'chartreuse' },
      { name: 'Fine' },
      { name: 'Fine', color: 'red', extra: true },
    ]) {
      const answer = await server.request('POST', '/v1/labels', { cookie: owner.cookie, body });
      expect(answer).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    }
    const empty = await server.request('PATCH', `/v1/labels/${label.id}`, { cookie: owner.cookie, body: {} });
    expect(empty).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    expect((await listLabels(owner.cookie)).some((l) => l.name === 'Fine')).toBe(false);
  });

  test('an agent cannot create, change or delete labels: 403, and nothing changes', async () => {
    const label = await createLabel('Sales', owner.cookie, 'amber');
    for (const answer of [
      await server.request('POST', '/v1/labels', { cookie: agent.cookie, body: { name: 'Mine', color: 'red' } }),
      await server.request('PATCH', `/v1/labels/${label.id}`, { cookie: agent.cookie, body: { name: 'Taken over' } }),
      await server.request('DELETE', `/v1/labels/${label.id}`, { cookie: agent.cookie }),
    ]) {
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
    }
    const labels = await listLabels(owner.cookie);
    expect(labels.find((l) => l.id === label.id)).toEqual(label);
    expect(labels.some((l) => l.name === 'Mine')).toBe(false);
  });

  test('another workspace’s owner gets 404 for our label, like a missing one, and nothing changes', async () => {
    const label = await createLabel('Ours', owner.cookie, 'teal');
    for (const id of [label.id, MISSING_ID]) {
      for (const answer of [
        await server.request('PATCH', `/v1/labels/${id}`, { cookie: outsider.cookie, body: { name: 'Theirs' } }),
        await server.request('DELETE', `/v1/labels/${id}`, { cookie: outsider.cookie }),
      ]) {
        expect(answer).toMatchObject({ status: 404, body: { code: 'label/not_found', message: 'No such label.' } });
      }
    }
    expect((await listLabels(owner.cookie)).find((l) => l.id === label.id)).toEqual(label);
  });
});

describe('labels on conversations', () => {
  test('any agent adds and removes labels; lists, the conversation and the label filter show them', async () => {
    const refund = await createLabel('Refund', owner.cookie, 'red');
    const urgent = await createLabel('Urgent', owner.cookie, 'orange');
    const path = `/v1/conversations/${conversationId}/labels`;
    const added = await server.request<ConversationLabels>('PUT', `${path}/${urgent.id}`, { cookie: agent.cookie });
    expect(added).toMatchObject({ status: 200, body: { labels: [urgent] } });
    await server.request('PUT', `${path}/${refund.id}`, { cookie: agent.cookie });
    // Adding again changes nothing.
    const again = await server.request<ConversationLabels>('PUT', `${path}/${refund.id}`, { cookie: owner.cookie });
    expect(again.body.labels).toEqual([refund, urgent]);

    const detail = await server.request<AgentConversationDetail>('GET', `/v1/conversations/${conversationId}`, {
      cookie: agent.cookie,
    });
    expect(detail.body.conversation.labels).toEqual([refund, urgent]);
    const list = await server.request<AgentConversationList>('GET', '/v1/conversations?status=all', {
      cookie: agent.cookie,
    });
    expect(list.body.conversations.find((c) => c.id === conversationId)?.labels).toEqual([refund, urgent]);

    const filtered = await server.request<AgentConversationList>(
      'GET',
      `/v1/conversations?status=all&label=${refund.id}`,
      { cookie: agent.cookie },
    );
    expect(filtered.body.conversations.map((c) => c.id)).toEqual([conversationId]);

    const removed = await server.request<ConversationLabels>('DELETE', `${path}/${urgent.id}`, {
      cookie: agent.cookie,
    });
    expect(removed).toMatchObject({ status: 200, body: { labels: [refund] } });
    const removedAgain = await server.request<ConversationLabels>('DELETE', `${path}/${urgent.id}`, {
      cookie: agent.cookie,
    });
    expect(removedAgain.body.labels).toEqual([refund]);
    const byUrgent = await server.request<AgentConversationList>('GET', `/v1/conversations?label=${urgent.id}`, {
      cookie: agent.cookie,
    });
    expect(byUrgent.body.conversations).toEqual([]);
  });

  test('deleting a label takes it off every conversation', async () => {
    const temporary = await createLabel('Temporary');
    await server.request('PUT', `/v1/conversations/${conversationId}/labels/${temporary.id}`, { cookie: agent.cookie });
    await server.request('DELETE', `/v1/labels/${temporary.id}`, { cookie: owner.cookie });
    expect((await labelsOn(conversationId)).map((label) => label.id)).not.toContain(temporary.id);
  });

  test('another workspace’s label cannot go on our conversation, nor ours on theirs: 404, and nothing changes', async () => {
    const ours = await createLabel('Ours only');
    const theirs = await createLabel('Theirs only', outsider.cookie);
    const before = await labelsOn(conversationId);
    const attempts = [
      ['PUT', conversationId, theirs.id, owner.cookie, 'label/not_found'],
      ['DELETE', conversationId, theirs.id, owner.cookie, 'label/not_found'],
      ['PUT', conversationId, MISSING_ID, owner.cookie, 'label/not_found'],
      ['PUT', conversationId, ours.id, outsider.cookie, 'conversation/not_found'],
      ['PUT', outsiderConversationId, ours.id, owner.cookie, 'conversation/not_found'],
      ['PUT', outsiderConversationId, theirs.id, owner.cookie, 'conversation/not_found'],
    ] as const;
    for (const [method, id, labelId, cookie, code] of attempts) {
      const answer = await server.request(method, `/v1/conversations/${id}/labels/${labelId}`, { cookie });
      expect(answer).toMatchObject({ status: 404, body: { code } });
    }
    const foreignRead = await server.request('GET', `/v1/conversations/${conversationId}/labels`, {
      cookie: outsider.cookie,
    });
    expect(foreignRead).toMatchObject({ status: 404, body: { code: 'conversation/not_found' } });
    const foreignFilter = await server.request('GET', `/v1/conversations?label=${theirs.id}`, { cookie: owner.cookie });
    expect(foreignFilter).toMatchObject({ status: 404, body: { code: 'label/not_found' } });
    expect(await labelsOn(conversationId)).toEqual(before);
    expect(await labelsOn(outsiderConversationId, outsider.cookie)).toEqual([]);
  });

  test('needs a session and well-formed ids', async () => {
    const label = await createLabel('Guarded');
    const anonymous = await server.request('PUT', `/v1/conversations/${conversationId}/labels/${label.id}`);
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'auth/required' } });
    const malformed = await server.request('PUT', `/v1/conversations/${conversationId}/labels/not-a-uuid`, {
      cookie: owner.cookie,
    });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'request/invalid' } });
    expect((await labelsOn(conversationId)).map((l) => l.id)).not.toContain(label.id);
  });

  test('the widget never sees labels', async () => {
    const secret = await createLabel('Difficult customer');
    await server.request('PUT', `/v1/conversations/${conversationId}/labels/${secret.id}`, { cookie: owner.cookie });
    const session = await server.request<WidgetSession>('POST', '/v1/widget/session', {
      origin: SITE_ORIGIN,
      token: visitorToken,
      body: { siteKey: (await server.inboxOf(owner.cookie)).siteKey },
    });
    expect(session.body.conversation?.id).toBe(conversationId);
    const detail = await server.request<ConversationDetail>('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: visitorToken,
    });
    expect(detail.status).toBe(200);
    for (const text of [JSON.stringify(session.body), JSON.stringify(detail.body)]) {
      expect(text).not.toContain('labels');
      expect(text).not.toContain(secret.name);
    }
  });
});

describe('a label deleted while it is being put on', () => {
  // PGlite runs one statement at a time, so only a real server can interleave the two transactions.
  test.runIf(isRealPostgresSelected())('the put waits for the delete and answers 404, not a 500', async () => {
    const doomed = await createLabel('Short-lived');
    let put: ReturnType<typeof server.request> | undefined;
    await server.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('labels').where('id', '=', doomed.id).execute();
      put = server.request('PUT', `/v1/conversations/${conversationId}/labels/${doomed.id}`, {
        cookie: owner.cookie,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(await put).toMatchObject({ status: 404, body: { code: 'label/not_found' } });
    expect((await labelsOn(conversationId)).map((l) => l.id)).not.toContain(doomed.id);
  });
});
