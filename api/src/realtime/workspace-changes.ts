import type { ConversationAppended, ConversationSummary } from '../protocol/entities.ts';
import type { ServerFrame } from '../protocol/frames.ts';
import { type Hub, topics } from './hub.ts';
import { type PendingChange, RecentSummaries, recordEvent, recordSummaryNeeded } from './pending-change.ts';

export type LoadSummaries = (workspaceId: string, conversationIds: string[]) => Promise<ConversationSummary[]>;

export interface ChangesListener {
  /** Called with the same frame object for every listener of the workspace, so it is serialized once. */
  sendIfLive(frame: ServerFrame): void;
}

interface Workspace {
  listeners: Set<ChangesListener>;
  pending: Map<string, PendingChange>;
  recent: RecentSummaries;
  timer: NodeJS.Timeout | undefined;
  unsubscribe: () => void;
}

/** Summaries (or appended entries) per frame: a burst across many conversations goes out in several frames. */
const MAX_PER_FRAME = 500;

/**
 * Batches "these conversations changed" for the agent sockets of this process: every event of a workspace
 * marks its conversation, and at most every `intervalMs` `conversations.changed` goes to all of the workspace's
 * agent sockets. A burst of messages costs each agent socket a few writes a second, however many conversations
 * are busy. Where only messages happened, and the whole summary went out within the last one or two
 * `summaryWindowMs`, the frame carries what the messages changed (half the bytes, and no query); otherwise
 * the current summary, read from the database.
 */
export class WorkspaceChanges {
  readonly #workspaces = new Map<string, Workspace>();
  readonly #hub: Hub;
  readonly #load: LoadSummaries;
  readonly #intervalMs: number;
  readonly #summaryWindowMs: number;
  readonly #onError: (error: unknown) => void;

  constructor(options: {
    hub: Hub;
    load: LoadSummaries;
    intervalMs: number;
    summaryWindowMs?: number;
    onError: (error: unknown) => void;
  }) {
    this.#hub = options.hub;
    this.#load = options.load;
    this.#intervalMs = options.intervalMs;
    this.#summaryWindowMs = options.summaryWindowMs ?? 10_000;
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
    const workspace: Workspace = {
      listeners: new Set(),
      pending: new Map(),
      recent: new RecentSummaries(this.#summaryWindowMs, Date.now()),
      timer: undefined,
      unsubscribe: () => {},
    };
    workspace.unsubscribe = this.#hub.subscribe(topics.workspace(workspaceId), (notice) => {
      if ('event' in notice) {
        const id = notice.event.data.conversationId;
        workspace.pending.set(id, recordEvent(workspace.pending.get(id), notice.event));
      } else if (notice.frame.type === 'conversation.participants_changed') {
        const id = notice.frame.data.conversationId;
        workspace.pending.set(id, recordSummaryNeeded(workspace.pending.get(id)));
      } else {
        return;
      }
      workspace.timer ??= setTimeout(() => void this.#flush(workspaceId, workspace), this.#intervalMs);
    });
    this.#workspaces.set(workspaceId, workspace);
    return workspace;
  }

  async #flush(workspaceId: string, workspace: Workspace): Promise<void> {
    const pending = workspace.pending;
    workspace.pending = new Map();
    const now = Date.now();
    const summaryIds: string[] = [];
    const appended: ConversationAppended[] = [];
    for (const [id, change] of pending) {
      if (change.needsSummary || !change.appended || !workspace.recent.has(id, now)) summaryIds.push(id);
      else appended.push(change.appended);
    }
    try {
      for (let start = 0; start < appended.length; start += MAX_PER_FRAME) {
        this.#send(workspace, { conversations: [], appended: appended.slice(start, start + MAX_PER_FRAME) });
      }
      for (let start = 0; start < summaryIds.length; start += MAX_PER_FRAME) {
        const conversations = await this.#load(workspaceId, summaryIds.slice(start, start + MAX_PER_FRAME));
        for (const summary of conversations) workspace.recent.add(summary.id, Date.now());
        if (conversations.length > 0) this.#send(workspace, { conversations });
      }
    } catch (error) {
      // Lists fall behind until those conversations change again or the console reloads them.
      this.#onError(error);
    } finally {
      // Changes during the load wait a full interval, so a busy workspace gets a steady rhythm.
      workspace.timer = undefined;
      const isAttached = this.#workspaces.get(workspaceId) === workspace;
      if (isAttached && workspace.pending.size > 0)
        workspace.timer = setTimeout(() => void this.#flush(workspaceId, workspace), this.#intervalMs);
    }
  }

  #send(workspace: Workspace, data: Extract<ServerFrame, { type: 'conversations.changed' }>['data']): void {
    const frame: ServerFrame = { type: 'conversations.changed', data };
    for (const listener of workspace.listeners) listener.sendIfLive(frame);
  }
}
