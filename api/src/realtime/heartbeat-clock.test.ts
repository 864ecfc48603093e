import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { joinHeartbeat } from './heartbeat-clock.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('one heartbeat clock for all sockets', () => {
  test('every member beats once per interval, spread over the interval rather than all at once', () => {
    const beats = Array.from({ length: 32 }, () => 0);
    const leave = beats.map((_, index) => joinHeartbeat(1600, { beat: () => beats[index]!++ }));
    vi.advanceTimersByTime(100);
    expect(beats.filter((count) => count === 1)).toHaveLength(2);
    vi.advanceTimersByTime(1500);
    expect(beats).toEqual(beats.map(() => 1));
    vi.advanceTimersByTime(1600);
    expect(beats).toEqual(beats.map(() => 2));
    for (const stop of leave) stop();
  });

  test('a member that left beats no more, and the clock stops with its last member', () => {
    let beats = 0;
    const leave = joinHeartbeat(160, { beat: () => beats++ });
    vi.advanceTimersByTime(160);
    expect(beats).toBe(1);
    leave();
    leave();
    vi.advanceTimersByTime(1600);
    expect(beats).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
