import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BusinessHours } from '../../protocol/business-hours.ts';
import type { Inbox } from '../../protocol/rest.ts';
import type { WidgetAvailability } from '../../protocol/widget-availability.ts';
import { ALWAYS_CLOSED, sendAckedCommand, setInboxRouting } from '../../testing/routing-helpers.ts';
import {
  eventually,
  FOREIGN_ORIGIN,
  SITE_ORIGIN,
  startTestServer,
  type TestAgent,
  type TestServer,
} from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A new workspace (its owner is a member of its default inbox) and that inbox. */
async function newWorkspace(): Promise<{ owner: TestAgent; inbox: Inbox }> {
  const owner = await server.signUp();
  return { owner, inbox: await server.inboxOf(owner.cookie) };
}

async function availabilityOf(siteKey: string): Promise<WidgetAvailability> {
  const response = await server.request<WidgetAvailability>('GET', `/v1/widget/inboxes/${siteKey}/availability`, {
    origin: SITE_ORIGIN,
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** The UTC date `days` from now, as YYYY-MM-DD. */
function utcDateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const ALWAYS_OPEN: BusinessHours = {
  timezone: 'Europe/Berlin',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ start: '00:00', end: '24:00' }]]),
  ) as BusinessHours['weekly'],
  exceptions: [],
};

describe('availability', () => {
  test('without business hours: within hours, nobody online, no next opening; short public cache', async () => {
    const { inbox } = await newWorkspace();
    const response = await server.request<WidgetAvailability>(
      'GET',
      `/v1/widget/inboxes/${inbox.siteKey}/availability`,
      { origin: SITE_ORIGIN },
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ isWithinHours: true, isAgentOnline: false, nextOpenAt: null, timezone: null });
    expect(response.headers.get('cache-control')).toBe('public, max-age=15');
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
  });

  test('within business hours: no next opening, the inbox’s timezone', async () => {
    const { inbox } = await newWorkspace();
    await setInboxRouting(server, inbox.id, { businessHours: ALWAYS_OPEN });
    expect(await availabilityOf(inbox.siteKey)).toEqual({
      isWithinHours: true,
      isAgentOnline: false,
      nextOpenAt: null,
      timezone: 'Europe/Berlin',
    });
  });

  test('outside business hours: when they next open, in UTC', async () => {
    const { inbox } = await newWorkspace();
    const openDay = utcDateIn(3);
    await setInboxRouting(server, inbox.id, {
      businessHours: {
        timezone: 'Asia/Tokyo',
        weekly: ALWAYS_CLOSED.weekly,
        exceptions: [{ date: openDay, intervals: [{ start: '09:00', end: '17:00' }], label: 'Open day' }],
      },
    });
    // 09:00 in Tokyo (UTC+9, no daylight saving) is midnight UTC.
    expect(await availabilityOf(inbox.siteKey)).toEqual({
      isWithinHours: false,
      isAgentOnline: false,
      nextOpenAt: `${openDay}T00:00:00.000Z`,
      timezone: 'Asia/Tokyo',
    });
  });

  test('closed for the next two weeks: outside hours without a next opening', async () => {
    const { inbox } = await newWorkspace();
    await setInboxRouting(server, inbox.id, { businessHours: ALWAYS_CLOSED });
    expect(await availabilityOf(inbox.siteKey)).toMatchObject({ isWithinHours: false, nextOpenAt: null });
  });

  test('an agent is online only while a member of the inbox is connected and not away', async () => {
    const { owner, inbox } = await newWorkspace();
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(false);

    const socket = await server.connectAgent(owner);
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(true);

    await sendAckedCommand(socket, 'presence.set', { status: 'away' });
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(false);

    await sendAckedCommand(socket, 'presence.set', { status: 'online' });
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(true);

    // Online and not away, but no longer answering this inbox.
    await server.db
      .deleteFrom('inbox_members')
      .where('inbox_id', '=', inbox.id)
      .where('user_id', '=', owner.me.user.id)
      .execute();
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(false);

    await server.db.insertInto('inbox_members').values({ inbox_id: inbox.id, user_id: owner.me.user.id }).execute();
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(true);
    socket.close();
    await eventually(async () => expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(false));
  });

  test('an online agent of another workspace does not count', async () => {
    const { inbox } = await newWorkspace();
    const stranger = await newWorkspace();
    const socket = await server.connectAgent(stranger.owner);
    expect((await availabilityOf(stranger.inbox.siteKey)).isAgentOnline).toBe(true);
    expect((await availabilityOf(inbox.siteKey)).isAgentOnline).toBe(false);
    socket.close();
  });

  test('a wrong site key gets 404 inbox/not_found', async () => {
    const response = await server.request('GET', '/v1/widget/inboxes/pk_000000000000000000000000/availability', {
      origin: SITE_ORIGIN,
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'inbox/not_found' });
  });
});

describe('contact email', () => {
  async function emailOf(visitorId: string): Promise<string | null> {
    const row = await server.db
      .selectFrom('visitors')
      .select('email')
      .where('id', '=', visitorId)
      .executeTakeFirstOrThrow();
    return row.email;
  }

  test('a visitor leaves their email: 204, stored on their own visitor row', async () => {
    const { inbox } = await newWorkspace();
    const visitor = await server.startVisitor(inbox.siteKey);
    const response = await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: visitor.token,
      body: { email: 'sam@customer.test' },
    });
    expect(response.status).toBe(204);
    expect(await emailOf(visitor.visitorId)).toBe('sam@customer.test');

    const changed = await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: visitor.token,
      body: { email: 'sam.work@customer.test' },
    });
    expect(changed.status).toBe(204);
    expect(await emailOf(visitor.visitorId)).toBe('sam.work@customer.test');
  });

  test('the email shows on the visitor in the console', async () => {
    const { owner, inbox } = await newWorkspace();
    const { session, socket } = await server.connectVisitor(inbox.siteKey);
    const { conversationId } = await socket.sendAcked({ body: 'anyone there?' });
    await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: session.token,
      body: { email: 'kim@customer.test' },
    });
    const detail = await server.request('GET', `/v1/conversations/${conversationId}`, { cookie: owner.cookie });
    expect(detail.status).toBe(200);
    expect(detail.body.conversation.visitor).toMatchObject({ id: session.visitorId, email: 'kim@customer.test' });
  });

  test('needs a visitor token: 401 auth/required, nothing stored', async () => {
    const { inbox } = await newWorkspace();
    const visitor = await server.startVisitor(inbox.siteKey);
    for (const token of [undefined, 'c'.repeat(32)]) {
      const response = await server.request('POST', '/v1/widget/visitor/contact', {
        origin: SITE_ORIGIN,
        ...(token ? { token } : {}),
        body: { email: 'nobody@customer.test' },
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ code: 'auth/required' });
    }
    const stored = await server.db.selectFrom('visitors').select('id').where('email', '=', 'nobody@customer.test');
    expect(await stored.execute()).toEqual([]);
    expect(await emailOf(visitor.visitorId)).toBeNull();
  });

  test('from a page the inbox does not allow: 403 auth/origin_forbidden, nothing stored', async () => {
    const { inbox } = await newWorkspace();
    const visitor = await server.startVisitor(inbox.siteKey);
    for (const origin of [FOREIGN_ORIGIN, null]) {
      const response = await server.request('POST', '/v1/widget/visitor/contact', {
        origin,
        token: visitor.token,
        body: { email: 'phish@customer.test' },
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ code: 'auth/origin_forbidden' });
    }
    expect(await emailOf(visitor.visitorId)).toBeNull();
  });

  test('a malformed email or body gets 400 request/invalid, nothing stored', async () => {
    const { inbox } = await newWorkspace();
    const visitor = await server.startVisitor(inbox.siteKey);
    for (const body of [
      { email: 'not an email' },
      { email: '' },
      { email: `${'a'.repeat(250)}@x.test` },
      {},
      { email: 'ok@customer.test', name: 'extra field' },
    ]) {
      const response = await server.request('POST', '/v1/widget/visitor/contact', {
        origin: SITE_ORIGIN,
        token: visitor.token,
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ code: 'request/invalid' });
    }
    expect(await emailOf(visitor.visitorId)).toBeNull();
  });

  test('each token writes only its own visitor: visitor 2 cannot change visitor 1’s email', async () => {
    const { inbox } = await newWorkspace();
    const one = await server.startVisitor(inbox.siteKey);
    const two = await server.startVisitor(inbox.siteKey);
    await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: one.token,
      body: { email: 'one@customer.test' },
    });
    // The body names no visitor; extra fields that try to are refused.
    const sneaky = await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: two.token,
      body: { email: 'two@customer.test', visitorId: one.visitorId },
    });
    expect(sneaky.status).toBe(400);
    const own = await server.request('POST', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      token: two.token,
      body: { email: 'two@customer.test' },
    });
    expect(own.status).toBe(204);
    expect(await emailOf(one.visitorId)).toBe('one@customer.test');
    expect(await emailOf(two.visitorId)).toBe('two@customer.test');
  });

  test('a CORS preflight for it is answered', async () => {
    const response = await server.request('OPTIONS', '/v1/widget/visitor/contact', {
      origin: SITE_ORIGIN,
      headers: {
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
  });
});
