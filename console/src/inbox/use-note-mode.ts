import { type RefObject, useEffect, useState } from 'react';

/** Note mode per conversation, kept while the agent switches between conversations. */
const noteModes = new Set<string>();

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest('input, textarea, select, [role="listbox"], [role="menu"], dialog') !== null;
}

/**
 * Reply or Note for the composer of one conversation. `n` (no modifier, not while typing in a field or
 * inside a dialog or menu) toggles it and puts the focus in the composer.
 */
export function useNoteMode(conversationId: string, composerRef: RefObject<HTMLTextAreaElement | null>) {
  const [isNote, setIsNoteState] = useState(() => noteModes.has(conversationId));

  function setIsNote(next: boolean) {
    setIsNoteState(next);
    if (next) noteModes.add(conversationId);
    else noteModes.delete(conversationId);
  }

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTypingTarget(event.target)) return;
      event.preventDefault();
      setIsNoteState((current) => {
        const next = !current;
        if (next) noteModes.add(conversationId);
        else noteModes.delete(conversationId);
        return next;
      });
      composerRef.current?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [conversationId, composerRef]);

  return { isNote, setIsNote };
}
