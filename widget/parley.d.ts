/**
 * Types for `window.Parley`, the host-page API of the Parley chat widget (`widget.js`).
 *
 * Copy this file into your project (or reference it from the @parley/widget package) and write
 * `import type {} from './parley';` once, or `/// <reference path="./parley.d.ts" />`, so that
 * `window.Parley` and the global `Parley` are typed. widget/src/host/host-api.ts implements exactly
 * these commands and events; widget/src/host/parley-types.test.ts checks that they agree.
 *
 * Every call is `Parley(command, ...arguments)`. Calls made before widget.js has loaded are queued by
 * the snippet and run in order once it has. A wrong call throws an `Error` whose message starts with
 * "Parley:" (an unknown command, a bad event name, identify without { id, hash }…).
 */

/** The languages of the widget; any tag of one of them works too ('pt-BR', 'ar-EG', 'de-CH'). */
export type ParleyLocale = 'en' | 'ru' | 'es' | 'de' | 'fr' | 'pt' | 'ar' | (string & {});

/** `Parley('init', options)`: once per page, first; a second init is ignored with a console warning. */
export interface ParleyInitOptions {
  /** The inbox's site key, as in the snippet the console shows (Settings). */
  siteKey: string;
  /**
   * The widget's language, as a BCP 47 language tag such as 'de' or 'pt-BR': English (en), Russian (ru),
   * Spanish (es), German (de), French (fr), Portuguese (pt) or Arabic (ar, right to left). Regions pick
   * the language ('de-AT' → German) and the dates and times ('pt-BR' → Brazil's). Without it, the
   * browser's first language of these; a tag of another language logs a warning and does the same;
   * English when none matches.
   */
  locale?: ParleyLocale;
  /**
   * Load the chat (about 18 KB gzip) when the browser is idle after the page loaded, so the first
   * open is instant. Without it (the default) a page view downloads only widget.js and the chat loads
   * when the visitor first opens it (or at once, when they have a conversation going).
   */
  prefetch?: boolean;
  /**
   * While the panel is closed (or the tab hidden) and an agent replies, the tab's title alternates
   * "(1) New message — <your title>" with your title until the visitor opens the chat; your title is
   * then put back exactly (one you set meanwhile is kept). `false` turns this off. Default true.
   */
  titleNotice?: boolean;
  /**
   * A short, soft chime (Web Audio, no file download) for the same replies, once the visitor has
   * interacted with the page; the panel's header has a mute toggle the browser remembers for your
   * site. `false` turns the sound and the toggle off. Default true.
   */
  sound?: boolean;
  /**
   * The widget's colours: 'auto' (the default) follows the visitor's system (`prefers-color-scheme`);
   * 'light' or 'dark' for a site that is always one or the other. Your colour is kept in both.
   */
  colorScheme?: 'light' | 'dark' | 'auto';
}

/**
 * `Parley('identify', identity)`: the user signed in to your site. Their conversations follow them to
 * every device and browser where you identify them. Nothing is sent until the widget needs a session.
 */
export interface ParleyIdentity {
  /** Your user's id (1–200 characters): the same user on every device. */
  id: string;
  /**
   * Proof that your server vouches for `id`: hex HMAC-SHA256 of `id` under the inbox's identity secret
   * (64 hex characters). Compute it on your server; the secret must never reach the browser.
   */
  hash: string;
  /** Shown to your agents; the site's word, not proof of anything. */
  email?: string;
  /** Shown to your agents (1–100 characters). */
  name?: string;
}

/** A value for `setAttributes`: numbers and booleans are sent as text; `null` removes the attribute. */
export type ParleyAttributeValue = string | number | boolean | null;

/**
 * `Parley('setAttributes', attributes)`: what you know about the visitor (plan, account id…), merged
 * into the attributes set so far. At most 50 names matching /^[A-Za-z0-9_.-]{1,100}$/, values at most
 * 500 characters. Agents see them and routing rules read them.
 */
export type ParleyAttributes = Record<string, ParleyAttributeValue>;

/** What the `message` event hands to its handler: a new message from an agent. */
export interface ParleyMessageEvent {
  conversationId: string;
  messageId: string;
  /** Plain text, as the agent wrote it; show it as text, never as HTML. */
  body: string;
  /** The agent's display name; null when the api gives none. */
  senderName: string | null;
  /** ISO 8601, when the api stored it. */
  createdAt: string;
}

/** The events of `Parley('on', event, handler)` and the handlers they call. */
export interface ParleyEvents {
  /** The widget has loaded its settings and shows its bubble. A handler added later is called at once. */
  ready: () => void;
  /** The chat panel opened (the visitor clicked the bubble, or Parley('open')). */
  open: () => void;
  /** The chat panel closed. */
  close: () => void;
  /** A new message from an agent arrived, whether the panel is open or not. */
  message: (message: ParleyMessageEvent) => void;
  /** The number of agent messages that arrived while the panel was closed changed (0 once it opens). */
  unread: (count: number) => void;
}

export type ParleyEventName = keyof ParleyEvents;

/** Every command `Parley(command, …)` knows. */
export type ParleyCommandName =
  | 'init'
  | 'open'
  | 'close'
  | 'toggle'
  | 'identify'
  | 'reset'
  | 'setAttributes'
  | 'on'
  | 'off';

export interface Parley {
  /** Starts the widget for an inbox. */
  (command: 'init', options: ParleyInitOptions): void;
  /** Opens, closes or toggles the chat panel (after init). */
  (command: 'open' | 'close' | 'toggle'): void;
  /**
   * Signs the visitor in as your user. Identifying another user than the current one switches to that
   * user's conversations; a hash the api refuses shows "sign in" in the panel instead of the chat.
   */
  (command: 'identify', identity: ParleyIdentity): void;
  /**
   * Your user signed out: forgets this browser's visitor token, unsent messages, identity and
   * attributes for this site key, closes the socket and the panel. The next chat is a new visitor.
   */
  (command: 'reset'): void;
  /** Merges attributes into the visitor's; they are stored with the next session call (at once if one exists). */
  (command: 'setAttributes', attributes: ParleyAttributes): void;
  /** Calls `handler` on every `event` from now on (the same handler is added once). */
  <E extends ParleyEventName>(command: 'on', event: E, handler: ParleyEvents[E]): void;
  /** Removes a handler added with `on`. */
  <E extends ParleyEventName>(command: 'off', event: E, handler: ParleyEvents[E]): void;
}

declare global {
  interface Window {
    /** The snippet defines it (queuing calls); widget.js replaces it with the real function. */
    Parley: Parley;
  }
  /** Same as `window.Parley`. */
  var Parley: Parley;
}
