import { expect, test } from 'vitest';
import { createCoalescer } from './coalesce.ts';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

test('a burst while one run is under way costs one more run, which every caller waits for', async () => {
  const coalescer = createCoalescer();
  let runs = 0;
  const first = gate();
  const work = async () => {
    runs += 1;
    if (runs === 1) await first.opened;
  };
  const callers = [coalescer.run('inbox-1', work)];
  for (let i = 0; i < 20; i++) callers.push(coalescer.run('inbox-1', work));
  expect(runs).toBe(1);
  first.open();
  await Promise.all(callers);
  expect(runs).toBe(2);
});

test('keys do not wait for each other; a later request after everything settled runs at once', async () => {
  const coalescer = createCoalescer();
  const seen: string[] = [];
  const blocked = gate();
  const slow = coalescer.run('a', async () => {
    seen.push('a');
    await blocked.opened;
  });
  await coalescer.run('b', async () => {
    seen.push('b');
  });
  expect(seen).toEqual(['a', 'b']);
  blocked.open();
  await slow;
  await coalescer.run('a', async () => {
    seen.push('a again');
  });
  expect(seen).toEqual(['a', 'b', 'a again']);
});

test('a failed run does not stop the follow-up, and its caller sees the error', async () => {
  const coalescer = createCoalescer();
  const failing = coalescer.run('k', async () => {
    throw new Error('boom');
  });
  const following = coalescer.run('k', async () => {});
  await expect(failing).rejects.toThrow('boom');
  await expect(following).resolves.toBeUndefined();
});
