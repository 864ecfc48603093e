import { describe, expect, it, vi } from 'vitest';
import { createHostApi, type EmitHostEvent, replayQueue } from './host-api.ts';

const HASH = 'a'.repeat(64);

function setup() {
  const handle = {
    open: vi.fn(),
    close: vi.fn(),
    toggle: vi.fn(),
    identify: vi.fn(),
    setAttributes: vi.fn(),
    reset: vi.fn(),
  };
  let emit: EmitHostEvent = () => {
    throw new Error('not mounted');
  };
  const mount = vi.fn((_options: unknown, givenEmit: EmitHostEvent) => {
    emit = givenEmit;
    return handle;
  });
  const warn = vi.fn();
  const report = vi.fn();
  const parley = createHostApi({ mount, warn, report });
  return { parley, mount, warn, report, handle, emit: ((...args) => emit(...args)) as EmitHostEvent };
}

describe('host API', () => {
  it('mounts on init and drives the widget', () => {
    const { parley, mount, handle } = setup();
    parley('init', { siteKey: 'site_abc', locale: 'en-us' });
    expect(mount).toHaveBeenCalledWith({ siteKey: 'site_abc', locale: 'en-US' }, expect.any(Function));
    parley('open');
    parley('toggle');
    parley('close');
    expect(handle.open).toHaveBeenCalledOnce();
    expect(handle.toggle).toHaveBeenCalledOnce();
    expect(handle.close).toHaveBeenCalledOnce();
  });

  it('passes prefetch on when it is true', () => {
    const { parley, mount } = setup();
    parley('init', { siteKey: 'site_abc', prefetch: true });
    expect(mount).toHaveBeenCalledWith({ siteKey: 'site_abc', prefetch: true }, expect.any(Function));
    const other = setup();
    other.parley('init', { siteKey: 'site_abc', prefetch: false });
    expect(other.mount).toHaveBeenCalledWith({ siteKey: 'site_abc' }, expect.any(Function));
  });

  it('ignores a second init with a warning', () => {
    const { parley, mount, warn } = setup();
    parley('init', { siteKey: 'a' });
    parley('init', { siteKey: 'b' });
    expect(mount).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toContain('ignored');
  });

  it('throws readable errors for mistakes', () => {
    const { parley } = setup();
    expect(() => parley('opn')).toThrow("Parley: unknown command 'opn'");
    expect(() => parley('toString')).toThrow("Parley: unknown command 'toString'");
    expect(() => parley('__proto__')).toThrow("Parley: unknown command '__proto__'");
    expect(() => parley(42)).toThrow('first argument must be a command name');
    expect(() => parley('open')).toThrow("before 'open'");
    expect(() => parley('init')).toThrow('options object');
    expect(() => parley('init', { siteKey: '' })).toThrow('siteKey');
    expect(() => parley('init', { siteKey: 'a', locale: 'not a tag!' })).toThrow('not a valid language tag');
    expect(() => parley('init', { siteKey: 'a', prefetch: 'yes' })).toThrow("'prefetch' option must be true or false");
  });

  it('replays the queued calls in order and keeps going after a bad one', () => {
    const { parley, handle } = setup();
    const errors: unknown[] = [];
    const calls: string[] = [];
    handle.identify.mockImplementation(() => calls.push('identify'));
    handle.setAttributes.mockImplementation(() => calls.push('setAttributes'));
    handle.open.mockImplementation(() => calls.push('open'));
    const onReady = vi.fn();
    const queue: unknown[][] = [
      ['on', 'ready', onReady],
      ['init', { siteKey: 'a' }],
      ['nope'],
      ['identify', { id: 'u1' }],
      ['identify', { id: 'u1', hash: HASH }],
      ['setAttributes', { plan: 'pro' }],
      ['open'],
    ];
    replayQueue(parley, queue, (error) => errors.push(error));
    expect(calls).toEqual(['identify', 'setAttributes', 'open']);
    expect(errors.map((error) => (error as Error).message)).toEqual([
      "Parley: unknown command 'nope'",
      expect.stringContaining('Parley: identify needs { id, hash }'),
    ]);
  });
});

describe('identify, setAttributes and reset', () => {
  it('hands identify to the widget in the api shape, lowercasing the hash', () => {
    const { parley, handle } = setup();
    parley('init', { siteKey: 'a' });
    parley('identify', { id: 'user-1', hash: HASH.toUpperCase(), email: 'ann@example.com', name: 'Ann' });
    expect(handle.identify).toHaveBeenCalledWith({
      userId: 'user-1',
      hash: HASH,
      email: 'ann@example.com',
      name: 'Ann',
    });
    parley('identify', { id: 'user-2', hash: HASH, email: '', name: null });
    expect(handle.identify).toHaveBeenLastCalledWith({ userId: 'user-2', hash: HASH });
  });

  it('refuses a wrong identify with a readable message that never repeats the hash', () => {
    const { parley, handle } = setup();
    parley('init', { siteKey: 'a' });
    const secretish = 'f'.repeat(63);
    for (const [identity, message] of [
      [undefined, 'Parley: identify needs { id, hash }'],
      ['user-1', 'Parley: identify needs { id, hash }'],
      [{ id: 'user-1' }, 'Parley: identify needs { id, hash }'],
      [{ hash: HASH }, 'Parley: identify needs { id, hash }'],
      [{ id: 42, hash: HASH }, 'Parley: identify needs { id, hash }'],
      [{ id: '', hash: HASH }, 'Parley: identify needs { id, hash }'],
      [{ userId: 'user-1', hash: HASH }, "identify does not take 'userId'"],
      [{ id: 'x'.repeat(201), hash: HASH }, 'at most 200 characters'],
      [{ id: 'user-1', hash: secretish }, "'hash' must be 64 hex characters"],
      [{ id: 'user-1', hash: `${'g'.repeat(64)}` }, "'hash' must be 64 hex characters"],
      [{ id: 'user-1', hash: HASH, email: 'ann@' }, "'email' must be an email address"],
      [{ id: 'user-1', hash: HASH, name: 'n'.repeat(101) }, "'name' must be text of at most 100 characters"],
    ] as const) {
      let thrown: unknown;
      try {
        parley('identify', identity);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(identity)).toBeInstanceOf(Error);
      expect((thrown as Error).message).toContain(message);
      expect((thrown as Error).message).not.toContain(secretish);
    }
    expect(handle.identify).not.toHaveBeenCalled();
  });

  it('merges attributes, removes them with null, and validates them like the api', () => {
    const { parley, handle } = setup();
    parley('init', { siteKey: 'a' });
    parley('setAttributes', { plan: 'pro', 'account.id': 42, trial: false });
    expect(handle.setAttributes).toHaveBeenLastCalledWith({ plan: 'pro', 'account.id': '42', trial: 'false' });
    parley('setAttributes', { plan: 'enterprise', trial: null });
    expect(handle.setAttributes).toHaveBeenLastCalledWith({ plan: 'enterprise', 'account.id': '42' });

    expect(() => parley('setAttributes')).toThrow('setAttributes needs an object');
    expect(() => parley('setAttributes', ['a'])).toThrow('setAttributes needs an object');
    expect(() => parley('setAttributes', { 'bad key!': 'x' })).toThrow("attribute name 'bad key!'");
    expect(() => parley('setAttributes', { ['k'.repeat(101)]: 'x' })).toThrow('1–100 characters');
    expect(() => parley('setAttributes', JSON.parse('{"__proto__": "x"}'))).toThrow("attribute name '__proto__'");
    expect(() => parley('setAttributes', { plan: { tier: 1 } })).toThrow("attribute 'plan' must be text");
    expect(() => parley('setAttributes', { plan: 'x'.repeat(501) })).toThrow('longer than 500 characters');
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    expect(() => parley('setAttributes', many)).toThrow('at most 50 attributes');
    // A refused call changes nothing.
    expect(handle.setAttributes).toHaveBeenCalledTimes(2);
    parley('setAttributes', { ...many, plan: null, 'account.id': null });
    expect(Object.keys(handle.setAttributes.mock.lastCall?.[0] ?? {})).toHaveLength(49);
  });

  it('keeps identify, setAttributes and reset made before init, in order, and hands them over on init', () => {
    const first = setup();
    first.parley('identify', { id: 'user-1', hash: HASH });
    first.parley('reset');
    first.parley('setAttributes', { plan: 'pro' });
    first.parley('identify', { id: 'user-2', hash: HASH });
    first.parley('init', { siteKey: 'a' });
    expect(first.handle.reset).toHaveBeenCalledOnce();
    expect(first.handle.identify).toHaveBeenCalledExactlyOnceWith({ userId: 'user-2', hash: HASH });
    expect(first.handle.setAttributes).toHaveBeenCalledExactlyOnceWith({ plan: 'pro' });
    expect(first.handle.reset.mock.invocationCallOrder[0]).toBeLessThan(
      first.handle.identify.mock.invocationCallOrder[0] ?? 0,
    );

    const second = setup();
    second.parley('setAttributes', { plan: 'pro' });
    second.parley('identify', { id: 'user-1', hash: HASH });
    second.parley('reset');
    second.parley('init', { siteKey: 'a' });
    expect(second.handle.identify).not.toHaveBeenCalled();
    expect(second.handle.setAttributes).not.toHaveBeenCalled();
  });

  it('forgets the attributes on reset', () => {
    const { parley, handle } = setup();
    parley('init', { siteKey: 'a' });
    parley('setAttributes', { plan: 'pro' });
    parley('reset');
    expect(handle.reset).toHaveBeenCalledOnce();
    parley('setAttributes', { page: 'pricing' });
    expect(handle.setAttributes).toHaveBeenLastCalledWith({ page: 'pricing' });
  });
});

describe('events', () => {
  it('calls handlers added with on, once each, until off', () => {
    const { parley, emit } = setup();
    const onMessage = vi.fn();
    const onUnread = vi.fn();
    parley('on', 'message', onMessage);
    parley('on', 'message', onMessage);
    parley('on', 'unread', onUnread);
    parley('init', { siteKey: 'a' });
    const message = {
      conversationId: 'c1',
      messageId: 'm1',
      body: 'Hello',
      senderName: 'Alice',
      createdAt: '2026-01-01T10:00:00.000Z',
    };
    emit('message', message);
    emit('unread', 2);
    expect(onMessage).toHaveBeenCalledExactlyOnceWith(message);
    expect(onUnread).toHaveBeenCalledExactlyOnceWith(2);
    parley('off', 'message', onMessage);
    parley('off', 'message', onMessage);
    emit('message', message);
    expect(onMessage).toHaveBeenCalledOnce();
    emit('open');
    emit('close');
  });

  it('calls a ready handler added after ready at once', () => {
    const { parley, emit } = setup();
    const early = vi.fn();
    parley('on', 'ready', early);
    parley('init', { siteKey: 'a' });
    expect(early).not.toHaveBeenCalled();
    emit('ready');
    expect(early).toHaveBeenCalledOnce();
    const late = vi.fn();
    parley('on', 'ready', late);
    expect(late).toHaveBeenCalledOnce();
    const opened = vi.fn();
    parley('on', 'open', opened);
    expect(opened).not.toHaveBeenCalled();
  });

  it('reports a handler that throws and still calls the others', () => {
    const { parley, emit, report } = setup();
    const failure = new Error('host bug');
    const after = vi.fn();
    parley('on', 'open', () => {
      throw failure;
    });
    parley('on', 'open', after);
    parley('init', { siteKey: 'a' });
    emit('open');
    expect(report).toHaveBeenCalledWith(failure);
    expect(after).toHaveBeenCalledOnce();
  });

  it('throws readable errors for a bad event name or handler', () => {
    const { parley } = setup();
    expect(() => parley('on', 'opened', () => {})).toThrow(
      "Parley: unknown event 'opened' for 'on'; events are ready, open, close, message, unread",
    );
    expect(() => parley('off', 'toString', () => {})).toThrow("unknown event 'toString'");
    expect(() => parley('on')).toThrow("unknown event 'undefined'");
    expect(() => parley('on', 'message')).toThrow("'on' needs a function");
    expect(() => parley('off', 'message', 'handler')).toThrow("'off' needs a function");
  });
});
