import { LockIcon } from './note-mode-toggle.tsx';
import './note-mode.css';

/** The label every internal note carries, so it never reads as something the visitor saw. */
export function NoteLabel() {
  return (
    <span className="note-label" data-testid="note-label">
      <LockIcon size={12} />
      Internal note
    </span>
  );
}

const MENTION = /(^|[\s(])(@[\p{L}\p{N}_.'-]+(?: [\p{Lu}][\p{L}\p{N}_.'-]*)?)/gu;

/** A note's text with `@Names` emphasised; text children only, never HTML. */
export function NoteBody({ body }: { body: string }) {
  const parts: Array<{ text: string; isMention: boolean }> = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const start = (match.index ?? 0) + (match[1]?.length ?? 0);
    const mention = match[2] ?? '';
    if (start > last) parts.push({ text: body.slice(last, start), isMention: false });
    parts.push({ text: mention, isMention: true });
    last = start + mention.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last), isMention: false });
  return (
    <p className="message__body">
      {parts.map((part, index) =>
        part.isMention ? (
          <span key={index} className="note-mention">
            {part.text}
          </span>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
