import { describe, expect, it } from 'vitest';
import { isKeyForSomethingElse, isSearchShortcut, type KeyLike, moveInList, toListMove } from './search-keys.ts';

function key(value: string, modifiers: Partial<KeyLike> = {}): KeyLike {
  return { key: value, ctrlKey: false, metaKey: false, altKey: false, ...modifiers };
}

function element(tagName: string, extra: { type?: string; isContentEditable?: boolean; inside?: string } = {}) {
  return {
    tagName,
    type: extra.type,
    isContentEditable: extra.isContentEditable ?? false,
    closest: (selector: string) => (extra.inside && selector.includes(extra.inside) ? {} : null),
  };
}

describe('isSearchShortcut', () => {
  it('is / alone, or Ctrl+K and ⌘K', () => {
    expect(isSearchShortcut(key('/'))).toBe(true);
    expect(isSearchShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }))).toBe(true);
  });

  it('is not k alone, a modified /, Alt combinations or a key in the middle of composing', () => {
    expect(isSearchShortcut(key('k'))).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(key('/', { isComposing: true }))).toBe(false);
  });
});

describe('isKeyForSomethingElse', () => {
  it('leaves keys to fields the agent types in', () => {
    expect(isKeyForSomethingElse(element('TEXTAREA'))).toBe(true);
    expect(isKeyForSomethingElse(element('INPUT'))).toBe(true);
    expect(isKeyForSomethingElse(element('input', { type: 'search' }))).toBe(true);
    expect(isKeyForSomethingElse(element('INPUT', { type: 'date' }))).toBe(true);
    expect(isKeyForSomethingElse(element('SELECT'))).toBe(true);
    expect(isKeyForSomethingElse(element('DIV', { isContentEditable: true }))).toBe(true);
  });

  it('leaves keys to open dialogs and menus', () => {
    expect(isKeyForSomethingElse(element('BUTTON', { inside: 'dialog' }))).toBe(true);
    expect(isKeyForSomethingElse(element('BUTTON', { inside: '[role="menu"]' }))).toBe(true);
  });

  it('takes them from the page, links, buttons and radio buttons', () => {
    expect(isKeyForSomethingElse(null)).toBe(false);
    expect(isKeyForSomethingElse(element('BODY'))).toBe(false);
    expect(isKeyForSomethingElse(element('A'))).toBe(false);
    expect(isKeyForSomethingElse(element('BUTTON'))).toBe(false);
    expect(isKeyForSomethingElse(element('INPUT', { type: 'radio' }))).toBe(false);
  });
});

describe('moving through results', () => {
  it('reads arrows, Home, End and Escape, nothing with modifiers', () => {
    expect(toListMove(key('ArrowDown'))).toBe('next');
    expect(toListMove(key('ArrowUp'))).toBe('previous');
    expect(toListMove(key('Home'))).toBe('first');
    expect(toListMove(key('End'))).toBe('last');
    expect(toListMove(key('Escape'))).toBe('leave');
    expect(toListMove(key('ArrowDown', { altKey: true }))).toBeNull();
    expect(toListMove(key('Enter'))).toBeNull();
  });

  it('goes down from the box to the first result, stops at the ends, and up from the first to the box', () => {
    expect(moveInList(-1, 3, 'next')).toBe(0);
    expect(moveInList(0, 3, 'next')).toBe(1);
    expect(moveInList(2, 3, 'next')).toBe(2);
    expect(moveInList(1, 3, 'previous')).toBe(0);
    expect(moveInList(0, 3, 'previous')).toBe('box');
    expect(moveInList(1, 3, 'first')).toBe(0);
    expect(moveInList(0, 3, 'last')).toBe(2);
    expect(moveInList(1, 3, 'leave')).toBe('box');
    expect(moveInList(-1, 0, 'next')).toBe('box');
  });
});
