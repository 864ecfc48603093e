import type { Appearance } from '@parley/api/protocol';
import type { ChatSurface, LauncherState } from '../chat/chat-contract.ts';
import type { ForcedColorScheme } from '../host/init-options.ts';
import { launcherStringsFor } from '../i18n/launcher-strings.ts';
import { chooseLocale, textDirection } from '../i18n/locales.ts';
import { normalizeAccent, pickTextColor } from './accent-color.ts';
import launcherCss from './launcher.css?inline';
import { createLauncherButton, type LauncherHandlers } from './launcher-button.ts';

export const ELEMENT_NAME = 'parley-widget';

/** Constructable stylesheets where the browser has them (no CSP question), else a <style> element. */
function addStyleSheet(root: ShadowRoot, css: string): void {
  if (root.adoptedStyleSheets && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}

/**
 * <parley-widget>: the one element of the widget, with an open shadow root, so the host page's CSS
 * stays out and ours stays in. It is a plain custom element, no framework: widget.js draws the launcher
 * here on a page view; the chat chunk, once loaded, adds its stylesheet, renders the panel into
 * `chatRoot` (Preact) and keeps the launcher's state.
 */
export class ParleyWidgetElement extends HTMLElement implements ChatSurface {
  readonly chatRoot = document.createElement('div');
  readonly #shadow = this.attachShadow({ mode: 'open' });
  #launcher: ReturnType<typeof createLauncherButton> | null = null;
  #state: LauncherState = { isOpen: false, unreadCount: 0 };
  #isBusy = false;

  constructor() {
    super();
    this.addStyles(launcherCss);
  }

  /** Draws the launcher in the inbox's colour, corner and text, in the language of `init`'s locale or the browser's. */
  showLauncher(
    appearance: Appearance,
    locale: string | undefined,
    handlers: LauncherHandlers,
    colorScheme?: ForcedColorScheme,
  ): void {
    const root = document.createElement('div');
    root.className = appearance.position === 'left' ? 'root left' : 'root right';
    // chat.css keys its dark values on the system's scheme, or on this class when init forces one.
    if (colorScheme) root.classList.add(colorScheme);
    const { language, tag } = chooseLocale(locale, navigator.languages);
    root.lang = tag;
    root.dir = textDirection(language);
    const accent = normalizeAccent(appearance.color);
    root.style.setProperty('--parley-accent', accent);
    root.style.setProperty('--parley-on-accent', pickTextColor(accent));
    this.#launcher = createLauncherButton(appearance.launcherText, launcherStringsFor(language), handlers);
    root.append(this.#launcher.element, this.chatRoot);
    this.#shadow.append(root);
  }

  /** The chat is loading because the visitor asked for it (or it is not any more). */
  setBusy(isBusy: boolean): void {
    this.#isBusy = isBusy;
    this.#renderLauncher();
  }

  showLauncherState(state: LauncherState): void {
    if (state.isOpen === this.#state.isOpen && state.unreadCount === this.#state.unreadCount) return;
    this.#state = state;
    this.#renderLauncher();
  }

  focusLauncher(): void {
    this.#launcher?.element.focus();
  }

  addStyles(css: string): void {
    addStyleSheet(this.#shadow, css);
  }

  #renderLauncher(): void {
    this.#launcher?.render({ ...this.#state, isBusy: this.#isBusy });
  }
}

export function defineParleyWidget(): void {
  if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, ParleyWidgetElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'parley-widget': ParleyWidgetElement;
  }
}
