import type { ConversationSummary } from '../protocol/entities.ts';
import type { ServerFrame } from '../protocol/frames.ts';
import { type Hub, topics } from './hub.ts';

export type LoadSummaries = (workspaceId: string, conversationIds: string[]) => Promise<ConversationSummary[]>;

export interface ChangesListener {
  /** Called with the same frame object for every listener of the workspace, so it is serialized once. */
  sendIfLive(frame: ServerFrame): void;
}

interface Workspace {
  listeners: Set<ChangesListener>;
  dirty: Set<string>;
  timer: NodeJS.Timeout | undefined;
  unsubscribe: () => void;
}

/** Summaries per frame: a burst across many conversations goes out in several frames. */
const MAX_PER_FRAME = 500;

/**
 * Batches "these conversations changed" for the agent sockets of this process: every event of a workspace
 * marks its conversation, and at most every `intervalMs` one `conversations.changed` frame with their current
 * summaries goes to all of the workspace's agent sockets. A burst of messages costs each agent socket a few
 * writes a second, however many conversations are busy.
 */
export class WorkspaceChanges {
  readonly #workspaces = new Map<string, Workspace>();
  readonly #hub: Hub;
  readonly #load: LoadSummaries;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;

  constructor(options: { hub: Hub; load: LoadSummaries; intervalMs: number; onError: (error: unknown) => void }) {
    this.#hub = options.hub;
    this.#load = options.load;
    this.#intervalMs = options.intervalMs;
    this.#onError = options.onError;
  }

  /** Returns the function that detaches the listener. */
  attach(workspaceId: string, listener: ChangesListener): () => void {
    const workspace = this.#workspaces.get(workspaceId) ?? this.#watch(workspaceId);
    workspace.listeners.add(listener);
    return () => {
      workspace.listeners.delete(listener);
      if (workspace.listeners.size > 0) return;
      workspace.unsubscribe();
      clearTimeout(workspace.timer);
      this.#workspaces.delete(workspaceId);
    };
  }

  #watch(workspaceId: string): Workspace {
    const workspace: Workspace = { listeners: new Set(), dirty: new Set(), timer: undefined, unsubscribe: () => {} };
    workspace.unsubscribe = this.#hub.subscribe(topics.workspace(workspaceId), (notice) => {
      if (!('event' in notice)) return;
      workspace.dirty.add(notice.event.data.conversationId);
      workspace.timer ??= setTimeout(() => void this.#flush(workspaceId, workspace), this.#intervalMs);
    });
    this.#workspaces.set(workspaceId, workspace);
    return workspace;
  }

  async #flush(workspaceId: string, workspace: Workspace): Promise<void> {
    const ids = [...workspace.dirty];
    workspace.dirty.clear();
    try {
      for (let start = 0; start < ids.length; start += MAX_PER_FRAME) {
        const conversations = await this.#load(workspaceId, ids.slice(start, start + MAX_PER_FRAME));
        if (conversations.length === 0) continue;
        const frame: ServerFrame = { type: 'conversations.changed', data: { conversations } };
        for (const listener of workspace.listeners) listener.sendIfLive(frame);
      }
    } catch (error) {
      // Lists fall behind until those conversations change again or the console reloads them.
      this.#onError(error);
    } finally {
      // Changes during the load wait a full interval, so a busy workspace gets a steady rhythm.
      workspace.timer = undefined;
      const isAttached = this.#workspaces.get(workspaceId) === workspace;
      if (isAttached && workspace.dirty.size > 0)
        workspace.timer = setTimeout(() => void this.#flush(workspaceId, workspace), this.#intervalMs);
    }
  }
}
