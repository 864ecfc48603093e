import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AvatarUploaded } from '../../protocol/profile-rest.ts';
import type { Me } from '../../protocol/rest.ts';
import type { MemberList } from '../../protocol/team-rest.ts';
import { FOREIGN_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { inviteMember } from '../members/invite-member.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

// The smallest valid 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([40, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(28),
]);

function upload(agent: TestAgent, bytes: Buffer, contentType: string, origin = server.baseUrl) {
  return fetch(`${server.baseUrl}/v1/me/avatar`, {
    method: 'PUT',
    headers: { cookie: agent.cookie, origin, 'content-type': contentType, 'x-forwarded-for': '10.9.9.9' },
    body: bytes,
  });
}

function fetchAvatar(url: string, cookie?: string) {
  return fetch(`${server.baseUrl}${url}`, { headers: cookie ? { cookie } : {} });
}

describe('avatar', () => {
  test.each([
    ['PNG', PNG, 'image/png'],
    ['JPEG', JPEG, 'image/jpeg'],
    ['WebP', WEBP, 'image/webp'],
  ])(
    'a %s is stored and served to the agent’s workspace with its exact type and nosniff',
    async (_what, bytes, type) => {
      const owner = await server.signUp();
      // The declared type does not matter: the bytes decide.
      const uploaded = await upload(owner, bytes, 'application/octet-stream');
      expect(uploaded.status).toBe(200);
      const { avatarUrl } = (await uploaded.json()) as AvatarUploaded;
      expect(avatarUrl).toMatch(new RegExp(`^/v1/users/${owner.me.user.id}/avatar\\?v=\\d+$`));

      const me = await server.request<Me>('GET', '/v1/me', { cookie: owner.cookie });
      expect(me.body.user.avatarUrl).toBe(avatarUrl);

      const teammate = await inviteMember(server, owner, 'agent');
      const served = await fetchAvatar(avatarUrl, teammate.cookie);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    },
  );

  test('an HTML file named .png (declared image/png) is refused with 415 avatar/type_not_allowed, nothing stored', async () => {
    const agent = await server.signUp();
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const refused = await upload(agent, html, 'image/png');
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ code: 'avatar/type_not_allowed' });
    const svg = await upload(agent, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml');
    expect(svg.status).toBe(415);
    const empty = await upload(agent, Buffer.alloc(0), 'image/png');
    expect(empty.status).toBe(415);
    expect(
      await server.db.selectFrom('user_avatars').where('user_id', '=', agent.me.user.id).selectAll().execute(),
    ).toEqual([]);
  });

  test('a picture over 512 KB is refused with 413, nothing stored', async () => {
    const agent = await server.signUp();
    const big = Buffer.concat([PNG, Buffer.alloc(512 * 1024)]);
    const refused = await upload(agent, big, 'image/png');
    expect(refused.status).toBe(413);
    expect((await refused.json()) as { code: string }).toMatchObject({ code: expect.stringMatching(/too_large$/) });
    const huge = await upload(agent, Buffer.concat([PNG, Buffer.alloc(600 * 1024)]), 'image/png');
    expect(huge.status).toBe(413);
    expect(
      await server.db.selectFrom('user_avatars').where('user_id', '=', agent.me.user.id).selectAll().execute(),
    ).toEqual([]);
  });

  test('teammates find the picture on the members list, and it serves to them; without one there is no avatarUrl', async () => {
    const owner = await server.signUp();
    const { avatarUrl } = (await (await upload(owner, PNG, 'image/png')).json()) as AvatarUploaded;
    const teammate = await inviteMember(server, owner, 'agent');
    const listed = await server.request<MemberList>('GET', '/v1/members', { cookie: teammate.cookie });
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.members.map((member) => [member.userId, member]));
    expect(byId.get(owner.me.user.id)?.avatarUrl).toBe(avatarUrl);
    expect(byId.get(teammate.me.user.id)).not.toHaveProperty('avatarUrl');
    expect((await fetchAvatar(avatarUrl, teammate.cookie)).status).toBe(200);
  });

  test('another workspace gets 404 avatar/not_found, like a user without a picture; nobody signed out gets 401', async () => {
    const owner = await server.signUp();
    const { avatarUrl } = (await (await upload(owner, PNG, 'image/png')).json()) as AvatarUploaded;
    const stranger = await server.signUp();
    const foreign = await fetchAvatar(avatarUrl, stranger.cookie);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ code: 'avatar/not_found' });
    const none = await fetchAvatar(`/v1/users/${stranger.me.user.id}/avatar`, stranger.cookie);
    expect(none.status).toBe(404);
    expect((await fetchAvatar(avatarUrl)).status).toBe(401);
  });

  test('a foreign origin cannot upload; DELETE removes the picture', async () => {
    const agent = await server.signUp();
    expect((await upload(agent, PNG, 'image/png', FOREIGN_ORIGIN)).status).toBe(403);
    const { avatarUrl } = (await (await upload(agent, PNG, 'image/png')).json()) as AvatarUploaded;
    const removed = await server.request('DELETE', '/v1/me/avatar', { cookie: agent.cookie });
    expect(removed.status).toBe(204);
    expect((await fetchAvatar(avatarUrl, agent.cookie)).status).toBe(404);
    const me = await server.request<Me>('GET', '/v1/me', { cookie: agent.cookie });
    expect(me.body.user.avatarUrl).toBeUndefined();
  });
});
