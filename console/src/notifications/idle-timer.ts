export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Says "idle" after `idleMs` without activity, and "active" at the first activity after that. Time in a
 * hidden tab counts as idle time: nothing there resets the wait, and showing the tab again is activity.
 * `idleMs` 0 never says idle.
 */
export class IdleTimer {
  readonly #clock: Clock;
  readonly #onIdle: () => void;
  readonly #onActive: () => void;
  #idleMs: number;
  #timer: unknown = null;
  #isIdle = false;

  constructor(options: { idleMs: number; onIdle(): void; onActive(): void; clock?: Clock }) {
    this.#idleMs = options.idleMs;
    this.#onIdle = options.onIdle;
    this.#onActive = options.onActive;
    this.#clock = options.clock ?? realClock;
    this.#arm();
  }

  get isIdle(): boolean {
    return this.#isIdle;
  }

  setIdleMs(idleMs: number): void {
    this.#idleMs = idleMs;
    this.#arm();
  }

  /** A pointer or key event, or the tab shown again. */
  activity(): void {
    if (this.#isIdle) {
      this.#isIdle = false;
      this.#onActive();
    }
    this.#arm();
  }

  stop(): void {
    this.#disarm();
  }

  #becomeIdle(): void {
    if (this.#isIdle) return;
    this.#isIdle = true;
    this.#onIdle();
  }

  #arm(): void {
    this.#disarm();
    if (this.#idleMs <= 0 || this.#isIdle) return;
    this.#timer = this.#clock.setTimeout(() => {
      this.#timer = null;
      this.#becomeIdle();
    }, this.#idleMs);
  }

  #disarm(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer);
    this.#timer = null;
  }
}
