// widget-chat.<hash>.js: the chat, loaded by widget.js (loader/mount-loader.ts) when it is needed.
// It renders the panel inside the loader's <parley-widget> and runs the visitor's chat controller.

import { WIDGET_WS_PATH } from '@parley/api/protocol/constants';
import { h, render } from 'preact';
import chatCss from '../element/chat.css?inline';
import type { EmitHostEvent } from '../host/host-api.ts';
import { chooseLocale } from '../i18n/locales.ts';
import { loadStrings } from '../i18n/strings.ts';
import { createLazyChime } from '../notify/lazy-chime.ts';
import { createLazyReplyNotifier } from '../notify/lazy-reply-notifier.ts';
import { createSoundPreference } from '../notify/sound-preference.ts';
import { preChatContext } from '../pre-chat/pre-chat-context.ts';
import { createApiClient, toWebSocketUrl } from '../sync/api-client.ts';
import { ChatController } from '../sync/chat-controller.ts';
import type { SocketLike } from '../sync/visitor-connection.ts';
import { createPhoneLayout } from '../ui/phone-layout.ts';
import { WidgetApp } from '../ui/widget-app.tsx';
import type { ChatHandle, MountChatOptions } from './chat-contract.ts';

export function mountChat(options: MountChatOptions): ChatHandle {
  const { apiBase, surface } = options;
  const soundPreference = options.sound ? createSoundPreference(options.storage, options.siteKey) : null;
  const notifier = createLazyReplyNotifier({
    isTitleNoticeOn: options.titleNotice,
    sound: soundPreference && { chime: createLazyChime(), preference: soundPreference },
    isPanelOpen: () => controller.getSnapshot().isOpen,
  });
  const emit: EmitHostEvent = (event, ...args) => {
    if (event === 'message') notifier.noteAgentMessage();
    options.emit(event, ...args);
  };
  const phoneLayout = createPhoneLayout(surface.chatRoot);
  const controller = new ChatController({
    siteKey: options.siteKey,
    config: options.config,
    api: createApiClient(apiBase, (url, init) => fetch(url, init)),
    storage: options.storage,
    wsUrl: toWebSocketUrl(apiBase, WIDGET_WS_PATH),
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
    emit,
  });
  const focusComposerOnOpen = { current: false };
  Object.assign(preChatContext, { apiBase, visitorToken: () => controller.visitorToken() });

  surface.addStyles(chatCss);
  // The launcher follows the controller at once (like the host page's unread handler), not a frame later.
  controller.subscribe(() => {
    const { isOpen, unreadCount } = controller.getSnapshot();
    surface.showLauncherState({ isOpen, unreadCount });
    phoneLayout.setOpen(isOpen);
    notifier.checkSeen();
  });
  // The panel appears in the visitor's language: their catalogue (a small chunk) comes before the first render.
  const { language, tag } = chooseLocale(options.locale, navigator.languages);
  void loadStrings(language).then(() =>
    render(h(WidgetApp, { controller, surface, locale: tag, focusComposerOnOpen, soundPreference }), surface.chatRoot),
  );
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
