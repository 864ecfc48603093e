// widget-chat.emoji-picker-<hash>.js: the emoji picker, loaded the first time the visitor presses the smiley.
import { render } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ChatSurface } from '../chat/chat-contract.ts';
import { CATEGORIES, type CategoryKey, EMOJI } from './emoji-data.ts';
import { nextCell } from './emoji-grid-keys.ts';
import emojiCss from './emoji-picker.css?inline';
import { readRecents, rememberRecent } from './emoji-recents.ts';
import { searchEmoji } from './emoji-search.ts';
import { emojiStrings } from './emoji-strings.ts';

export interface EmojiPickerProps {
  /** The composer's field: the emoji goes in at its caret (over its selection). */
  input: HTMLTextAreaElement | null;
  /** The smiley button: Escape gives it the focus back. */
  button: HTMLElement | null;
  onInsert(draft: string): void;
  onClose(): void;
}

const COLUMNS = 8;
let hasStyles = false;

interface Section {
  key: CategoryKey | 'recent' | 'results';
  chars: string[];
}

export function EmojiPicker({ input, button, onInsert, onClose }: EmojiPickerProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const locale = input?.closest<HTMLElement>('[lang]')?.lang;
  const rtl = input?.closest<HTMLElement>('[dir]')?.dir === 'rtl';
  const text = emojiStrings(locale);

  useLayoutEffect(() => {
    searchRef.current?.focus();
  }, []);

  const sections = ((): Section[] => {
    if (query.trim()) return [{ key: 'results', chars: searchEmoji(EMOJI, query).map((emoji) => emoji.char) }];
    const recents = readRecents();
    const categories = (Object.keys(CATEGORIES) as CategoryKey[]).map((key) => ({
      key,
      chars: EMOJI.filter((emoji) => emoji.category === key).map((emoji) => emoji.char),
    }));
    return recents.length ? [{ key: 'recent', chars: recents }, ...categories] : categories;
  })();
  const cells = sections.flatMap((section) => section.chars);
  const activeIndex = Math.min(active, Math.max(cells.length - 1, 0));

  function close(focus: HTMLElement | null) {
    onClose();
    focus?.focus();
  }

  function insert(char: string) {
    rememberRecent(char);
    const value = input?.value ?? '';
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    const draft = value.slice(0, start) + char + value.slice(end);
    // Written now, caret and all, so a key pressed before the composer re-renders lands after the emoji;
    // Preact then finds the value unchanged and leaves the caret where it is.
    if (input) input.value = draft;
    close(input);
    input?.setSelectionRange(start + char.length, start + char.length);
    onInsert(draft);
  }

  function focusCell(index: number) {
    setActive(index);
    rootRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(button);
      return;
    }
    const inSearch = event.target === searchRef.current;
    if (inSearch) {
      if (event.key === 'ArrowDown' && cells.length) {
        event.preventDefault();
        focusCell(0);
      } else if (event.key === 'Enter') {
        event.preventDefault();
        const first = cells[0];
        if (first) insert(first);
      }
      return;
    }
    if (event.key === 'ArrowUp' && activeIndex < COLUMNS) {
      event.preventDefault();
      searchRef.current?.focus();
      return;
    }
    const next = nextCell(event.key, activeIndex, cells.length, COLUMNS, rtl);
    if (next !== undefined) {
      event.preventDefault();
      focusCell(next);
    }
  }

  let index = 0;
  return (
    <div
      ref={rootRef}
      class="emoji-picker"
      role="dialog"
      aria-label={text.dialog}
      data-testid="parley-emoji-picker"
      onKeyDown={onKeyDown}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !rootRef.current?.contains(next) && next !== button) onClose();
      }}
    >
      <input
        ref={searchRef}
        class="emoji-search"
        type="search"
        aria-label={text.search}
        placeholder={text.search}
        autocomplete="off"
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(0);
        }}
      />
      <div class="emoji-scroll">
        {cells.length === 0 && <p class="emoji-empty">{text.noResults}</p>}
        {sections.map((section) =>
          section.chars.length === 0 ? null : (
            <section key={section.key} aria-label={section.key === 'results' ? text.search : text[section.key]}>
              {section.key !== 'results' && (
                <div class="emoji-heading" aria-hidden="true">
                  {text[section.key]}
                </div>
              )}
              <div class="emoji-grid">
                {section.chars.map((char) => {
                  const cell = index++;
                  return (
                    <button
                      key={char}
                      type="button"
                      class="emoji-cell"
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
          ),
        )}
      </div>
    </div>
  );
}

let openPicker: { container: HTMLElement; close(): void } | undefined;

/** The smiley's press: opens the picker above the composer the button is in, or closes it when open. */
export function togglePicker(button: HTMLElement, onInsert: (draft: string) => void) {
  if (openPicker) {
    openPicker.close();
    return;
  }
  const form = button.closest('form');
  if (!form) return;
  const root = button.getRootNode();
  // Adopted by <parley-widget> like the chat's own styles (a <style> element would need the host page's CSP to allow it).
  if (!hasStyles && root instanceof ShadowRoot) {
    (root.host as unknown as ChatSurface).addStyles(emojiCss);
    hasStyles = true;
  }
  const container = document.createElement('div');
  container.className = 'emoji-layer';
  form.append(container);
  const close = () => {
    if (openPicker?.container !== container) return;
    openPicker = undefined;
    render(null, container);
    container.remove();
    button.setAttribute('aria-expanded', 'false');
  };
  openPicker = { container, close };
  button.setAttribute('aria-expanded', 'true');
  render(
    <EmojiPicker input={form.querySelector('textarea')} button={button} onInsert={onInsert} onClose={close} />,
    container,
  );
}
