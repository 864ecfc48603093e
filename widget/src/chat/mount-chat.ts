// widget-chat.<hash>.js: the chat, loaded by widget.js (loader/mount-loader.ts) when it is needed.
// It renders the panel inside the loader's <parley-widget> and runs the visitor's chat controller.

import { WIDGET_WS_PATH } from '@parley/api/protocol/constants';
import { h, render } from 'preact';
import chatCss from '../element/chat.css?inline';
import { createApiClient, toWebSocketUrl } from '../sync/api-client.ts';
import { ChatController } from '../sync/chat-controller.ts';
import type { SocketLike } from '../sync/visitor-connection.ts';
import { WidgetApp } from '../ui/widget-app.tsx';
import type { ChatHandle, MountChatOptions } from './chat-contract.ts';

export function mountChat(options: MountChatOptions): ChatHandle {
  const { apiBase, surface } = options;
  const controller = new ChatController({
    siteKey: options.siteKey,
    config: options.config,
    api: createApiClient(apiBase, (url, init) => fetch(url, init)),
    storage: options.storage,
    wsUrl: toWebSocketUrl(apiBase, WIDGET_WS_PATH),
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
    emit: options.emit,
  });
  const focusComposerOnOpen = { current: false };

  surface.addStyles(chatCss);
  // The launcher follows the controller at once (like the host page's unread handler), not a frame later.
  controller.subscribe(() => {
    const { isOpen, unreadCount } = controller.getSnapshot();
    surface.showLauncherState({ isOpen, unreadCount });
  });
  render(h(WidgetApp, { controller, surface, locale: options.locale, focusComposerOnOpen }), surface.chatRoot);
  window.addEventListener('online', () => controller.handleOnline());
  window.addEventListener('storage', (event) => controller.handleStorageChange(event.key));
  void controller.start();

  return {
    open: () => controller.open(),
    close: () => controller.close(),
    toggle: () => controller.toggle(),
    identify: (identity) => controller.identify(identity),
    setAttributes: (attributes) => controller.setAttributes(attributes),
    reset: () => controller.reset(),
    openFromLauncher() {
      if (controller.getSnapshot().isOpen) return;
      focusComposerOnOpen.current = true;
      controller.open();
    },
  };
}
