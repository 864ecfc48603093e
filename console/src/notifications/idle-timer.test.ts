import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { AutoAway, type ShownStatus } from './auto-away.ts';
import { IdleTimer } from './idle-timer.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function makeTimer(idleMs: number) {
  const calls: string[] = [];
  const timer = new IdleTimer({ idleMs, onIdle: () => calls.push('idle'), onActive: () => calls.push('active') });
  return { timer, calls };
}

test('idle after N minutes without activity; activity restarts the wait; active once when it comes back', () => {
  const { timer, calls } = makeTimer(5 * 60_000);
  vi.advanceTimersByTime(4 * 60_000);
  timer.activity();
  vi.advanceTimersByTime(4 * 60_000);
  expect(calls).toEqual([]);
  vi.advanceTimersByTime(60_000);
  expect(calls).toEqual(['idle']);
  vi.advanceTimersByTime(60 * 60_000);
  expect(calls).toEqual(['idle']);
  timer.activity();
  timer.activity();
  expect(calls).toEqual(['idle', 'active']);
  vi.advanceTimersByTime(5 * 60_000);
  expect(calls).toEqual(['idle', 'active', 'idle']);
  timer.stop();
});

test('0 minutes never idles; turning it on later starts the wait', () => {
  const { timer, calls } = makeTimer(0);
  vi.advanceTimersByTime(24 * 60 * 60_000);
  expect(calls).toEqual([]);
  timer.setIdleMs(60_000);
  vi.advanceTimersByTime(60_000);
  expect(calls).toEqual(['idle']);
  timer.stop();
});

function makeAutoAway(initial: ShownStatus) {
  let status = initial;
  const sets: ShownStatus[] = [];
  const autoAway = new AutoAway(
    () => status,
    async (next) => {
      sets.push(next);
      status = next;
    },
  );
  return { autoAway, sets, setByHand: (next: ShownStatus) => (status = next) };
}

test('auto-away: idle while online sets away; activity sets online again', async () => {
  const { autoAway, sets } = makeAutoAway('online');
  await autoAway.idle();
  expect(autoAway.isAutomaticAway).toBe(true);
  await autoAway.active();
  expect(sets).toEqual(['away', 'online']);
});

test('auto-away: an away the agent chose stays away after activity', async () => {
  const { autoAway, sets } = makeAutoAway('away');
  await autoAway.idle();
  await autoAway.active();
  expect(sets).toEqual([]);
});

test('auto-away: back online by hand while idle, activity changes nothing more', async () => {
  const { autoAway, sets, setByHand } = makeAutoAway('online');
  await autoAway.idle();
  setByHand('online');
  await autoAway.active();
  expect(sets).toEqual(['away']);
});

test('auto-away: a refused presence.set leaves no automatic away to undo', async () => {
  const autoAway = new AutoAway(
    () => 'online',
    async () => {
      throw new Error('offline');
    },
  );
  await autoAway.idle();
  expect(autoAway.isAutomaticAway).toBe(false);
});
