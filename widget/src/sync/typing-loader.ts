import type { TypingHost, TypingTracker } from './typing-tracker.ts';

/** Typing and read receipts are an on-demand chunk: loaded once a socket is live, never on pages nobody chats on. */
export const loadTypingTracker = (host: TypingHost): Promise<TypingTracker> =>
  import('./typing-tracker.ts').then((module) => new module.TypingTracker(host));
