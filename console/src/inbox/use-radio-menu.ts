import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';

export interface RadioMenu {
  isOpen: boolean;
  setIsOpen(update: boolean | ((open: boolean) => boolean)): void;
  close(shouldFocusButton?: boolean): void;
  menuId: string;
  buttonRef: RefObject<HTMLButtonElement | null>;
  menuRef: RefObject<HTMLDivElement | null>;
  rootRef: RefObject<HTMLDivElement | null>;
  handleButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  handleMenuKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
}

/**
 * The behaviour shared by the conversation header's menu buttons (assignee, team): a click outside closes,
 * the checked item (or the first) takes focus when the menu shows or its items arrive (`itemsKey`),
 * ↑/↓ on the button opens, ↑/↓/Home/End move, Escape closes back to the button, Tab closes.
 */
export function useRadioMenu(itemsKey: unknown): RadioMenu {
  const [isOpen, setIsOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!isOpen) return;
    function handlePointerDown(event: PointerEvent) {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setIsOpen(false);
    }
    document.addEventListener('pointerdown', handlePointerDown);
    return () => document.removeEventListener('pointerdown', handlePointerDown);
  }, [isOpen]);

  // Again when the items arrive (itemsKey), so focus lands on the checked one.
  useEffect(() => {
    if (!isOpen) return;
    const items = menuItems(menuRef.current);
    (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  }, [isOpen, itemsKey]);

  function close(shouldFocusButton = true) {
    setIsOpen(false);
    if (shouldFocusButton) buttonRef.current?.focus();
  }

  function handleButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setIsOpen(true);
    }
  }

  function handleMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = menuItems(menuRef.current);
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(items.length - 1),
      Escape: () => close(),
    };
    if (event.key === 'Tab') close(false);
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  }

  return {
    isOpen,
    setIsOpen,
    close,
    menuId,
    buttonRef,
    menuRef,
    rootRef,
    handleButtonKeyDown,
    handleMenuKeyDown,
  };
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemradio"]')] : [];
}
