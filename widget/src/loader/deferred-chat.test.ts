import { describe, expect, it, vi } from 'vitest';
import type { ChatHandle, ChatModule } from '../chat/chat-contract.ts';
import { createDeferredChat } from './deferred-chat.ts';

const HASH = 'a'.repeat(64);

/** A chat whose every method records its call; the chunk "arrives" when the test resolves `load`. */
function setup() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push(args.length ? `${name} ${JSON.stringify(args[0])}` : name);
  const handle: ChatHandle = {
    open: record('open'),
    close: record('close'),
    toggle: record('toggle'),
    identify: record('identify'),
    setAttributes: record('setAttributes'),
    reset: record('reset'),
    openFromLauncher: record('openFromLauncher'),
  };
  let arrive: (module: ChatModule) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<ChatModule>((resolve, reject) => {
        arrive = resolve;
        fail = reject;
      }),
  );
  const mount = vi.fn(async () => handle);
  const report = vi.fn();
  const chat = createDeferredChat({ load, mount, report });
  const module: ChatModule = { mountChat: () => handle };
  return { chat, calls, load, mount, report, arrive: () => arrive(module), fail: (error: Error) => fail(error) };
}

describe('createDeferredChat', () => {
  it('keeps every call made before the chunk arrived and runs them on it in order', async () => {
    const { chat, calls, load, mount, arrive } = setup();
    void chat.run((c) => c.identify({ userId: 'u1', hash: HASH }), false);
    void chat.run((c) => c.setAttributes({ plan: 'pro' }), false);
    expect(load).not.toHaveBeenCalled();
    const opened = chat.run((c) => c.open(), true);
    void chat.run((c) => c.reset(), false);
    void chat.run((c) => c.setAttributes({ plan: 'free' }), false);
    void chat.run((c) => c.openFromLauncher(), true);
    expect(load).toHaveBeenCalledOnce();
    expect(calls).toEqual([]);

    arrive();
    await opened;
    expect(mount).toHaveBeenCalledOnce();
    expect(calls).toEqual([
      `identify {"userId":"u1","hash":"${HASH}"}`,
      'setAttributes {"plan":"pro"}',
      'open',
      'reset',
      'setAttributes {"plan":"free"}',
      'openFromLauncher',
    ]);
    void chat.run((c) => c.close(), false);
    expect(calls.at(-1)).toBe('close');
  });

  it('loads without mounting on preload, and mounts once however often it is asked', async () => {
    const { chat, load, mount, arrive } = setup();
    chat.preload();
    chat.preload();
    expect(load).toHaveBeenCalledOnce();
    arrive();
    await Promise.resolve();
    expect(mount).not.toHaveBeenCalled();
    await Promise.all([chat.mount(), chat.mount(), chat.run((c) => c.open(), true)]);
    expect(load).toHaveBeenCalledOnce();
    expect(mount).toHaveBeenCalledOnce();
  });

  it('reports a chunk that failed to load, keeps the calls, and loads again when asked again', async () => {
    const { chat, calls, load, report, arrive, fail } = setup();
    const first = chat.run((c) => c.open(), true);
    fail(new Error('offline'));
    await first;
    expect(report).toHaveBeenCalledWith(new Error('offline'));
    expect(calls).toEqual([]);

    const second = chat.run((c) => c.setAttributes({ plan: 'pro' }), true);
    expect(load).toHaveBeenCalledTimes(2);
    arrive();
    await second;
    expect(calls).toEqual(['open', 'setAttributes {"plan":"pro"}']);
  });

  it('runs calls made by an event handler during the replay at once, as they would have run', async () => {
    const { chat, calls, arrive } = setup();
    const opened = chat.run((c) => {
      c.open();
      // A host page's 'open' handler calling Parley again.
      void chat.run((again) => again.setAttributes({ from: 'handler' }), false);
    }, true);
    void chat.run((c) => c.close(), false);
    arrive();
    await opened;
    expect(calls).toEqual(['open', 'setAttributes {"from":"handler"}', 'close']);
  });
});
