import type { Emoji } from './emoji-data.ts';

/**
 * The emoji whose keywords start with every word of the query ("thumbs up" finds 👍, "thu" too), in the
 * list's order; an empty query finds nothing (the picker shows the categories instead).
 */
export function searchEmoji(all: readonly Emoji[], query: string): Emoji[] {
  const words = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return all.filter((emoji) => words.every((word) => emoji.keywords.some((keyword) => keyword.startsWith(word))));
}
