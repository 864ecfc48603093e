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
  /**
   * Whether this socket hears the event's conversation event by event (agents: the ones they hold or
   * opened). Asked once per event, in order. Without it every event of the topic is delivered.
   */
  admits?: (event: ConversationEvent) => boolean;
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
  /** Steps queued and not finished: while there are none, an in-order event is sent at once. */
  #pendingSteps = 0;
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
      if (this.#pendingSteps > 0) this.#enqueueDetached(() => this.#deliverNow(event));
      else if (this.#admits(event) && !this.#trySendInOrder(event))
        this.#enqueueDetached(() => this.#catchUp(event.data.conversationId, event.data.seq));
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
    if (!this.#isLive) return;
    if (this.#pendingSteps > 0) this.#enqueueDetached(async () => this.#options.send(frame));
    else this.#options.send(frame);
  }

  /** Resolves when everything queued so far has been sent. */
  drain(): Promise<void> {
    return this.#enqueue(async () => {});
  }

  /** Runs `step` between deliveries: nothing is sent while it runs, and what arrives meanwhile waits for it. */
  inTurn<T>(step: () => Promise<T>): Promise<T> {
    let result: T;
    return this.#enqueue(async () => {
      result = await step();
    }).then(() => result);
  }

  /** Delivery of this conversation (re)starts after `seq`; call from inTurn. */
  startAfter(conversationId: string, seq: number): void {
    this.#sentSeq.set(conversationId, seq);
  }

  async #deliverNow(event: ConversationEvent): Promise<void> {
    if (!this.#admits(event) || this.#trySendInOrder(event)) return;
    await this.#catchUp(event.data.conversationId, event.data.seq);
  }

  #admits(event: ConversationEvent): boolean {
    return this.#options.admits?.(event) ?? true;
  }

  /** Sends the event if it is the next one (or a first sight), drops a repeat; false when there is a gap. */
  #trySendInOrder(event: ConversationEvent): boolean {
    const { conversationId, seq } = event.data;
    const sent = this.#sentSeq.get(conversationId);
    const isNext = sent === undefined ? this.#options.followFromFirstSight || seq === 1 : seq === sent + 1;
    if (isNext) {
      this.#sentSeq.set(conversationId, seq);
      this.#options.send(event);
      return true;
    }
    return seq <= (sent ?? 0);
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
    this.#pendingSteps++;
    const next = this.#queue.then(step).finally(() => {
      this.#pendingSteps--;
    });
    // A failed step must not stop the ones after it; Connection closes the socket when a read fails.
    this.#queue = next.catch(() => {});
    return next;
  }

  /** For steps nobody awaits: a rejection is already handled by #queue, so none goes unhandled. */
  #enqueueDetached(step: () => Promise<void>): void {
    this.#enqueue(step).catch(() => {});
  }
}
