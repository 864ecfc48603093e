// How clients space their reconnect attempts; part of the contract so a fleet of clients that lost
// the same server does not come back in lockstep. No imports: clients bundle it.

export const RECONNECT_BACKOFF = { initialMs: 500, maxMs: 30_000 } as const;

/**
 * Delay before reconnect attempt number `attempt` (0 for the first retry): the ceiling doubles from
 * initialMs up to maxMs, and the delay is a random point in its upper half ("equal jitter").
 */
export function computeBackoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: { initialMs: number; maxMs: number } = RECONNECT_BACKOFF,
): number {
  const exponent = Math.max(0, Math.min(attempt, 30));
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(ceiling / 2 + (unit * ceiling) / 2);
}
