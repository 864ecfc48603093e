import { LIMITS } from '../protocol/constants.ts';
import type { ConversationEvent } from '../protocol/events.ts';
import type { ServerFrame } from '../protocol/frames.ts';

export type LoadEventRange = (conversationId: string, fromSeq: number, toSeq: number) => Promise<ConversationEvent[]>;

export interface EventDeliveryOptions {
  send: (frame: ServerFrame) => void;
  loadRange: LoadEventRange;
  /** An agent sees every conversation of the workspace but holds only some: for the others, start where they are. */
  followFromFirstSight: boolean;
  /** Too much happened before the client said hello; it should reconnect and resume. */
  onEarlyOverflow: () => void;
}

/**
 * Sends one socket its conversation events exactly once and in seq order. It keeps, per conversation,
 * the highest seq sent; a notice that skips ahead is filled in from the database, a repeat is dropped.
 * Work runs one step at a time, so a replay and live notices never interleave.
 */
export class EventDelivery {
  readonly #sentSeq = new Map<string, number>();
  readonly #options: EventDeliveryOptions;
  #queue: Promise<void> = Promise.resolve();
  #isLive = false;
  /** Notices that came before the replay finished; they go through the same checks once it has. */
  #early: ConversationEvent[] = [];

  constructor(options: EventDeliveryOptions) {
    this.#options = options;
  }

  /** Replays what the client missed after `lastSeq` up to `currentSeq`, or asks it to resync. */
  replay(conversationId: string, lastSeq: number, currentSeq: number): Promise<void> {
    return this.#enqueue(async () => {
      this.#sentSeq.set(conversationId, Math.min(lastSeq, currentSeq));
      await this.#catchUp(conversationId, currentSeq);
    });
  }

  /** After the replay: sends what arrived meanwhile (each at most once, in order), then everything as it comes. */
  goLive(afterReplay: () => void): Promise<void> {
    return this.#enqueue(async () => {
      const early = this.#early;
      this.#early = [];
      this.#isLive = true;
      for (const event of early) await this.#deliverNow(event);
      afterReplay();
    });
  }

  deliver(event: ConversationEvent): void {
    if (this.#isLive) {
      this.#enqueueDetached(() => this.#deliverNow(event));
      return;
    }
    this.#early.push(event);
    if (this.#early.length > LIMITS.resumeMaxEvents) {
      this.#early = [];
      this.#options.onEarlyOverflow();
    }
  }

  /** A frame without seq (the latest state of something): sent in turn once live, dropped before. */
  sendIfLive(frame: ServerFrame): void {
    if (this.#isLive) this.#enqueueDetached(async () => this.#options.send(frame));
  }

  /** Resolves when everything queued so far has been sent. */
  drain(): Promise<void> {
    return this.#enqueue(async () => {});
  }

  async #deliverNow(event: ConversationEvent): Promise<void> {
    const { conversationId, seq } = event.data;
    const sent = this.#sentSeq.get(conversationId);
    if (sent === undefined && this.#options.followFromFirstSight) {
      this.#sentSeq.set(conversationId, seq);
      this.#options.send(event);
      return;
    }
    const last = sent ?? 0;
    if (seq <= last) return;
    if (seq === last + 1) {
      this.#sentSeq.set(conversationId, seq);
      this.#options.send(event);
      return;
    }
    await this.#catchUp(conversationId, seq);
  }

  async #catchUp(conversationId: string, toSeq: number): Promise<void> {
    const last = this.#sentSeq.get(conversationId) ?? 0;
    if (toSeq <= last) return;
    if (toSeq - last > LIMITS.resumeMaxEvents) {
      this.#sentSeq.set(conversationId, toSeq);
      this.#options.send({ type: 'conversation.resync_required', data: { conversationId, lastSeq: toSeq } });
      return;
    }
    for (const event of await this.#options.loadRange(conversationId, last + 1, toSeq)) {
      if (event.data.seq <= (this.#sentSeq.get(conversationId) ?? 0)) continue;
      this.#sentSeq.set(conversationId, event.data.seq);
      this.#options.send(event);
    }
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step);
    // A failed step must not stop the ones after it; Connection closes the socket when a read fails.
    this.#queue = next.catch(() => {});
    return next;
  }

  /** For steps nobody awaits: a rejection is already handled by #queue, so none goes unhandled. */
  #enqueueDetached(step: () => Promise<void>): void {
    this.#enqueue(step).catch(() => {});
  }
}
