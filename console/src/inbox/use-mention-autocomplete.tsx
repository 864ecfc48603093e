import { type KeyboardEvent, type ReactNode, type RefObject, useId, useState } from 'react';
import { useAppData } from '../app/use-app-data.ts';
import { writeField } from '../lib/write-field.ts';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { moveActiveOption } from './canned-listbox-keys.ts';
import { MentionPicker } from './mention-picker.tsx';
import { filterMentionCandidates, findMentionQuery, insertMention, type MentionQuery } from './mention-query.ts';

interface MentionAutocomplete {
  /** Reads the `@name` at the caret after every change of text or caret. */
  track(textarea: HTMLTextAreaElement): void;
  close(): void;
  /** True when the key was the picker's (the composer must not act on it). */
  handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean;
  picker: ReactNode;
  isOpen: boolean;
  listboxId: string | undefined;
  activeOptionId: string | undefined;
}

/**
 * `@` in a note opens the teammates whose name matches (↑/↓ choose, Enter or Tab insert `@Full Name`,
 * Escape closes). Active members only, the agent themself excluded.
 */
export function useMentionAutocomplete(options: {
  isEnabled: boolean;
  body: string;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onChangeBody(text: string): void;
}): MentionAutocomplete {
  const { team } = useConsoleSnapshot();
  const myUserId = useAppData().me.user.id;
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const baseId = useId();
  const listboxId = `${baseId}-mentions`;
  const optionId = (index: number) => `${listboxId}-${index}`;
  const members = team.members
    .filter((member) => member.deactivatedAt === null && member.userId !== myUserId)
    .map((member) => ({ userId: member.userId, name: member.name, isOnline: member.isOnline }));
  const isOpen = options.isEnabled && query !== null && query.start !== dismissedAt;
  const items = isOpen ? filterMentionCandidates(members, query.query) : [];
  const active = items[Math.min(activeIndex, items.length - 1)];

  function pick(name: string) {
    if (!query) return;
    const { text, caret } = insertMention(options.body, query, name);
    writeField(options.textareaRef.current, text, caret);
    setQuery(null);
    options.onChangeBody(text);
  }

  return {
    isOpen,
    listboxId: isOpen && items.length > 0 ? listboxId : undefined,
    activeOptionId: isOpen && active ? optionId(items.indexOf(active)) : undefined,
    track(textarea) {
      const next = options.isEnabled ? findMentionQuery(textarea.value, textarea.selectionStart) : null;
      if (next?.start !== query?.start || next?.query !== query?.query) setActiveIndex(0);
      if (next?.start !== dismissedAt) setDismissedAt(null);
      setQuery(next);
    },
    close: () => setQuery(null),
    handleKeyDown(event) {
      if (!isOpen) return false;
      if (event.key === 'Escape') {
        setDismissedAt(query?.start ?? null);
        return true;
      }
      const moved = moveActiveOption(event.key, activeIndex, items.length);
      if (moved !== null && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        setActiveIndex(moved);
        return true;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey && active) {
        pick(active.name);
        return true;
      }
      return false;
    },
    picker: isOpen ? (
      <MentionPicker
        listboxId={listboxId}
        query={query.query}
        items={items}
        activeIndex={active ? items.indexOf(active) : -1}
        optionId={optionId}
        isLoading={team.status === 'loading' || team.status === 'idle'}
        onPick={(item) => pick(item.name)}
        onHover={setActiveIndex}
      />
    ) : null,
  };
}
