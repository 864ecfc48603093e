/** The hub topic of one member's agent sockets: what is meant for them only (their mentions). */
export const memberTopic = (workspaceId: string, userId: string) => `member:${workspaceId}:${userId}`;
