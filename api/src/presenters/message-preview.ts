import { LIMITS } from '../protocol/constants.ts';
import type { LastMessage } from '../protocol/entities.ts';

/** A summary's `lastMessage`: what lists show of the newest reply, its body cut to a preview. */
export function presentLastMessage(
  body: string,
  senderType: LastMessage['senderType'],
  createdAt: string,
): LastMessage {
  return { body: previewOf(body), senderType, createdAt };
}

/**
 * The body as a list preview: at most LIMITS.previewMaxChars characters, cut with "…". Counted in code
 * points, so an emoji is never split into half a surrogate pair.
 */
export function previewOf(body: string): string {
  const max = LIMITS.previewMaxChars;
  if (body.length <= max) return body;
  const codePoints = Array.from(body);
  if (codePoints.length <= max) return body;
  return `${codePoints
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
