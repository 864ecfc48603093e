/**
 * Which agents are online: an agent is online while at least one console socket of theirs is open, on
 * any api process. The in-process implementation serves one process; the Redis one (redis-presence.ts)
 * shares it between several.
 */
export interface Presence {
  /** Resolves true when this socket brought the agent online. */
  addSocket(workspaceId: string, userId: string): Promise<boolean>;
  /** Resolves true when this was the agent's last socket anywhere. */
  removeSocket(workspaceId: string, userId: string): Promise<boolean>;
  onlineAgentIds(workspaceId: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Console sockets per agent in this process: what a shared presence publishes for this process. */
export class LocalSocketCounts {
  readonly #counts = new Map<string, Map<string, number>>();

  /** Returns the agent's socket count in this process after adding one. */
  add(workspaceId: string, userId: string): number {
    const agents = this.#counts.get(workspaceId) ?? new Map<string, number>();
    this.#counts.set(workspaceId, agents);
    const count = (agents.get(userId) ?? 0) + 1;
    agents.set(userId, count);
    return count;
  }

  /** Returns the count after removing one, or -1 when the agent had no socket here. */
  remove(workspaceId: string, userId: string): number {
    const agents = this.#counts.get(workspaceId);
    const count = (agents?.get(userId) ?? 0) - 1;
    if (!agents || count < 0) return -1;
    if (count > 0) agents.set(userId, count);
    else agents.delete(userId);
    if (agents.size === 0) this.#counts.delete(workspaceId);
    return count;
  }

  userIds(workspaceId: string): string[] {
    return [...(this.#counts.get(workspaceId)?.keys() ?? [])];
  }

  *entries(): Iterable<{ workspaceId: string; userId: string }> {
    for (const [workspaceId, agents] of this.#counts) for (const userId of agents.keys()) yield { workspaceId, userId };
  }
}

export function createInProcessPresence(): Presence {
  const counts = new LocalSocketCounts();
  return {
    async addSocket(workspaceId, userId) {
      return counts.add(workspaceId, userId) === 1;
    },
    async removeSocket(workspaceId, userId) {
      return counts.remove(workspaceId, userId) === 0;
    },
    async onlineAgentIds(workspaceId) {
      return counts.userIds(workspaceId);
    },
    async close() {},
  };
}
