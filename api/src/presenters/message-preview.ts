import { LIMITS } from '../protocol/constants.ts';

/**
 * The body as a list preview (`lastMessage.body` of summaries): at most LIMITS.previewMaxChars characters,
 * cut with "…". Counted in code points, so an emoji is never split into half a surrogate pair.
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
