import type { LauncherStrings } from '../i18n/launcher-strings.ts';

export interface LauncherView {
  isOpen: boolean;
  unreadCount: number;
  /** The chat is loading after the visitor asked for it. */
  isBusy: boolean;
}

/** What the visitor asks of the launcher, as it shows itself: a click opens it when closed, closes it when open. */
export interface LauncherHandlers {
  onOpen(): void;
  /** A click or Escape while it shows the panel open. */
  onClose(): void;
  /** The pointer or the focus came to the launcher: the chat may be wanted soon. */
  onIntent(): void;
}

const SVG = 'http://www.w3.org/2000/svg';
// Inline icons (no network, no font). Decorative: the button carries the label.
const CHAT_ICON =
  'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.5.4-1.3.1-1.3-.6V16A2.5 2.5 0 0 1 4 13.5v-8Z';
const CHEVRON_DOWN_ICON = 'm6 9 6 6 6-6';

function setAttributes(element: Element, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
}

function createIcon(isOpen: boolean): SVGSVGElement {
  const size = isOpen ? '24' : '26';
  const svg = document.createElementNS(SVG, 'svg');
  setAttributes(svg, { width: size, height: size, viewBox: '0 0 24 24', fill: 'none', 'aria-hidden': 'true' });
  const path = document.createElementNS(SVG, 'path');
  setAttributes(
    path,
    isOpen
      ? {
          d: CHEVRON_DOWN_ICON,
          stroke: 'currentColor',
          'stroke-width': '2.2',
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
        }
      : { d: CHAT_ICON, fill: 'currentColor' },
  );
  svg.append(path);
  return svg;
}

function createSpan(className: string, text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/**
 * The launcher bubble, in plain DOM so the page view needs no framework: an accessible button with the
 * owner's text, the open/closed icon and the unread badge. The chat drives it through `render`.
 */
export function createLauncherButton(text: string | undefined, strings: LauncherStrings, handlers: LauncherHandlers) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.testid = 'parley-bubble';
  button.setAttribute('aria-controls', 'parley-panel');
  let isOpen = false;
  button.addEventListener('click', () => (isOpen ? handlers.onClose() : handlers.onOpen()));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen) {
      event.stopPropagation();
      handlers.onClose();
    }
  });
  for (const intent of ['pointerenter', 'focus', 'touchstart']) {
    button.addEventListener(intent, () => handlers.onIntent(), { once: true, passive: true });
  }

  function render(view: LauncherView): void {
    isOpen = view.isOpen;
    const visibleText = view.isOpen ? undefined : text;
    const hasUnread = !view.isOpen && view.unreadCount > 0;
    button.className = visibleText ? 'launcher has-text' : 'launcher';
    const label = view.isOpen
      ? strings.closeChat
      : visibleText
        ? `${visibleText} (${strings.openChat})`
        : strings.openChat;
    const badgeText = view.unreadCount > 99 ? '99+' : String(view.unreadCount);
    // The name holds what the badge shows (WCAG 2.5.3, label in name): "Open chat, 3 unread messages".
    const unread = `${view.unreadCount > 99 ? '99+ · ' : ''}${strings.unread(view.unreadCount)}`;
    button.setAttribute('aria-label', hasUnread ? `${label}, ${unread}` : label);
    button.setAttribute('aria-expanded', String(view.isOpen));
    if (view.isBusy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
    const children: Node[] = [createIcon(view.isOpen)];
    if (visibleText) children.push(createSpan('launcher-text', visibleText));
    if (hasUnread) {
      const badge = createSpan('badge', badgeText);
      badge.id = 'parley-unread';
      badge.title = strings.unread(view.unreadCount);
      children.push(badge);
    }
    button.replaceChildren(...children);
  }

  render({ isOpen: false, unreadCount: 0, isBusy: false });
  return { element: button, render };
}
