import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { InboxIdentity } from '../../protocol/identity-rest.ts';
import type { ConversationDetail, Inbox, WidgetSession } from '../../protocol/rest.ts';
import { computeIdentityHash } from '../../services/visitors/identity-hash.ts';
import { SITE_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { expectUpgradeRejected } from '../../testing/test-socket.ts';

// Identity verification: hash = HMAC-SHA256(inbox secret, user id). A verified user is one visitor on
// every device; a wrong hash is refused; an inbox that requires identity lets unsigned visitors neither
// read nor write; rotating the secret ends sessions proved with the old one.

let server: TestServer;
let owner: TestAgent;
let agent: TestAgent;
let inbox: Inbox;
let secret: string;
beforeAll(async () => {
  server = await startTestServer();
  owner = await server.signUp();
  agent = await server.signUp();
  await server.moveAgentToWorkspace(agent.me.user.id, owner.me.workspace.id);
  inbox = await server.inboxOf(owner.cookie);
  secret = (await server.request<InboxIdentity>('GET', `/v1/inboxes/${inbox.id}/identity`, { cookie: owner.cookie }))
    .body.secret;
});
afterAll(() => server.close());

function session(body: object, token?: string) {
  return server.request<WidgetSession & { code?: string }>('POST', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    body: { siteKey: inbox.siteKey, ...body },
    ...(token ? { token } : {}),
  });
}

function identityOf(userId: string, extra: object = {}) {
  return { userId, hash: computeIdentityHash(secret, userId), ...extra };
}

async function setRequired(requireIdentity: boolean) {
  const answer = await server.request('PATCH', `/v1/inboxes/${inbox.id}/identity`, {
    cookie: owner.cookie,
    body: { requireIdentity },
  });
  expect(answer.status).toBe(200);
}

describe('identify', () => {
  test('a verified user is the same visitor on a second device, and sees their conversation there', async () => {
    const laptop = await session({ identity: identityOf('user-1', { email: 'ann@example.test', name: 'Ann' }) });
    expect(laptop.status).toBe(200);
    expect(laptop.body.isVerified).toBe(true);
    const socket = await server.openVisitorSocket(laptop.body.token);
    await socket.hello();
    const { conversationId } = await socket.sendAcked({ body: 'from my laptop' });

    const phone = await session({ identity: identityOf('user-1') });
    expect(phone.body.visitorId).toBe(laptop.body.visitorId);
    expect(phone.body.token).not.toBe(laptop.body.token);
    expect(phone.body.conversation?.id).toBe(conversationId);
    // Both devices keep working.
    const detail = await server.request<ConversationDetail>('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: laptop.body.token,
    });
    expect(detail.status).toBe(200);
    const stored = await server.db
      .selectFrom('visitors')
      .select(['email', 'name', 'external_id', 'is_verified'])
      .where('id', '=', laptop.body.visitorId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ email: 'ann@example.test', name: 'Ann', external_id: 'user-1', is_verified: true });
  });

  test('a wrong hash is refused and creates nobody; a malformed identity is a 400', async () => {
    const before = await server.db.selectFrom('visitors').select('id').execute();
    const forged = await session({
      identity: { userId: 'user-1', hash: computeIdentityHash('guessed secret', 'user-1') },
    });
    expect(forged).toMatchObject({ status: 401, body: { code: 'visitor/identity_invalid' } });
    // Another user's valid hash does not work for this user id.
    const swapped = await session({ identity: { userId: 'user-2', hash: computeIdentityHash(secret, 'user-1') } });
    expect(swapped).toMatchObject({ status: 401, body: { code: 'visitor/identity_invalid' } });
    for (const identity of [
      { userId: 'user-1', hash: 'not hex' },
      { userId: '', hash: computeIdentityHash(secret, '') },
      { userId: 'x'.repeat(201), hash: computeIdentityHash(secret, 'x'.repeat(201)) },
    ]) {
      expect((await session({ identity })).status).toBe(400);
    }
    expect(await server.db.selectFrom('visitors').select('id').execute()).toHaveLength(before.length);
  });

  test('an anonymous visitor who signs in keeps their conversation; another user on the same browser does not get it', async () => {
    const anonymous = await session({});
    const socket = await server.openVisitorSocket(anonymous.body.token);
    await socket.hello();
    const { conversationId } = await socket.sendAcked({ body: 'before signing in' });

    const signedIn = await session({ identity: identityOf('user-3') }, anonymous.body.token);
    expect(signedIn.body.visitorId).toBe(anonymous.body.visitorId);
    expect(signedIn.body.token).toBe(anonymous.body.token);
    expect(signedIn.body.conversation?.id).toBe(conversationId);

    // Someone else signs in on that browser without the site calling reset(): a different visitor.
    const other = await session({ identity: identityOf('user-4') }, anonymous.body.token);
    expect(other.body.visitorId).not.toBe(anonymous.body.visitorId);
    expect(other.body.conversation).toBeNull();
    const peek = await server.request('GET', `/v1/widget/conversations/${conversationId}`, {
      origin: SITE_ORIGIN,
      token: other.body.token,
    });
    expect(peek).toMatchObject({ status: 404, body: { code: 'conversation/not_found' } });
  });

  test('attributes from the host page are stored on the visitor', async () => {
    const answer = await session({ attributes: { plan: 'enterprise', 'account.id': '42' } });
    expect(answer.status).toBe(200);
    const row = await server.db
      .selectFrom('visitors')
      .select('attributes')
      .where('id', '=', answer.body.visitorId)
      .executeTakeFirstOrThrow();
    expect(row.attributes).toEqual({ plan: 'enterprise', 'account.id': '42' });
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect((await session({ attributes: tooMany })).status).toBe(400);
    expect((await session({ attributes: { 'bad key!': 'v' } })).status).toBe(400);
  });
});

describe('an inbox that requires identity', () => {
  test('unsigned visitors can neither start, read nor write; verified ones can', async () => {
    const anonymous = await session({});
    const socket = await server.openVisitorSocket(anonymous.body.token);
    await socket.hello();
    const { conversationId } = await socket.sendAcked({ body: 'written before identity was required' });
    socket.close();
    await setRequired(true);
    try {
      expect(await session({})).toMatchObject({ status: 401, body: { code: 'visitor/identity_required' } });
      // The old anonymous token is worth nothing now: no session, no history, no socket.
      expect(await session({}, anonymous.body.token)).toMatchObject({ status: 401 });
      const read = await server.request('GET', `/v1/widget/conversations/${conversationId}`, {
        origin: SITE_ORIGIN,
        token: anonymous.body.token,
      });
      expect(read).toMatchObject({ status: 401, body: { code: 'visitor/identity_required' } });
      const upgrade = await expectUpgradeRejected(
        server.widgetWsUrl,
        server.visitorSocketOptions(anonymous.body.token),
      );
      expect(upgrade.status).toBe(401);
      const contact = await server.request('POST', '/v1/widget/visitor/contact', {
        origin: SITE_ORIGIN,
        token: anonymous.body.token,
        body: { email: 'sneaky@example.test' },
      });
      expect(contact.status).toBe(401);

      const verified = await session({ identity: identityOf('user-5') });
      expect(verified.status).toBe(200);
      const verifiedSocket = await server.openVisitorSocket(verified.body.token);
      await verifiedSocket.hello();
      await verifiedSocket.sendAcked({ body: 'signed in and welcome' });
    } finally {
      await setRequired(false);
    }
  });
});

describe('the identity secret', () => {
  test('only owners and admins see, require or rotate it; rotating ends verified sessions', async () => {
    for (const [method, path, body] of [
      ['GET', `/v1/inboxes/${inbox.id}/identity`, undefined],
      ['PATCH', `/v1/inboxes/${inbox.id}/identity`, { requireIdentity: true }],
      ['POST', `/v1/inboxes/${inbox.id}/identity/rotate`, undefined],
    ] as const) {
      const answer = await server.request(method, path, { cookie: agent.cookie, ...(body ? { body } : {}) });
      expect(answer).toMatchObject({ status: 403, body: { code: 'auth/forbidden' } });
      const outsider = await server.signUp();
      const foreign = await server.request(method, path, { cookie: outsider.cookie, ...(body ? { body } : {}) });
      expect(foreign).toMatchObject({ status: 404, body: { code: 'inbox/not_found' } });
    }
    const inboxes = await server.request('GET', '/v1/inboxes', { cookie: agent.cookie });
    expect(JSON.stringify(inboxes.body)).not.toContain(secret);

    const verified = await session({ identity: identityOf('user-6') });
    const anonymous = await session({});
    const rotated = await server.request<InboxIdentity>('POST', `/v1/inboxes/${inbox.id}/identity/rotate`, {
      cookie: owner.cookie,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    // The old hash no longer proves anything, and the session it opened is over; anonymous visitors are untouched.
    expect(await session({ identity: identityOf('user-6') })).toMatchObject({ status: 401 });
    const gone = await expectUpgradeRejected(server.widgetWsUrl, server.visitorSocketOptions(verified.body.token));
    expect(gone.status).toBe(401);
    const stillThere = await server.openVisitorSocket(anonymous.body.token);
    await stillThere.hello();
    secret = rotated.body.secret;
    expect((await session({ identity: identityOf('user-6') })).body.visitorId).toBe(verified.body.visitorId);
  });
});
