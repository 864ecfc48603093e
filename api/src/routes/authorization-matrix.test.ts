import type { Database } from '@parley/db';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app.ts';
import { openConversation, sendCommand, setInboxRouting } from '../testing/routing-helpers.ts';
import { PASSWORD, startTestServer, type TestAgent, type TestServer } from '../testing/test-server.ts';
import { nextFrameId } from '../testing/test-socket.ts';
import { PNG_1X1, TEXT } from './attachments/attachment-fixtures.ts';
import { uploadFile } from './attachments/upload-test-client.ts';

// Authorization is the api's, not the console's. Every route of the app is listed at runtime and must be
// here: either exempt (with the reason), or a case that checks, against the real app, that
// - without a session it is 401;
// - a session of another workspace, on this workspace's ids, gets 404 (or 403) and no row anywhere changes;
// - for owner/admin routes, an `agent` of the workspace gets 403 and no row changes.
// A new route without a case fails the first test.

/** Routes that need no agent session, and why. */
const EXEMPT: Record<string, string> = {
  'GET /metrics': 'Prometheus scrape of process metrics; no workspace data',
  'GET /health/live': 'liveness probe',
  'GET /health/ready': 'readiness probe',
  'POST /v1/auth/signup': 'creates the session',
  'POST /v1/auth/login': 'creates the session',
  'POST /v1/auth/logout': 'ends whatever session the cookie names; without one there is nothing to end',
  'GET /v1/instance': 'public facts the sign-in page needs (no workspace data)',
  'GET /v1/invitations/:token': 'the invitee has no session yet: the secret token is the credential',
  'POST /v1/invitations/:token/accept': 'the invitee has no session yet: the secret token is the credential',
  'OPTIONS *': 'CORS preflight',
  'POST /v1/widget/attachments': 'widget: a visitor token (widget routes have their own tests)',
  'GET /v1/widget/attachments/:id': 'widget: a visitor token',
  'GET /v1/widget/conversations': 'widget: a visitor token',
  'POST /v1/widget/conversations/:id/rating': 'widget: a visitor token',
  'GET /v1/widget/conversations/:id/transcript': 'widget: a visitor token',
  'POST /v1/widget/conversations/:id/transcript/email': 'widget: a visitor token',
  'POST /v1/widget/pre-chat': 'widget: a visitor token',
  'GET /v1/widget/inboxes/:siteKey/config': 'widget: public configuration by site key',
  'GET /v1/widget/inboxes/:siteKey/availability': 'widget: public availability by site key',
  'POST /v1/widget/session': 'widget: starts a visitor session for an allowed origin',
  'GET /v1/widget/conversations/:id': 'widget: a visitor token',
  'POST /v1/widget/visitor/contact': 'widget: a visitor token',
  'GET /v1/widget/ws': 'widget socket: a visitor token',
  'GET /v1/agent/ws': 'agent socket: checked below (no session is refused, another workspace’s commands fail)',
  'GET /widget.js': 'static widget loader',
  'GET /widget-chat.:hash(^[A-Za-z0-9_-]{6,32}).js': 'static widget chunks',
  'GET /*': 'the console’s static files (its data comes from the routes above)',
};

interface Fixtures {
  owner: TestAgent;
  admin: TestAgent;
  agent: TestAgent;
  outsider: TestAgent;
  inboxId: string;
  conversationId: string;
  visitorId: string;
  otherVisitorId: string;
  teamId: string;
  labelId: string;
  sharedCannedId: string;
  /** The agent's personal canned response. */
  personalCannedId: string;
  invitationId: string;
  attachmentId: string;
  /** The outsider's own workspace, for cross-references to this one. */
  foreign: { inboxId: string; conversationId: string; visitorId: string; teamId: string };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Case {
  method: Method;
  /** The route as Fastify lists it. */
  url: string;
  path(f: Fixtures): string;
  body?(f: Fixtures): unknown;
  /** Sent instead of a JSON body. */
  upload?: 'png-body' | 'multipart';
  /** Who of the workspace may: any agent, or owners and admins only. */
  access: 'agent' | 'admin';
  /**
   * What a session of another workspace gets on this workspace's ids: refused (404/403, nothing changes),
   * a list without any of this workspace's rows, per-id failures (bulk), or not applicable (and why).
   */
  foreign: 'refused' | 'list' | 'bulk' | { notApplicable: string };
  /** The statuses a refusal may have: a foreign id inside the body is `request/invalid` (400). */
  refusedWith?: number[];
}

const OWN_ONLY = { notApplicable: 'acts on the caller only (their profile, preferences, mentions)' };
const CREATES_OWN = { notApplicable: 'creates in the caller’s own workspace (no id of another to name)' };
const PREFERENCES = {
  notifications: {
    newConversation: { browser: false, sound: false, titleCount: false },
    newMessageInMine: { browser: false, sound: false, titleCount: false },
    mention: { browser: false, sound: false, titleCount: false },
  },
  autoAwayMinutes: 5,
};

const CASES: Case[] = [
  { method: 'GET', url: '/v1/me', path: () => '/v1/me', access: 'agent', foreign: OWN_ONLY },
  {
    method: 'PATCH',
    url: '/v1/me',
    path: () => '/v1/me',
    body: () => ({ name: 'X' }),
    access: 'agent',
    foreign: OWN_ONLY,
  },
  {
    method: 'POST',
    url: '/v1/me/password',
    path: () => '/v1/me/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: 'another long password' }),
    access: 'agent',
    foreign: OWN_ONLY,
  },
  { method: 'GET', url: '/v1/me/preferences', path: () => '/v1/me/preferences', access: 'agent', foreign: OWN_ONLY },
  {
    method: 'PUT',
    url: '/v1/me/preferences',
    path: () => '/v1/me/preferences',
    body: () => PREFERENCES,
    access: 'agent',
    foreign: OWN_ONLY,
  },
  {
    method: 'PUT',
    url: '/v1/me/avatar',
    path: () => '/v1/me/avatar',
    upload: 'png-body',
    access: 'agent',
    foreign: OWN_ONLY,
  },
  { method: 'DELETE', url: '/v1/me/avatar', path: () => '/v1/me/avatar', access: 'agent', foreign: OWN_ONLY },
  {
    method: 'GET',
    url: '/v1/users/:userId/avatar',
    path: (f) => `/v1/users/${f.owner.me.user.id}/avatar`,
    access: 'agent',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/inboxes', path: () => '/v1/inboxes', access: 'agent', foreign: 'list' },
  {
    method: 'POST',
    url: '/v1/inboxes',
    path: () => '/v1/inboxes',
    body: () => ({ name: 'Sneaky' }),
    access: 'admin',
    foreign: CREATES_OWN,
  },
  {
    method: 'GET',
    url: '/v1/inboxes/:id',
    path: (f) => `/v1/inboxes/${f.inboxId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'PATCH',
    url: '/v1/inboxes/:id',
    path: (f) => `/v1/inboxes/${f.inboxId}`,
    body: () => ({ name: 'Taken over', allowedOrigins: ['https://evil.example.test'] }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/inboxes/:id/queue',
    path: (f) => `/v1/inboxes/${f.inboxId}/queue`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/inboxes/:id/members',
    path: (f) => `/v1/inboxes/${f.inboxId}/members`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'PUT',
    url: '/v1/inboxes/:id/members',
    path: (f) => `/v1/inboxes/${f.inboxId}/members`,
    body: (f) => ({ userIds: [f.agent.me.user.id] }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/inboxes/:id/rules',
    path: (f) => `/v1/inboxes/${f.inboxId}/rules`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'PUT',
    url: '/v1/inboxes/:id/rules',
    path: (f) => `/v1/inboxes/${f.inboxId}/rules`,
    body: (f) => ({ rules: [{ field: 'language', pattern: 'de', teamId: f.teamId }] }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/inboxes/:id/identity',
    path: (f) => `/v1/inboxes/${f.inboxId}/identity`,
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'PATCH',
    url: '/v1/inboxes/:id/identity',
    path: (f) => `/v1/inboxes/${f.inboxId}/identity`,
    body: () => ({ requireIdentity: true }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/inboxes/:id/identity/rotate',
    path: (f) => `/v1/inboxes/${f.inboxId}/identity/rotate`,
    access: 'admin',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/members', path: () => '/v1/members', access: 'agent', foreign: 'list' },
  {
    method: 'PATCH',
    url: '/v1/members/:userId',
    path: (f) => `/v1/members/${f.agent.me.user.id}`,
    body: () => ({ capacity: 1 }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'PUT',
    url: '/v1/members/:userId/role',
    path: (f) => `/v1/members/${f.agent.me.user.id}/role`,
    body: () => ({ role: 'admin' }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/members/:userId/deactivate',
    path: (f) => `/v1/members/${f.admin.me.user.id}/deactivate`,
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/members/:userId/reactivate',
    path: (f) => `/v1/members/${f.admin.me.user.id}/reactivate`,
    access: 'admin',
    foreign: 'refused',
  },
  { method: 'GET', url: '/v1/invitations', path: () => '/v1/invitations', access: 'admin', foreign: 'list' },
  {
    method: 'POST',
    url: '/v1/invitations',
    path: () => '/v1/invitations',
    body: () => ({ email: 'newcomer@example.test', role: 'admin' }),
    access: 'admin',
    foreign: CREATES_OWN,
  },
  {
    method: 'DELETE',
    url: '/v1/invitations/:invitationId',
    path: (f) => `/v1/invitations/${f.invitationId}`,
    access: 'admin',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/teams', path: () => '/v1/teams', access: 'agent', foreign: 'list' },
  {
    method: 'POST',
    url: '/v1/teams',
    path: () => '/v1/teams',
    // Named members of this workspace: another workspace cannot put them in its team either.
    body: (f) => ({ name: 'Poachers', memberIds: [f.agent.me.user.id] }),
    access: 'admin',
    foreign: 'refused',
    refusedWith: [400],
  },
  {
    method: 'PATCH',
    url: '/v1/teams/:id',
    path: (f) => `/v1/teams/${f.teamId}`,
    body: () => ({ name: 'Renamed', memberIds: [] }),
    access: 'admin',
    foreign: 'refused',
  },
  { method: 'DELETE', url: '/v1/teams/:id', path: (f) => `/v1/teams/${f.teamId}`, access: 'admin', foreign: 'refused' },

  {
    method: 'GET',
    url: '/v1/conversations',
    path: () => '/v1/conversations?status=all',
    access: 'agent',
    foreign: 'list',
  },
  {
    method: 'GET',
    url: '/v1/conversations/:id',
    path: (f) => `/v1/conversations/${f.conversationId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/conversations/:id/routing',
    path: (f) => `/v1/conversations/${f.conversationId}/routing`,
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/conversations/bulk',
    path: () => '/v1/conversations/bulk',
    body: (f) => ({ ids: [f.conversationId], action: { type: 'priority', priority: 'urgent' } }),
    access: 'agent',
    foreign: 'bulk',
  },
  {
    method: 'PUT',
    url: '/v1/conversations/:id/team',
    path: (f) => `/v1/conversations/${f.conversationId}/team`,
    body: () => ({ teamId: null }),
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/conversations/:id/labels',
    path: (f) => `/v1/conversations/${f.conversationId}/labels`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'PUT',
    url: '/v1/conversations/:id/labels/:labelId',
    path: (f) => `/v1/conversations/${f.conversationId}/labels/${f.labelId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'DELETE',
    url: '/v1/conversations/:id/labels/:labelId',
    path: (f) => `/v1/conversations/${f.conversationId}/labels/${f.labelId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/conversations/:id/participants',
    path: (f) => `/v1/conversations/${f.conversationId}/participants`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/conversations/:id/participants',
    path: (f) => `/v1/conversations/${f.conversationId}/participants`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'DELETE',
    url: '/v1/conversations/:id/participants',
    path: (f) => `/v1/conversations/${f.conversationId}/participants`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/conversations/:id/attachments',
    path: (f) => `/v1/conversations/${f.conversationId}/attachments`,
    upload: 'multipart',
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/attachments/:id',
    path: (f) => `/v1/attachments/${f.attachmentId}`,
    access: 'agent',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/labels', path: () => '/v1/labels', access: 'agent', foreign: 'list' },
  {
    method: 'POST',
    url: '/v1/labels',
    path: () => '/v1/labels',
    body: () => ({ name: 'sneaky', color: 'red' }),
    access: 'admin',
    foreign: CREATES_OWN,
  },
  {
    method: 'PATCH',
    url: '/v1/labels/:id',
    path: (f) => `/v1/labels/${f.labelId}`,
    body: () => ({ name: 'renamed' }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'DELETE',
    url: '/v1/labels/:id',
    path: (f) => `/v1/labels/${f.labelId}`,
    access: 'admin',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/mentions', path: () => '/v1/mentions', access: 'agent', foreign: OWN_ONLY },
  {
    method: 'POST',
    url: '/v1/mentions/read',
    path: () => '/v1/mentions/read',
    body: () => ({}),
    access: 'agent',
    foreign: OWN_ONLY,
  },

  { method: 'GET', url: '/v1/canned-responses', path: () => '/v1/canned-responses', access: 'agent', foreign: 'list' },
  {
    method: 'POST',
    url: '/v1/canned-responses',
    path: () => '/v1/canned-responses',
    // Personal ones are anyone's; a shared one speaks for the team.
    body: () => ({ shortcut: 'sneaky', title: 'Sneaky', body: 'Hello', scope: 'shared' }),
    access: 'admin',
    foreign: CREATES_OWN,
  },
  {
    method: 'PATCH',
    url: '/v1/canned-responses/:id',
    path: (f) => `/v1/canned-responses/${f.sharedCannedId}`,
    body: () => ({ body: 'Changed' }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'DELETE',
    url: '/v1/canned-responses/:id',
    path: (f) => `/v1/canned-responses/${f.sharedCannedId}`,
    access: 'admin',
    foreign: 'refused',
  },

  { method: 'GET', url: '/v1/search', path: () => '/v1/search?q=invoice', access: 'agent', foreign: 'list' },
  {
    method: 'GET',
    url: '/v1/visitors/:id',
    path: (f) => `/v1/visitors/${f.visitorId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'GET',
    url: '/v1/visitors/:id/conversations',
    path: (f) => `/v1/visitors/${f.visitorId}/conversations`,
    access: 'agent',
    foreign: 'refused',
  },
  { method: 'GET', url: '/v1/contacts', path: () => '/v1/contacts', access: 'agent', foreign: 'list' },
  {
    method: 'GET',
    url: '/v1/contacts/:id',
    path: (f) => `/v1/contacts/${f.visitorId}`,
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'PATCH',
    url: '/v1/contacts/:id',
    path: (f) => `/v1/contacts/${f.visitorId}`,
    body: () => ({ name: 'Renamed' }),
    access: 'agent',
    foreign: 'refused',
  },
  {
    method: 'POST',
    url: '/v1/contacts/:id/merge',
    path: (f) => `/v1/contacts/${f.visitorId}/merge`,
    body: (f) => ({ otherId: f.otherVisitorId }),
    access: 'admin',
    foreign: 'refused',
  },
  {
    method: 'DELETE',
    url: '/v1/contacts/:id',
    path: (f) => `/v1/contacts/${f.otherVisitorId}`,
    access: 'admin',
    foreign: 'refused',
  },
];

/**
 * Another workspace's ids inside the caller's own requests: refused (a foreign id in a body is
 * `request/invalid`, in the path a 404), and nothing changes.
 */
const CROSS_REFERENCES: { name: string; method: Method; path(f: Fixtures): string; body?(f: Fixtures): unknown }[] = [
  {
    name: 'its inbox answered by our agent',
    method: 'PUT',
    path: (f) => `/v1/inboxes/${f.foreign.inboxId}/members`,
    body: (f) => ({ userIds: [f.agent.me.user.id] }),
  },
  {
    name: 'its rule sending to our team',
    method: 'PUT',
    path: (f) => `/v1/inboxes/${f.foreign.inboxId}/rules`,
    body: (f) => ({ rules: [{ field: 'language', pattern: 'de', teamId: f.teamId }] }),
  },
  {
    name: 'its team with our agent',
    method: 'PATCH',
    path: (f) => `/v1/teams/${f.foreign.teamId}`,
    body: (f) => ({ memberIds: [f.agent.me.user.id] }),
  },
  {
    name: 'our contact merged into its contact',
    method: 'POST',
    path: (f) => `/v1/contacts/${f.foreign.visitorId}/merge`,
    body: (f) => ({ otherId: f.visitorId }),
  },
  {
    name: 'our label on its conversation',
    method: 'PUT',
    path: (f) => `/v1/conversations/${f.foreign.conversationId}/labels/${f.labelId}`,
  },
  {
    name: 'its conversation moved to our team',
    method: 'PUT',
    path: (f) => `/v1/conversations/${f.foreign.conversationId}/team`,
    body: (f) => ({ teamId: f.teamId }),
  },
  { name: 'its conversations listed by our label', method: 'GET', path: (f) => `/v1/conversations?label=${f.labelId}` },
];

let server: TestServer;
let f: Fixtures;
const listedRoutes: string[] = [];

beforeAll(async () => {
  // No sweeper pass in the middle of a before/after comparison.
  server = await startTestServer({ sweepIntervalMs: 3_600_000 });
  f = await createFixtures(server);
  const lister = await buildApp({
    config: server.config,
    db: server.db,
    logger: false,
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') listedRoutes.push(`${method} ${route.url}`);
    },
  });
  await lister.close();
});
afterAll(() => server.close());

test('every route of the app is either in the matrix or exempt with a reason', () => {
  const known = new Set([...CASES.map((c) => `${c.method} ${c.url}`), ...Object.keys(EXEMPT)]);
  const listed = new Set(listedRoutes);
  expect(listed.size).toBeGreaterThan(50);
  expect(
    [...listed].filter((route) => !known.has(route)),
    'routes with no authorization case',
  ).toEqual([]);
  expect(
    [...known].filter((route) => !listed.has(route)),
    'cases for routes that no longer exist',
  ).toEqual([]);
});

describe.each(CASES)('$method $url', (c) => {
  test('without a session: 401', async () => {
    const answer = await send(c, undefined);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: 'auth/required' });
  });

  if (c.foreign === 'refused') {
    test('another workspace’s session on our ids: 404 or 403, nothing changes', async () => {
      const before = await snapshot(server.db);
      const answer = await send(c, f.outsider);
      expect(c.refusedWith ?? [403, 404], JSON.stringify(answer.body)).toContain(answer.status);
      expect(await snapshot(server.db)).toEqual(before);
    });
  } else if (c.foreign === 'list') {
    test('another workspace’s session: none of our rows in the answer', async () => {
      const answer = await send(c, f.outsider);
      expect(answer.status).toBe(200);
      const text = JSON.stringify(answer.body);
      for (const id of ourIds()) expect(text).not.toContain(id);
      expect(text).not.toContain('invoice');
    });
  } else if (c.foreign === 'bulk') {
    test('another workspace’s session on our ids: each refused as not found, nothing changes', async () => {
      const before = await snapshot(server.db);
      const answer = await send(c, f.outsider);
      expect(answer.status).toBe(200);
      expect(answer.body.results).toEqual([
        { id: f.conversationId, ok: false, code: 'conversation/not_found', message: expect.any(String) },
      ]);
      expect(await snapshot(server.db)).toEqual(before);
    });
  }

  if (c.access === 'admin') {
    test('an agent (not owner or admin) of the workspace: 403, nothing changes', async () => {
      const before = await snapshot(server.db);
      const answer = await send(c, f.agent);
      expect(answer.status, JSON.stringify(answer.body)).toBe(403);
      expect(answer.body).toMatchObject({ code: 'auth/forbidden' });
      expect(await snapshot(server.db)).toEqual(before);
    });
  }
});

describe('another workspace’s ids in the caller’s own requests', () => {
  test.each(CROSS_REFERENCES)('$name: refused, nothing changes', async (c) => {
    const before = await snapshot(server.db);
    const answer = await server.request(c.method, c.path(f), { cookie: f.outsider.cookie, body: c.body?.(f) });
    expect([400, 403, 404], JSON.stringify(answer.body)).toContain(answer.status);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a bulk action naming our agent on its own conversation: refused, nothing changes', async () => {
    const before = await snapshot(server.db);
    const answer = await server.request('POST', '/v1/conversations/bulk', {
      cookie: f.outsider.cookie,
      body: { ids: [f.foreign.conversationId], action: { type: 'assign', assigneeId: f.agent.me.user.id } },
    });
    expect(answer.body.results).toEqual([
      { id: f.foreign.conversationId, ok: false, code: 'member/not_found', message: expect.any(String) },
    ]);
    expect(await snapshot(server.db)).toEqual(before);
  });
});

describe('owners above admins', () => {
  test('an admin cannot change, deactivate or make an owner: 403, nothing changes', async () => {
    const before = await snapshot(server.db);
    const ownerId = f.owner.me.user.id;
    const attempts = [
      await server.request('PUT', `/v1/members/${ownerId}/role`, { cookie: f.admin.cookie, body: { role: 'agent' } }),
      await server.request('POST', `/v1/members/${ownerId}/deactivate`, { cookie: f.admin.cookie }),
      await server.request('PUT', `/v1/members/${f.agent.me.user.id}/role`, {
        cookie: f.admin.cookie,
        body: { role: 'owner' },
      }),
    ];
    expect(attempts.map((answer) => answer.status)).toEqual([403, 403, 403]);
    expect(await snapshot(server.db)).toEqual(before);
  });
});

describe('what is one person’s own, within the workspace', () => {
  test('another member, even the owner, cannot read, change or delete an agent’s personal canned response', async () => {
    const before = await snapshot(server.db);
    const path = `/v1/canned-responses/${f.personalCannedId}`;
    const patched = await server.request('PATCH', path, { cookie: f.owner.cookie, body: { body: 'Changed' } });
    const deleted = await server.request('DELETE', path, { cookie: f.admin.cookie });
    expect([patched.status, deleted.status]).toEqual([404, 404]);
    const listed = await server.request('GET', '/v1/canned-responses', { cookie: f.owner.cookie });
    expect(JSON.stringify(listed.body)).not.toContain(f.personalCannedId);
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('an upload not sent yet is its uploader’s only', async () => {
    const answer = await server.request('GET', `/v1/attachments/${f.attachmentId}`, { cookie: f.agent.cookie });
    expect(answer.status).toBe(404);
  });

  test('searching another workspace’s inbox finds nothing of it', async () => {
    const answer = await server.request('GET', `/v1/search?q=invoice&inboxId=${f.inboxId}`, {
      cookie: f.outsider.cookie,
    });
    expect(JSON.stringify(answer.body)).not.toContain(f.conversationId);
  });
});

describe('the agent socket', () => {
  test('without a session the socket is refused', async () => {
    await expect(server.openAgentSocket('')).rejects.toThrow();
  });

  test('another workspace’s commands on our conversation fail and change nothing', async () => {
    const socket = await server.connectAgent(f.outsider);
    const conversationId = f.conversationId;
    const commands: { type: string; data: object }[] = [
      { type: 'message.send', data: { conversationId, clientId: 'authz-matrix-1', body: 'hi' } },
      { type: 'message.send', data: { conversationId, clientId: 'authz-matrix-2', body: 'psst', kind: 'note' } },
      { type: 'conversation.resolve', data: { conversationId } },
      { type: 'conversation.hand_back', data: { conversationId } },
      { type: 'conversation.assign', data: { conversationId, assigneeId: f.outsider.me.user.id } },
      { type: 'conversation.set_status', data: { conversationId, status: 'pending' } },
      { type: 'conversation.set_priority', data: { conversationId, priority: 'urgent' } },
      { type: 'conversation.follow', data: { conversationId } },
    ];
    for (const command of commands) {
      const before = await snapshot(server.db);
      const answer = await sendCommand(socket, command.type as 'conversation.resolve', command.data);
      expect(answer.type, `${command.type}: ${JSON.stringify(answer)}`).toBe('error');
      expect(await snapshot(server.db)).toEqual(before);
    }
    // Typing, viewing and read receipts carry no answer: they must not reach or change our conversation.
    const before = await snapshot(server.db);
    socket.send({ type: 'conversation.read', data: { conversationId, seq: 1 } });
    socket.send({ type: 'typing.set', data: { conversationId, isTyping: true } });
    socket.send({ type: 'conversation.view', data: { conversationId, isViewing: true } });
    const id = nextFrameId();
    socket.send({ type: 'ping', id, data: {} });
    await socket.waitFor((frame) => frame.type === 'pong' && frame.id === id);
    expect(await snapshot(server.db)).toEqual(before);
    socket.close();
  });
});

/** Every row of every table but sessions (whose expiry each request extends), in a stable order. */
async function snapshot(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%' and table_name <> 'sessions'
    order by table_name`.execute(db);
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    result[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

function ourIds(): string[] {
  return [
    f.inboxId,
    f.conversationId,
    f.visitorId,
    f.otherVisitorId,
    f.teamId,
    f.labelId,
    f.sharedCannedId,
    f.invitationId,
    f.owner.me.user.id,
    f.admin.me.user.id,
    f.agent.me.user.id,
  ];
}

async function send(c: Case, who: TestAgent | undefined) {
  const path = c.path(f);
  if (c.upload === 'multipart') {
    const answer = await uploadFile(server, path, { name: 'note.txt', bytes: TEXT, cookie: who?.cookie });
    return { status: answer.status, body: answer.body as any };
  }
  if (c.upload === 'png-body') {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: c.method,
      headers: { origin: server.baseUrl, 'content-type': 'image/png', ...(who ? { cookie: who.cookie } : {}) },
      body: PNG_1X1,
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  return server.request(c.method, path, { cookie: who?.cookie, body: c.body?.(f) });
}

async function createFixtures(server: TestServer): Promise<Fixtures> {
  const owner = await server.signUp(undefined, { name: 'Olga Owner', workspaceName: 'Ours' });
  const admin = await server.signUp(undefined, { name: 'Adele Admin' });
  const agent = await server.signUp(undefined, { name: 'Arno Agent' });
  const outsider = await server.signUp(undefined, { name: 'Otto Outsider', workspaceName: 'Theirs' });
  const workspaceId = owner.me.workspace.id;
  await server.moveAgentToWorkspace(admin.me.user.id, workspaceId);
  await server.moveAgentToWorkspace(agent.me.user.id, workspaceId);
  const ok = async <T = any>(method: Method, path: string, who: TestAgent, body?: unknown): Promise<T> => {
    const answer = await server.request(method, path, { cookie: who.cookie, body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  await ok('PUT', `/v1/members/${admin.me.user.id}/role`, owner, { role: 'admin' });

  const inbox = await server.inboxOf(owner.cookie);
  const foreignInbox = await server.inboxOf(outsider.cookie);
  // Nobody is online in either workspace; manual routing keeps the foreign conversation where it is when the outsider's socket opens.
  await setInboxRouting(server, foreignInbox.id, { routingMode: 'manual' });
  const conversation = await openConversation(server, inbox.siteKey, { body: 'my invoice is wrong' });
  const other = await openConversation(server, inbox.siteKey, { body: 'a second visitor' });
  const foreignConversation = await openConversation(server, foreignInbox.siteKey, { body: 'their question' });
  for (const visitor of [conversation, other, foreignConversation]) visitor.socket.close();

  const team = await ok('POST', '/v1/teams', owner, { name: 'Billing', memberIds: [agent.me.user.id] });
  const foreignTeam = await ok('POST', '/v1/teams', outsider, { name: 'Their team', memberIds: [] });
  const label = await ok('POST', '/v1/labels', owner, { name: 'billing', color: 'blue' });
  await ok('PUT', `/v1/conversations/${conversation.conversationId}/labels/${label.id}`, owner);
  const canned = await ok('POST', '/v1/canned-responses', owner, {
    shortcut: 'thanks',
    title: 'Thanks',
    body: 'Thank you!',
    scope: 'shared',
  });
  const personal = await ok('POST', '/v1/canned-responses', agent, {
    shortcut: 'mine',
    title: 'Mine',
    body: 'My own words',
    scope: 'personal',
  });
  const invitation = await ok('POST', '/v1/invitations', owner, { email: 'invited@example.test', role: 'agent' });
  const avatar = await fetch(`${server.baseUrl}/v1/me/avatar`, {
    method: 'PUT',
    headers: { origin: server.baseUrl, 'content-type': 'image/png', cookie: owner.cookie },
    body: PNG_1X1,
  });
  if (avatar.status !== 200) throw new Error(`avatar upload: ${avatar.status}`);
  const upload = await uploadFile(server, `/v1/conversations/${conversation.conversationId}/attachments`, {
    name: 'invoice.txt',
    bytes: TEXT,
    cookie: owner.cookie,
  });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);

  return {
    owner,
    admin,
    agent,
    outsider,
    inboxId: inbox.id,
    conversationId: conversation.conversationId,
    visitorId: conversation.visitorId,
    otherVisitorId: other.visitorId,
    teamId: team.id,
    labelId: label.id,
    sharedCannedId: canned.id,
    personalCannedId: personal.id,
    invitationId: invitation.invitation.id,
    attachmentId: upload.body.attachment.id,
    foreign: {
      inboxId: foreignInbox.id,
      conversationId: foreignConversation.conversationId,
      visitorId: foreignConversation.visitorId,
      teamId: foreignTeam.id,
    },
  };
}
