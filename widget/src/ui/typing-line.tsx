import { strings } from '../i18n/strings.ts';

/** "Anna is typing…" under the messages while an agent types a reply. */
export function TypingLine({ name }: { name: string | null }) {
  return name ? (
    <div class="typing" data-testid="parley-typing">
      {strings.typing(name)}
    </div>
  ) : null;
}
