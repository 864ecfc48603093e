import type { WidgetConfig } from '@parley/api/protocol';
import type { EmitHostEvent, WidgetHandle } from '../host/host-api.ts';
import type { KeyValueStorage } from '../sync/storage.ts';

// What widget.js (the loader) and the chat chunk it loads hand each other. Types only: neither bundle
// imports code of the other.

/** What the launcher shows; the chat keeps it up to date once it runs. */
export interface LauncherState {
  isOpen: boolean;
  unreadCount: number;
}

/** The part of <parley-widget> the chat draws into. */
export interface ChatSurface {
  /** Inside the shadow root, after the launcher: the chat renders its panel and live region here. */
  readonly chatRoot: HTMLElement;
  /** Adds a stylesheet to the shadow root, after the launcher's. */
  addStyles(css: string): void;
  showLauncherState(state: LauncherState): void;
  focusLauncher(): void;
}

export interface MountChatOptions {
  apiBase: string;
  siteKey: string;
  locale: string | undefined;
  /** The inbox settings the loader fetched to draw the launcher. */
  config: WidgetConfig;
  /** The loader's storage, so both see the same values when localStorage is unavailable. */
  storage: KeyValueStorage;
  emit: EmitHostEvent;
  surface: ChatSurface;
  /** init({ titleNotice, sound }): each is on unless the host page said false. */
  titleNotice: boolean;
  sound: boolean;
}

export interface ChatHandle extends WidgetHandle {
  /** The visitor clicked the closed launcher: like open, and the composer gets the focus. */
  openFromLauncher(): void;
}

/** The chat chunk's exports (widget-chat.<hash>.js, an ES module). */
export interface ChatModule {
  mountChat(options: MountChatOptions): ChatHandle;
}
