import type { SnippetPart } from '@parley/api/protocol';

/** A run of snippet text, either a match (shown in a `<mark>`) or the text around matches. */
export interface SnippetPiece {
  readonly key: string;
  readonly text: string;
  readonly isMatch: boolean;
}

/**
 * The api's snippet as pieces to render as text: line breaks and runs of spaces become one space (a
 * snippet is a line or two of a result, not the message), neighbours of the same kind are joined,
 * empty pieces dropped and the ends trimmed. The text itself is never interpreted: `<b>` stays `<b>`.
 */
export function toSnippetPieces(snippet: readonly SnippetPart[]): SnippetPiece[] {
  const runs: { text: string; isMatch: boolean }[] = [];
  for (const part of snippet) {
    const text = part.text.replace(/\s+/g, ' ');
    if (text === '') continue;
    const previous = runs.at(-1);
    if (previous && previous.isMatch === part.isMatch) previous.text += text;
    else runs.push({ text, isMatch: part.isMatch });
  }
  const first = runs[0];
  if (first && !first.isMatch) first.text = first.text.trimStart();
  const last = runs.at(-1);
  if (last && !last.isMatch) last.text = last.text.trimEnd();
  return runs
    .filter((run) => run.text !== '')
    .map((run, index) => ({ key: `${index}`, text: run.text, isMatch: run.isMatch }));
}

/** The snippet as plain text (for a title or a label). */
export function toSnippetText(snippet: readonly SnippetPart[]): string {
  return toSnippetPieces(snippet)
    .map((piece) => piece.text)
    .join('');
}
