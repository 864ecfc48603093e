import { randomUUID } from 'node:crypto';
import type { CreatedInvitation, InvitedRole } from '../../protocol/member-rest.ts';
import type { Me } from '../../protocol/rest.ts';
import { PASSWORD, type TestAgent, type TestServer } from '../../testing/test-server.ts';

/** The token at the end of an accept link. */
export function tokenOf(acceptUrl: string): string {
  return acceptUrl.slice(acceptUrl.lastIndexOf('/') + 1);
}

/** Invites someone over REST as `inviter`; throws unless 201. */
export async function invite(
  server: TestServer,
  inviter: TestAgent,
  role: InvitedRole,
  email = `invitee-${randomUUID().slice(0, 8)}@example.test`,
): Promise<CreatedInvitation> {
  const answer = await server.request<CreatedInvitation>('POST', '/v1/invitations', {
    cookie: inviter.cookie,
    body: { email, role },
  });
  if (answer.status !== 201) throw new Error(`invite failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A new member of the inviter's workspace, signed in, the way a person joins: invitation, then accept. */
export async function inviteMember(
  server: TestServer,
  inviter: TestAgent,
  role: InvitedRole,
  name = `Invitee ${randomUUID().slice(0, 4)}`,
): Promise<TestAgent> {
  const created = await invite(server, inviter, role);
  const accepted = await server.request<Me>('POST', `/v1/invitations/${tokenOf(created.acceptUrl)}/accept`, {
    body: { name, password: PASSWORD },
  });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const setCookie = accepted.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '';
  const sessionToken = /^parley_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
  return {
    email: created.invitation.email,
    password: PASSWORD,
    cookie: `parley_session=${sessionToken}`,
    sessionToken,
    setCookie,
    me: accepted.body,
  };
}
