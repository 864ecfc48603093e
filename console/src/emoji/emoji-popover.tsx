import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { writeField } from '../lib/write-field.ts';
import {
  CATEGORIES,
  type CategoryKey,
  EMOJI,
  nextCell,
  readRecents,
  rememberRecent,
  searchEmoji,
} from './emoji-data.ts';
import './emoji-popover.css';

const COLUMNS = 9;
const CATEGORY_NAMES: Record<CategoryKey, string> = {
  smileys: 'Smileys',
  people: 'People',
  nature: 'Animals & nature',
  food: 'Food & drink',
  activities: 'Activities & travel',
  objects: 'Objects',
  symbols: 'Symbols',
  flags: 'Flags',
};

interface EmojiPopoverProps {
  textarea: HTMLTextAreaElement | null;
  button: HTMLElement | null;
  onInsert(body: string): void;
  onClose(): void;
}

/** Search, then a grid by category (recently used first): arrows move, Enter inserts, Escape closes. */
export default function EmojiPopover({ textarea, button, onInsert, onClose }: EmojiPopoverProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  useLayoutEffect(() => searchRef.current?.focus(), []);

  const sections: { key: string; label: string; chars: string[] }[] = query.trim()
    ? [{ key: 'results', label: 'Results', chars: searchEmoji(EMOJI, query).map((emoji) => emoji.char) }]
    : [
        { key: 'recent', label: 'Recently used', chars: readRecents() },
        ...(Object.keys(CATEGORIES) as CategoryKey[]).map((key) => ({
          key,
          label: CATEGORY_NAMES[key],
          chars: EMOJI.filter((emoji) => emoji.category === key).map((emoji) => emoji.char),
        })),
      ].filter((section) => section.chars.length > 0);
  const cells = sections.flatMap((section) => section.chars);
  const activeIndex = Math.min(active, Math.max(cells.length - 1, 0));

  function insert(char: string) {
    rememberRecent(char);
    const value = textarea?.value ?? '';
    const start = textarea?.selectionStart ?? value.length;
    const end = textarea?.selectionEnd ?? value.length;
    const next = value.slice(0, start) + char + value.slice(end);
    writeField(textarea, next, start + char.length);
    onInsert(next);
    onClose();
  }

  function focusCell(index: number) {
    setActive(index);
    rootRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      button?.focus();
      return;
    }
    if (event.target === searchRef.current) {
      if (event.key === 'ArrowDown' && cells.length) {
        event.preventDefault();
        focusCell(0);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (cells[0]) insert(cells[0]);
      }
      return;
    }
    if (event.key === 'ArrowUp' && activeIndex < COLUMNS) {
      event.preventDefault();
      searchRef.current?.focus();
      return;
    }
    const next = nextCell(event.key, activeIndex, cells.length, COLUMNS, false);
    if (next !== undefined) {
      event.preventDefault();
      focusCell(next);
    }
  }

  let index = 0;
  return (
    <div
      ref={rootRef}
      className="emoji-popover"
      role="dialog"
      aria-label="Emoji"
      data-testid="emoji-popover"
      onKeyDown={handleKeyDown}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !rootRef.current?.contains(next) && next !== button) onClose();
      }}
    >
      <input
        ref={searchRef}
        className="input emoji-popover__search"
        type="search"
        aria-label="Search emoji"
        placeholder="Search emoji"
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        data-testid="emoji-search"
      />
      <div className="emoji-popover__scroll">
        {cells.length === 0 ? <p className="emoji-popover__empty">No emoji found</p> : null}
        {sections.map((section) => (
          <section key={section.key} aria-label={section.label}>
            <div className="emoji-popover__heading" aria-hidden="true">
              {section.label}
            </div>
            <div className="emoji-popover__grid">
              {section.chars.map((char) => {
                const cell = index++;
                return (
                  <button
                    key={char}
                    type="button"
                    className="emoji-popover__cell"
                    data-index={cell}
                    tabIndex={cell === activeIndex ? 0 : -1}
                    aria-label={char}
                    onFocus={() => setActive(cell)}
                    onClick={() => insert(char)}
                  >
                    {char}
                  </button>
                );
              })}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
