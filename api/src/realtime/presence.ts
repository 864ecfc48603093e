/**
 * Which agents are online: an agent is online while at least one console socket of theirs is open.
 * This implementation counts sockets in this process; a shared one can fill the same interface.
 */
export interface Presence {
  /** Returns true when this socket brought the agent online. */
  addSocket(workspaceId: string, userId: string): boolean;
  /** Returns true when this was the agent's last socket. */
  removeSocket(workspaceId: string, userId: string): boolean;
  onlineAgentIds(workspaceId: string): string[];
}

export function createInProcessPresence(): Presence {
  const socketCounts = new Map<string, Map<string, number>>();
  return {
    addSocket(workspaceId, userId) {
      const agents = socketCounts.get(workspaceId) ?? new Map<string, number>();
      socketCounts.set(workspaceId, agents);
      const count = (agents.get(userId) ?? 0) + 1;
      agents.set(userId, count);
      return count === 1;
    },
    removeSocket(workspaceId, userId) {
      const agents = socketCounts.get(workspaceId);
      const count = (agents?.get(userId) ?? 0) - 1;
      if (!agents || count < 0) return false;
      if (count === 0) agents.delete(userId);
      else agents.set(userId, count);
      return count === 0;
    },
    onlineAgentIds(workspaceId) {
      return [...(socketCounts.get(workspaceId)?.keys() ?? [])];
    },
  };
}
