import type { AvatarUploaded, Me, PasswordChangeBody } from '@parley/api/protocol';
import { ApiError, requestJson } from '../api/http.ts';

export function updateProfileName(name: string): Promise<Me> {
  return requestJson('PATCH', '/v1/me', { name });
}

export function changeOwnPassword(body: PasswordChangeBody): Promise<void> {
  return requestJson('POST', '/v1/me/password', body);
}

export function removeAvatar(): Promise<void> {
  return requestJson('DELETE', '/v1/me/avatar');
}

/** The file's bytes as the body; the api decides the type from them. */
export async function uploadAvatar(file: Blob): Promise<AvatarUploaded> {
  let response: Response;
  try {
    response = await fetch('/v1/me/avatar', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network/failed', 'Could not reach the server. Check your connection and try again.');
  }
  const payload = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
  if (!response.ok)
    throw new ApiError(response.status, payload?.code ?? 'request/failed', payload?.message ?? 'Upload failed.');
  return payload as AvatarUploaded;
}
