import type { ChatHandle, ChatModule } from '../chat/chat-contract.ts';

export interface DeferredChatOptions {
  /** Fetches the chat chunk; called again after a failure, when the chat is asked for again. */
  load(): Promise<ChatModule>;
  /** Mounts the loaded chat; null when it cannot be (the inbox settings did not load). */
  mount(module: ChatModule): Promise<ChatHandle | null>;
  report(error: unknown): void;
}

export type ChatCall = (chat: ChatHandle) => void;

/**
 * The chat before and after its chunk arrived. A call made before it is mounted is kept and run on it,
 * in the order the calls were made, as soon as it is; later calls go straight to it.
 */
export function createDeferredChat(options: DeferredChatOptions) {
  let chat: ChatHandle | null = null;
  let loading: Promise<ChatModule> | null = null;
  let mounting: Promise<void> | null = null;
  const waiting: ChatCall[] = [];

  function preload(): Promise<ChatModule> {
    loading ??= options.load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }

  async function mountOnce(): Promise<void> {
    try {
      chat = await options.mount(await preload());
    } catch (error) {
      options.report(error);
    }
    mounting = null;
    // Calls that come while these run (from an event handler) go straight to the chat, as they would have.
    if (chat) for (const call of waiting.splice(0)) call(chat);
  }

  /** Mounts the chat (once); resolves when it is mounted and the waiting calls ran, or mounting failed. */
  function mount(): Promise<void> {
    if (chat) return Promise.resolve();
    mounting ??= mountOnce();
    return mounting;
  }

  return {
    /** Fetches the chunk ahead of need (idle prefetch, the pointer over the launcher); mounts nothing. */
    preload(): void {
      preload().catch(options.report);
    },
    mount,
    /**
     * Runs `call` on the chat now, or once it is mounted; `isNeeded` mounts it (open, toggle) and
     * resolves when the call ran or mounting failed.
     */
    run(call: ChatCall, isNeeded: boolean): Promise<void> {
      if (chat) {
        call(chat);
        return Promise.resolve();
      }
      waiting.push(call);
      return isNeeded ? mount() : Promise.resolve();
    },
  };
}
