/** The `/word` being typed at the caret: where it starts and ends in the text, and the word without the `/`. */
export interface SlashQuery {
  start: number;
  end: number;
  query: string;
}

const SLASH_WORD = /(^|\s)\/([A-Za-z0-9_-]{0,32})$/;

/**
 * The `/query` that ends at the caret, when `/` starts a word (the text's start or after white space):
 * "Hi /ref" → "ref"; "and/or" and URLs are not queries.
 */
export function findSlashQuery(text: string, caret: number): SlashQuery | null {
  const before = text.slice(0, caret);
  const match = SLASH_WORD.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  // The rest of the word after the caret belongs to the query too ("/re|fund" with the caret inside).
  const after = /^[A-Za-z0-9_-]*/.exec(text.slice(caret))?.[0] ?? '';
  return { start: caret - query.length - 1, end: caret + after.length, query };
}

/** What a visitor's unknown name reads as: "Hi {{visitor.name}}," becomes "Hi there,". */
export const UNKNOWN_VISITOR_NAME = 'there';

/** Fills in the placeholders a canned response may hold: `{{visitor.name}}` (spaces inside the braces are fine). */
export function expandCannedBody(body: string, visitor: { name: string | null }): string {
  const name = visitor.name?.trim() || UNKNOWN_VISITOR_NAME;
  return body.replace(/\{\{\s*visitor\.name\s*\}\}/g, name);
}

/** Replaces the `/query` with the text; returns the new text and where the caret goes (after it). */
export function insertAtQuery(text: string, query: SlashQuery, insert: string): { text: string; caret: number } {
  return {
    text: text.slice(0, query.start) + insert + text.slice(query.end),
    caret: query.start + insert.length,
  };
}
