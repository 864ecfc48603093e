import { LIMITS } from '../protocol/constants.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import type { ServerFrame } from '../protocol/frames.ts';

export type LoadEventRange = (conversationId: string, fromSeq: number, toSeq: number) => Promise<ConversationEvent[]>;

/**
 * Sends one socket its conversation events exactly once and in seq order. It keeps, per conversation,
 * the highest seq sent; a notice that skips ahead is filled in from the database, a repeat is dropped.
 * Work runs one step at a time, so a replay and live notices never interleave.
 */
export class EventDelivery {
  readonly #sentSeq = new Map<string, number>();
  readonly #send: (frame: ServerFrame) => void;
  readonly #loadRange: LoadEventRange;
  /** An agent sees every conversation of the workspace but holds only some: for the others, start where they are. */
  readonly #isFollowingFromFirstSight: boolean;
  #queue: Promise<void> = Promise.resolve();
  #isLive = false;

  constructor(options: {
    send: (frame: ServerFrame) => void;
    loadRange: LoadEventRange;
    followFromFirstSight: boolean;
  }) {
    this.#send = options.send;
    this.#loadRange = options.loadRange;
    this.#isFollowingFromFirstSight = options.followFromFirstSight;
  }

  /** Replays what the client missed after `lastSeq` up to `currentSeq`, or asks it to resync. */
  replay(conversationId: string, lastSeq: number, currentSeq: number): Promise<void> {
    return this.#enqueue(async () => {
      this.#sentSeq.set(conversationId, Math.min(lastSeq, currentSeq));
      await this.#catchUp(conversationId, currentSeq);
    });
  }

  /** Live notices count only after the replay; anything earlier is covered by it. */
  goLive(afterReplay: () => void): Promise<void> {
    return this.#enqueue(async () => {
      this.#isLive = true;
      afterReplay();
    });
  }

  deliver(event: ConversationEvent): void {
    if (!this.#isLive) return;
    void this.#enqueue(async () => {
      const { conversationId, seq } = event.data;
      const sent = this.#sentSeq.get(conversationId);
      if (sent === undefined && this.#isFollowingFromFirstSight) {
        this.#sentSeq.set(conversationId, seq);
        this.#send(event);
        return;
      }
      const last = sent ?? 0;
      if (seq <= last) return;
      if (seq === last + 1) {
        this.#sentSeq.set(conversationId, seq);
        this.#send(event);
        return;
      }
      await this.#catchUp(conversationId, seq);
    });
  }

  /** Resolves when everything queued so far has been sent. */
  drain(): Promise<void> {
    return this.#enqueue(async () => {});
  }

  async #catchUp(conversationId: string, toSeq: number): Promise<void> {
    const last = this.#sentSeq.get(conversationId) ?? 0;
    if (toSeq <= last) return;
    if (toSeq - last > LIMITS.resumeMaxEvents) {
      this.#sentSeq.set(conversationId, toSeq);
      this.#send({ type: 'conversation.resync_required', data: { conversationId, lastSeq: toSeq } });
      return;
    }
    for (const event of await this.#loadRange(conversationId, last + 1, toSeq)) {
      if (event.data.seq <= (this.#sentSeq.get(conversationId) ?? 0)) continue;
      this.#sentSeq.set(conversationId, event.data.seq);
      this.#send(event);
    }
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step);
    this.#queue = next.catch(() => {});
    return next;
  }
}
