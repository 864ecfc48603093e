/** Allows `ratePerSecond` on average with bursts up to `burst`. */
export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return function tryTake(): boolean {
    const current = now();
    tokens = Math.min(burst, tokens + ((current - last) / 1000) * ratePerSecond);
    last = current;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
