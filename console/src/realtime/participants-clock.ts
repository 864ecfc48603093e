/**
 * Participants have no seq, so a REST read cannot say by itself whether its participants are older than
 * the `conversation.participants_changed` the socket brought. This says it: a read's participants of a
 * conversation are the newest known unless a change for that conversation was heard after the read began.
 */
export class ParticipantsClock {
  #tick = 0;
  readonly #heard = new Map<string, { at: number; ids: readonly string[] }>();

  /** A participants_changed (or a join's or leave's answer) for this conversation is being applied. */
  hear(conversationId: string, ids: readonly string[]): void {
    this.#tick += 1;
    this.#heard.set(conversationId, { at: this.#tick, ids });
  }

  /**
   * Call as a read starts. The function gives, per conversation, the participants heard since then (they
   * win over what the read says), or null when none were: the read's are the newest known.
   */
  startRead(): (conversationId: string) => readonly string[] | null {
    const startedAt = this.#tick;
    return (conversationId) => {
      const heard = this.#heard.get(conversationId);
      return heard && heard.at > startedAt ? heard.ids : null;
    };
  }
}
