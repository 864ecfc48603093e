import { WIDGET_WS_PATH } from '@parley/api/protocol/constants';
import { defineParleyWidget, ELEMENT_NAME } from './element/parley-widget.ts';
import type { EmitHostEvent, WidgetHandle } from './host/host-api.ts';
import type { InitOptions } from './host/init-options.ts';
import { createApiClient, toWebSocketUrl } from './sync/api-client.ts';
import { ChatController } from './sync/chat-controller.ts';
import { createSafeStorage } from './sync/storage.ts';
import type { SocketLike } from './sync/visitor-connection.ts';

function whenBodyReady(callback: () => void): void {
  if (document.body) callback();
  else document.addEventListener('DOMContentLoaded', callback, { once: true });
}

/** Wires the real browser into a controller and puts <parley-widget> on the page. */
export function mountWidget(apiBase: string, options: InitOptions, emit: EmitHostEvent): WidgetHandle {
  const controller = new ChatController({
    siteKey: options.siteKey,
    api: createApiClient(apiBase, (url, init) => fetch(url, init)),
    storage: createSafeStorage(() => window.localStorage),
    wsUrl: toWebSocketUrl(apiBase, WIDGET_WS_PATH),
    createSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as SocketLike,
    emit,
  });

  defineParleyWidget();
  const element = document.createElement(ELEMENT_NAME);
  element.controller = controller;
  element.locale = options.locale;
  whenBodyReady(() => document.body.appendChild(element));

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
  };
}
