import type { ConversationEvent } from '../protocol/events.ts';

/** Conversations opened in the console beyond this are followed no more, oldest first. */
const MAX_OPENED = 500;

/**
 * Which conversations one agent socket hears event by event: those assigned to the agent and those the
 * console opened (hello's resume, `conversation.follow`). Everything else of the workspace reaches it as
 * batched summaries (`WorkspaceChanges`), so a message costs a write to its visitor and the few agents
 * involved, not one to every agent of the workspace.
 */
export class AgentFollows {
  readonly #userId: string;
  /** The socket starts hearing this conversation (again). */
  readonly #onRefollow: (conversationId: string) => void;
  readonly #assigned = new Set<string>();
  /** In the order they were opened. */
  readonly #opened = new Set<string>();

  constructor(userId: string, onRefollow: (conversationId: string) => void) {
    this.#userId = userId;
    this.#onRefollow = onRefollow;
  }

  /** The open conversations assigned to the agent when the socket said hello. */
  setAssigned(conversationIds: Iterable<string>): void {
    for (const id of conversationIds) this.#assigned.add(id);
  }

  open(conversationId: string): void {
    this.#opened.delete(conversationId);
    this.#opened.add(conversationId);
    if (this.#opened.size <= MAX_OPENED) return;
    const oldest = this.#opened.values().next().value;
    if (oldest !== undefined) this.#opened.delete(oldest);
  }

  isFollowed(conversationId: string): boolean {
    return this.#assigned.has(conversationId) || this.#opened.has(conversationId);
  }

  /**
   * Tracks assignments as they happen and says whether to deliver the event. An assignment to someone
   * else is still delivered (the agent sees it leave), then the conversation is followed no more.
   */
  admits(event: ConversationEvent): boolean {
    const id = event.data.conversationId;
    const wasFollowed = this.isFollowed(id);
    if (event.type === 'conversation.assigned' && event.data.assignee.id === this.#userId) {
      this.#assigned.add(id);
      if (!wasFollowed) this.#onRefollow(id);
      return true;
    }
    if (event.type === 'conversation.assigned' || event.type === 'conversation.unassigned') this.#assigned.delete(id);
    return wasFollowed;
  }
}
