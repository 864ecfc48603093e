import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ContactDetail, ContactList } from '../../protocol/contact-rest.ts';
import type { InboxIdentity } from '../../protocol/identity-rest.ts';
import type { Inbox, WidgetSession } from '../../protocol/rest.ts';
import { computeIdentityHash } from '../../services/visitors/identity-hash.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';

// The directory: who is listed, search by name/email/user id/attribute value ignoring case, pages by a
// stable cursor, the contact page with conversations, edits by every role, and another workspace sees nothing.

const MISSING_ID = '00000000-0000-4000-8000-000000000000';

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let outsider: TestAgent;
let inbox: Inbox;
let secret: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp(undefined, { name: 'Olga Owner' });
  agent = await server.signUp(undefined, { name: 'Arno Agent' });
  outsider = await server.signUp(undefined, { name: 'Otto Outsider' });
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  inbox = await server.inboxOf(owner.cookie);
  secret = (await server.request<InboxIdentity>('GET', `/v1/inboxes/${inbox.id}/identity`, { cookie: owner.cookie }))
    .body.secret;
});
afterAll(() => server.close());

function identify(userId: string, extra: { email?: string; name?: string; attributes?: Record<string, string> } = {}) {
  const { attributes, ...identity } = extra;
  return server.request<WidgetSession>('POST', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    body: {
      siteKey: inbox.siteKey,
      identity: { userId, hash: computeIdentityHash(secret, userId), ...identity },
      ...(attributes ? { attributes } : {}),
    },
  });
}

const list = (query: string, cookie = owner.cookie) =>
  server.request<ContactList & { code?: string }>('GET', `/v1/contacts${query}`, { cookie });
const read = (id: string, cookie = owner.cookie) =>
  server.request<ContactDetail & { code?: string }>('GET', `/v1/contacts/${id}`, { cookie });
const patch = (id: string, body: unknown, cookie = owner.cookie) =>
  server.request<ContactDetail & { code?: string }>('PATCH', `/v1/contacts/${id}`, { cookie, body });

describe('GET /v1/contacts', () => {
  test('lists visitors who identified, left an email or wrote; not anonymous passers-by', async () => {
    const identified = await identify('dir-1', { name: 'Dora Directory' });
    const passerBy = await server.startVisitor(inbox.siteKey);
    const writer = await server.connectVisitor(inbox.siteKey);
    await writer.socket.sendAcked({ body: 'hello there' });
    const emailOnly = await server.startVisitor(inbox.siteKey);
    await server.db
      .updateTable('visitors')
      .set({ email: 'left@example.test' })
      .where('id', '=', emailOnly.visitorId)
      .execute();

    const { body, status } = await list('?limit=100', agent.cookie);
    expect(status).toBe(200);
    const ids = body.contacts.map((contact) => contact.id);
    expect(ids).toContain(identified.body.visitorId);
    expect(ids).toContain(writer.session.visitorId);
    expect(ids).toContain(emailOnly.visitorId);
    expect(ids).not.toContain(passerBy.visitorId);
    const dora = body.contacts.find((contact) => contact.id === identified.body.visitorId);
    expect(dora).toMatchObject({ name: 'Dora Directory', externalId: 'dir-1', isVerified: true, conversationCount: 0 });
    expect(body.contacts.find((contact) => contact.id === writer.session.visitorId)?.conversationCount).toBe(1);
    writer.socket.close();
  });

  test('search matches name, email, user id and attribute values, ignoring case; wildcards are literal', async () => {
    const byAttribute = await identify('attr-user', { attributes: { company: 'Zebracorp Ltd', plan: 'gold' } });
    const byEmail = await identify('mail-user', { email: 'Quentin.Q@Example.test' });
    const byName = await identify('name-user', { name: 'Wilhelmina Xu' });
    const literal = await identify('percent-user', { name: '100% happy_customer' });

    const search = async (q: string) =>
      (await list(`?q=${encodeURIComponent(q)}&limit=100`)).body.contacts.map((contact) => contact.id);
    expect(await search('ZEBRACORP')).toEqual([byAttribute.body.visitorId]);
    expect(await search('quentin.q@')).toEqual([byEmail.body.visitorId]);
    expect(await search('wilhelMINA')).toEqual([byName.body.visitorId]);
    expect(await search('NAME-USER')).toEqual([byName.body.visitorId]);
    expect(await search('0% h')).toEqual([literal.body.visitorId]);
    expect(await search('_')).toEqual([literal.body.visitorId]);
    expect(await search('no such person anywhere')).toEqual([]);
    // Keys are not values: "plan" names an attribute, it is not what it says.
    expect(await search('plan')).toEqual([]);
  });

  test('pages by a cursor: every contact once, newest first, stable while contacts are seen again', async () => {
    const made: string[] = [];
    for (let index = 0; index < 7; index++)
      made.push((await identify(`page-${index}`, { name: `Pager ${index}` })).body.visitorId);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?q=pager&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const answer = await list(query);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.contacts.map((contact) => contact.id));
      cursor = answer.body.nextCursor;
      pages++;
      // A contact seen again meanwhile does not move between pages.
      await identify('page-0');
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
  });

  test('bad queries are refused: limit out of range, a forged cursor, unknown parameters', async () => {
    for (const query of [
      '?limit=0',
      '?limit=101',
      '?cursor=!!',
      `?cursor=${Buffer.from('x|y').toString('base64url')}`,
      '?sort=name',
      `?q=${'a'.repeat(201)}`,
    ]) {
      const answer = await list(query);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code).toBe('request/invalid');
    }
    expect((await server.request('GET', '/v1/contacts')).status).toBe(401);
  });

  test("another workspace's contacts are never listed nor found", async () => {
    const mine = await identify('isolated-user', { name: 'Ingrid Isolated' });
    const theirs = await list('?q=Ingrid', outsider.cookie);
    expect(theirs.status).toBe(200);
    expect(theirs.body.contacts).toEqual([]);
    expect((await list('?q=Ingrid')).body.contacts.map((contact) => contact.id)).toEqual([mine.body.visitorId]);
  });
});

describe('GET /v1/contacts/:id', () => {
  test('details, attributes as plain text and conversations; 404 for another workspace like a missing one', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const message = await visitor.socket.sendAcked({ body: 'Where is my order?' });
    await patch(visitor.session.visitorId, { attributes: { note: '<img src=x onerror=alert(1)>' } });

    const answer = await read(visitor.session.visitorId, agent.cookie);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: visitor.session.visitorId,
      inboxId: inbox.id,
      isVerified: false,
      conversationCount: 1,
      attributes: { note: '<img src=x onerror=alert(1)>' },
    });
    expect(answer.body.conversations.map((conversation) => conversation.id)).toEqual([message.conversationId]);

    const foreign = await read(visitor.session.visitorId, outsider.cookie);
    expect(foreign).toMatchObject({ status: 404, body: { code: 'visitor/not_found' } });
    expect((await read(MISSING_ID)).body).toEqual(foreign.body);
    expect((await read('not-a-uuid')).status).toBe(400);
    visitor.socket.close();
  });
});

describe('PATCH /v1/contacts/:id', () => {
  test('an agent edits name, email and attributes; null clears; the verified user id stays', async () => {
    const contact = await identify('edit-user', { name: 'Old Name', email: 'old@example.test' });
    const id = contact.body.visitorId;
    const edited = await patch(
      id,
      { name: '  New Name ', email: 'new@example.test', attributes: { tier: 'Gold' } },
      agent.cookie,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'New Name',
      email: 'new@example.test',
      attributes: { tier: 'Gold' },
      externalId: 'edit-user',
      isVerified: true,
    });
    const cleared = await patch(id, { email: null });
    expect(cleared.body).toMatchObject({ name: 'New Name', email: null, attributes: { tier: 'Gold' } });
    expect((await list('?q=gold')).body.contacts.map((row) => row.id)).toContain(id);
  });

  test('invalid bodies are refused and change nothing', async () => {
    const contact = await identify('invalid-edit', { name: 'Stays Put' });
    const id = contact.body.visitorId;
    for (const body of [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'n'.repeat(101) },
      { email: 'not an email' },
      { attributes: { 'bad key!': 'x' } },
      { attributes: { ok: 'v'.repeat(501) } },
      { externalId: 'forged' },
      { isVerified: false },
    ]) {
      const answer = await patch(id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.code).toBe('request/invalid');
    }
    expect((await read(id)).body).toMatchObject({ name: 'Stays Put', externalId: 'invalid-edit', isVerified: true });
  });

  test('another workspace cannot edit: 404 and the contact is unchanged', async () => {
    const contact = await identify('guarded-edit', { name: 'Guarded' });
    const answer = await patch(contact.body.visitorId, { name: 'Hijacked' }, outsider.cookie);
    expect(answer).toMatchObject({ status: 404, body: { code: 'visitor/not_found' } });
    expect((await read(contact.body.visitorId)).body.name).toBe('Guarded');
    expect((await patch(MISSING_ID, { name: 'x' })).status).toBe(404);
  });
});
