import type { Browser, BrowserContext } from 'playwright-core';
import type { CreatedInvitation, InvitedRole, Me } from '../../api/src/protocol/index.ts';
import { requestAsAgent } from './agent-rest.ts';

/** An invitation made over REST with the session of `inviter` (an owner or admin); returns its accept link. */
export async function inviteOverHttp(
  inviter: BrowserContext,
  apiUrl: string,
  who: { email: string; role: InvitedRole },
): Promise<string> {
  const created = await requestAsAgent<CreatedInvitation>(inviter.request, apiUrl, 'POST', '/v1/invitations', who);
  return created.acceptUrl;
}

/** Accepts an invitation link over HTTP in a context of its own, which is then signed in as the new member. */
export async function acceptOverHttp(
  browser: Browser,
  apiUrl: string,
  acceptUrl: string,
  who: { name: string; password: string },
): Promise<{ context: BrowserContext; me: Me }> {
  const context = await browser.newContext();
  const token = acceptUrl.slice(acceptUrl.lastIndexOf('/') + 1);
  const body = { name: who.name, password: who.password };
  const me = await requestAsAgent<Me>(context.request, apiUrl, 'POST', `/v1/invitations/${token}/accept`, body);
  return { context, me };
}
