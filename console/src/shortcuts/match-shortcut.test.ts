import { describe, expect, test } from 'vitest';
import type { TargetLike } from '../search/search-keys.ts';
import { type KeyPress, matchShortcut, SEQUENCE_TIMEOUT_MS } from './match-shortcut.ts';

const key = (value: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

/** An element: its tag, and the selectors `closest` finds it inside. */
function element(tagName: string, inside: string[] = [], extra: Partial<TargetLike> = {}): TargetLike {
  return {
    tagName,
    closest: (selector: string) => (selector.split(', ').some((part) => inside.includes(part)) ? {} : null),
    ...extra,
  };
}

const body = element('BODY');
const textarea = element('TEXTAREA');
const link = element('A', ['a[href]']);

describe('single keys', () => {
  test.each([
    ['?', 'help'],
    ['j', 'next'],
    ['k', 'previous'],
    ['o', 'open'],
    ['Enter', 'open'],
    ['r', 'reply'],
    ['e', 'resolve'],
    ['a', 'assign'],
    ['t', 'team'],
    ['l', 'label'],
    ['s', 'snooze'],
    ['p', 'priority'],
    ['E', 'pending'],
    ['x', 'select'],
  ])('%s is %s', (value, shortcut) => {
    expect(matchShortcut(key(value), body, null, 0)).toEqual({ shortcut, pending: null });
  });

  test('other keys, capitals and keys with Ctrl, ⌘ or Alt are nothing', () => {
    for (const press of [
      key('z'),
      key('J', { shiftKey: true }),
      key('j', { ctrlKey: true }),
      key('e', { metaKey: true }),
      key('r', { altKey: true }),
    ]) {
      expect(matchShortcut(press, body, null, 0).shortcut).toBeNull();
    }
  });

  test('search keys are left to search', () => {
    expect(matchShortcut(key('/'), body, null, 0).shortcut).toBeNull();
    expect(matchShortcut(key('k', { ctrlKey: true }), body, null, 0).shortcut).toBeNull();
  });

  test('a key of an input method being composed is nothing', () => {
    expect(matchShortcut(key('j', { isComposing: true }), body, null, 0).shortcut).toBeNull();
  });
});

describe('where the focus is', () => {
  test('typing in a field, a text area, an editable element or a select is never a shortcut', () => {
    for (const target of [
      textarea,
      element('INPUT', [], { type: 'text' }),
      element('SELECT'),
      element('DIV', [], { isContentEditable: true }),
    ]) {
      for (const value of ['j', 'e', '?', 'g', 'Enter'])
        expect(matchShortcut(key(value), target, null, 0).shortcut).toBeNull();
    }
  });

  test('inside a dialog, menu or list box the keys are theirs', () => {
    for (const inside of ['dialog', '[role="menu"]', '[role="listbox"]']) {
      expect(matchShortcut(key('j'), element('BUTTON', [inside, 'button']), null, 0).shortcut).toBeNull();
    }
  });

  test('Enter on a link or button follows or presses it; o still opens', () => {
    expect(matchShortcut(key('Enter'), link, null, 0).shortcut).toBeNull();
    expect(matchShortcut(key('Enter'), element('BUTTON', ['button']), null, 0).shortcut).toBeNull();
    expect(matchShortcut(key('o'), link, null, 0).shortcut).toBe('open');
    expect(matchShortcut(key('j'), link, null, 0).shortcut).toBe('next');
  });

  test('Escape leaves a text field, but not one inside a dialog, menu or list box, and means nothing elsewhere', () => {
    expect(matchShortcut(key('Escape'), textarea, null, 0).shortcut).toBe('leave-field');
    expect(matchShortcut(key('Escape'), element('INPUT', ['dialog'], { type: 'text' }), null, 0).shortcut).toBeNull();
    expect(matchShortcut(key('Escape'), body, null, 0).shortcut).toBeNull();
  });
});

describe('g then a key', () => {
  test('g starts a sequence; i, q and s then go to the inbox, queue and settings', () => {
    const started = matchShortcut(key('g'), body, null, 1000);
    expect(started).toEqual({ shortcut: null, pending: { key: 'g', at: 1000 } });
    expect(matchShortcut(key('i'), body, started.pending, 1500).shortcut).toBe('go-inbox');
    expect(matchShortcut(key('q'), body, started.pending, 1500).shortcut).toBe('go-queue');
    expect(matchShortcut(key('s'), body, started.pending, 1500)).toEqual({ shortcut: 'go-settings', pending: null });
  });

  test('another key ends the sequence without doing anything, even one that is a shortcut alone', () => {
    const { pending } = matchShortcut(key('g'), body, null, 0);
    expect(matchShortcut(key('e'), body, pending, 10)).toEqual({ shortcut: null, pending: null });
  });

  test('after the timeout the second key counts on its own', () => {
    const { pending } = matchShortcut(key('g'), body, null, 0);
    expect(matchShortcut(key('i'), body, pending, SEQUENCE_TIMEOUT_MS + 1).shortcut).toBeNull();
    expect(matchShortcut(key('e'), body, pending, SEQUENCE_TIMEOUT_MS + 1).shortcut).toBe('resolve');
  });
});
