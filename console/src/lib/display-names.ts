import type { VisitorRef } from '@parley/api/protocol';

/**
 * A short, stable tag for an anonymous visitor. Ids may be time-ordered (UUIDv7), so the
 * random tail is used rather than the head, which many visitors would share.
 */
export function shortId(id: string): string {
  return id.replace(/-/g, '').slice(-6);
}

/** "Jane Doe", or "Visitor 3fa9c1" when the visitor has not been identified. */
export function formatVisitorName(visitor: VisitorRef): string {
  const name = visitor.name?.trim();
  return name ? name : `Visitor ${shortId(visitor.id)}`;
}

/** One or two letters for an avatar. */
export function getInitials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0]];
  return letters
    .map((word) => (word ? (Array.from(word)[0] ?? '') : ''))
    .join('')
    .toUpperCase();
}

/** A hue (0–359) derived from an id, so each visitor keeps the same avatar colour. */
export function pickHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
