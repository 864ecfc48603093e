export type ShownStatus = 'online' | 'away';

/**
 * Auto-away's memory: going idle while online sets away and remembers that it did; activity sets online
 * again only if the away was its own. An away the agent chose stays.
 */
export class AutoAway {
  #didSetAway = false;
  readonly #getStatus: () => ShownStatus;
  readonly #setStatus: (status: ShownStatus) => Promise<void>;

  constructor(getStatus: () => ShownStatus, setStatus: (status: ShownStatus) => Promise<void>) {
    this.#getStatus = getStatus;
    this.#setStatus = setStatus;
  }

  get isAutomaticAway(): boolean {
    return this.#didSetAway;
  }

  async idle(): Promise<void> {
    if (this.#getStatus() !== 'online') return;
    this.#didSetAway = true;
    try {
      await this.#setStatus('away');
    } catch {
      this.#didSetAway = false;
    }
  }

  async active(): Promise<void> {
    if (!this.#didSetAway) return;
    this.#didSetAway = false;
    // The agent moved their status themselves meanwhile (to away, or already back online): leave it.
    if (this.#getStatus() !== 'away') return;
    await this.#setStatus('online').catch(() => undefined);
  }
}
