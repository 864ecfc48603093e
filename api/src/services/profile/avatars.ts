import type { Database } from '@parley/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../app-error.ts';
import { AVATAR_MAX_BYTES } from '../../protocol/profile-rest.ts';
import { detectImageType } from './detect-image-type.ts';

/** The URL a picture is served at; the version changes with every upload so caches never show an old one. */
export function avatarUrlFor(userId: string, updatedAt: Date): string {
  return `/v1/users/${userId}/avatar?v=${updatedAt.getTime()}`;
}

/** Stores the agent's picture after checking its real type by content. */
export async function saveAvatar(db: Kysely<Database>, userId: string, bytes: Buffer): Promise<string> {
  if (bytes.length === 0) throw new AppError('avatar/type_not_allowed', 'Choose a PNG, JPEG or WebP image.');
  if (bytes.length > AVATAR_MAX_BYTES) throw new AppError('avatar/too_large', 'The picture must be 512 KB or less.');
  const contentType = await detectImageType(bytes);
  if (!contentType) throw new AppError('avatar/type_not_allowed', 'Choose a PNG, JPEG or WebP image.');
  const updatedAt = new Date();
  await db
    .insertInto('user_avatars')
    .values({ user_id: userId, content: bytes, content_type: contentType, updated_at: updatedAt })
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ content: bytes, content_type: contentType, updated_at: updatedAt }),
    )
    .execute();
  return avatarUrlFor(userId, updatedAt);
}

export async function deleteAvatar(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('user_avatars').where('user_id', '=', userId).execute();
}

/** The picture of a member of the workspace; a user of another workspace answers like one without a picture. */
export async function loadWorkspaceAvatar(db: Kysely<Database>, workspaceId: string, userId: string) {
  const row = await db
    .selectFrom('user_avatars as a')
    .innerJoin('memberships as ms', 'ms.user_id', 'a.user_id')
    .select(['a.content', 'a.content_type'])
    .where('a.user_id', '=', userId)
    .where('ms.workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('avatar/not_found', 'No such picture.');
  return row;
}
