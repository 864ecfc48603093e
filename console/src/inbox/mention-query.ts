/** The `@name` being typed at the caret: where it starts (at the `@`) and ends, and what follows the `@`. */
export interface MentionQuery {
  start: number;
  end: number;
  query: string;
}

export interface MentionCandidate {
  userId: string;
  name: string;
}

/** Names may have spaces ("@Ada Lo"), so the query runs up to two spaces into a name, no further. */
const MENTION_AT_CARET = /(^|[\s(])@([\p{L}\p{N}_.'-]*(?: [\p{L}\p{N}_.'-]*){0,2})$/u;
const MAX_QUERY_LENGTH = 60;

/**
 * The `@query` that ends at the caret, when `@` starts a word: "ask @ad" → "ad"; "me@example.com" is not
 * a mention. The api matches `@Full Name` against the members, so what is inserted is the full name.
 */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = MENTION_AT_CARET.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  if (query.length > MAX_QUERY_LENGTH || query.endsWith('  ')) return null;
  return { start: caret - query.length - 1, end: caret, query };
}

/** Members whose name starts with the query, or has a word starting with it; the query's case is ignored. */
export function filterMentionCandidates<T extends MentionCandidate>(
  candidates: readonly T[],
  query: string,
  limit = 8,
): T[] {
  const needle = query.trim().toLocaleLowerCase();
  const starts: T[] = [];
  const inWord: T[] = [];
  for (const candidate of candidates) {
    const name = candidate.name.toLocaleLowerCase();
    if (name.startsWith(needle)) starts.push(candidate);
    else if (name.split(/\s+/).some((word) => word.startsWith(needle))) inWord.push(candidate);
  }
  return [...starts, ...inWord].slice(0, limit);
}

/** Replaces the `@query` with `@Full Name ` and says where the caret goes (after the space). */
export function insertMention(text: string, query: MentionQuery, name: string): { text: string; caret: number } {
  const insert = `@${name} `;
  const rest = text.slice(query.end).replace(/^ /, '');
  return { text: text.slice(0, query.start) + insert + rest, caret: query.start + insert.length };
}
