import type { ReplyNotifier, ReplyNotifierOptions } from './reply-notifier.ts';

/**
 * The title notice and the chime are fetched with the first agent message, not with the chat: until a
 * reply has arrived there is no notice for checkSeen to end.
 */
export function createLazyReplyNotifier(options: ReplyNotifierOptions): ReplyNotifier {
  let loading: Promise<ReplyNotifier> | undefined;
  let notifier: ReplyNotifier | undefined;
  return {
    noteAgentMessage() {
      loading ??= import('./reply-notifier.ts').then((module) => {
        notifier = module.createReplyNotifier(options);
        return notifier;
      });
      loading.then((loaded) => loaded.noteAgentMessage()).catch(() => undefined);
    },
    checkSeen: () => notifier?.checkSeen(),
  };
}
