import type { WidgetConfig } from '@parley/api/protocol';
import type { ChatModule } from '../chat/chat-contract.ts';
import { defineParleyWidget, ELEMENT_NAME } from '../element/parley-widget.ts';
import type { EmitHostEvent, WidgetHandle } from '../host/host-api.ts';
import type { InitOptions } from '../host/init-options.ts';
import { createApiRequest } from '../sync/api-request.ts';
import { loadWidgetConfig } from '../sync/load-config.ts';
import { createSafeStorage, listVisitorKeys, shouldResumeChat } from '../sync/storage.ts';
import { createDeferredChat } from './deferred-chat.ts';

function whenBodyReady(callback: () => void): void {
  if (document.body) callback();
  else document.addEventListener('DOMContentLoaded', callback, { once: true });
}

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 5000 });
  else setTimeout(callback, 2000);
}

function logError(message: string, error: unknown): void {
  console.error(`Parley: ${message}`, error);
}

/**
 * What widget.js does on a page view: puts <parley-widget> on the page, loads the inbox settings, draws
 * the launcher and says ready. The chat (chatUrl, an ES module) is loaded when the visitor opens it,
 * at once when they have a conversation going (so replies arrive), or on idle with `prefetch`.
 */
export function mountLoader(apiBase: string, chatUrl: string, options: InitOptions, emit: EmitHostEvent): WidgetHandle {
  const storage = createSafeStorage(() => window.localStorage);
  defineParleyWidget();
  const element = document.createElement(ELEMENT_NAME);
  whenBodyReady(() => document.body.appendChild(element));

  const launcherShown = loadWidgetConfig(
    createApiRequest(apiBase, (url, init) => fetch(url, init)),
    options.siteKey,
    logError,
  ).then((config) => {
    if (config) showLauncher(config);
    return config;
  });

  let attempt = 0;
  const chat = createDeferredChat({
    // A failed import may be remembered by the browser under its URL: a retry asks under another one.
    load: () => import(/* @vite-ignore */ attempt++ ? `${chatUrl}?retry=${attempt}` : chatUrl) as Promise<ChatModule>,
    async mount({ mountChat }) {
      const config = await launcherShown;
      if (!config) return null;
      const { siteKey, locale, titleNotice = true, sound = true } = options;
      return mountChat({ apiBase, siteKey, locale, config, storage, emit, surface: element, titleNotice, sound });
    },
    report: (error) => logError('could not load the chat', error),
  });

  function showLauncher(config: WidgetConfig): void {
    element.showLauncher(
      config.appearance,
      options.locale,
      {
        // What the visitor sees is what a click does: while the chat loads the bubble shows closed, so
        // a second click (or one after a failed load) asks to open again, never to close.
        onOpen() {
          element.setBusy(true);
          void chat.run((handle) => handle.openFromLauncher(), true).finally(() => element.setBusy(false));
        },
        onClose: () => void chat.run((handle) => handle.close(), false),
        onIntent: () => chat.preload(),
      },
      options.colorScheme,
    );
    emit('ready');
    if (shouldResumeChat(storage, options.siteKey)) void chat.mount();
    else if (options.prefetch) whenIdle(() => chat.preload());
  }

  return {
    open: () => void chat.run((handle) => handle.open(), true),
    close: () => void chat.run((handle) => handle.close(), false),
    toggle: () => void chat.run((handle) => handle.toggle(), true),
    identify: (identity) => void chat.run((handle) => handle.identify(identity), false),
    setAttributes: (attributes) => void chat.run((handle) => handle.setAttributes(attributes), false),
    reset() {
      // Signed out: this browser forgets the visitor now, even if the chat never loads on this page.
      for (const key of listVisitorKeys(options.siteKey)) storage.removeItem(key);
      void chat.run((handle) => handle.reset(), false);
    },
  };
}
