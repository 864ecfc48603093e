import type { InvitationPreview } from '@parley/api/protocol';
import type { LoaderFunctionArgs } from 'react-router';
import { isApiError, requestJson } from '../api/http.ts';

export type InvitePageData =
  | { kind: 'usable'; token: string; invitation: InvitationPreview }
  /** Unknown, expired, revoked or already used: the api's code and its sentence. */
  | { kind: 'unusable'; code: string; message: string };

export function getInvitation(token: string): Promise<InvitationPreview> {
  return requestJson('GET', `/v1/invitations/${encodeURIComponent(token)}`);
}

export function acceptInvitation(token: string, body: { name: string; password: string }) {
  return requestJson('POST', `/v1/invitations/${encodeURIComponent(token)}/accept`, body);
}

/** An invitation link that cannot be used is a page of its own, not an error; anything else fails the route. */
export async function loadInvitePage({ params }: LoaderFunctionArgs): Promise<InvitePageData> {
  const token = params.token ?? '';
  try {
    return { kind: 'usable', token, invitation: await getInvitation(token) };
  } catch (error) {
    if (isApiError(error) && (error.code.startsWith('invitation/') || error.code === 'request/invalid'))
      return { kind: 'unusable', code: error.code, message: describeUnusable(error.code, error.message) };
    throw error;
  }
}

export function describeUnusable(code: string, message: string): string {
  return code === 'request/invalid' ? 'This invitation link is not valid. Check that you copied all of it.' : message;
}
