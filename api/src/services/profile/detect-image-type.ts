import { fileTypeFromBuffer } from 'file-type';
import { AVATAR_TYPES, type AvatarType } from '../../protocol/profile-rest.ts';

const ALLOWED: ReadonlySet<string> = new Set(AVATAR_TYPES);

/**
 * The image type the bytes themselves say (their magic number, read by the same library as attachments),
 * whatever the file's name or declared type; null unless it is one an avatar may be.
 */
export async function detectImageType(bytes: Uint8Array): Promise<AvatarType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && ALLOWED.has(detected.mime) ? (detected.mime as AvatarType) : null;
}
