import { describe, expect, it, vi } from 'vitest';
import { createHostApi, replayQueue } from './host-api.ts';

function setup() {
  const handle = { open: vi.fn(), close: vi.fn(), toggle: vi.fn() };
  const mount = vi.fn(() => handle);
  const warn = vi.fn();
  return { parley: createHostApi({ mount, warn }), mount, warn, handle };
}

describe('host API', () => {
  it('mounts on init and drives the widget', () => {
    const { parley, mount, handle } = setup();
    parley('init', { siteKey: 'site_abc', locale: 'en-us' });
    expect(mount).toHaveBeenCalledWith({ siteKey: 'site_abc', locale: 'en-US' });
    parley('open');
    parley('toggle');
    parley('close');
    expect(handle.open).toHaveBeenCalledOnce();
    expect(handle.toggle).toHaveBeenCalledOnce();
    expect(handle.close).toHaveBeenCalledOnce();
  });

  it('ignores a second init with a warning', () => {
    const { parley, mount, warn } = setup();
    parley('init', { siteKey: 'a' });
    parley('init', { siteKey: 'b' });
    expect(mount).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('throws readable errors for mistakes', () => {
    const { parley } = setup();
    expect(() => parley('opn')).toThrow("Parley: unknown command 'opn'");
    expect(() => parley('toString')).toThrow("Parley: unknown command 'toString'");
    expect(() => parley(42)).toThrow('first argument must be a command name');
    expect(() => parley('open')).toThrow("before 'open'");
    expect(() => parley('init')).toThrow('options object');
    expect(() => parley('init', { siteKey: '' })).toThrow('siteKey');
    expect(() => parley('init', { siteKey: 'a', locale: 'not a tag!' })).toThrow('not a valid language tag');
  });

  it('replays the queued calls in order and keeps going after a bad one', () => {
    const { parley, handle } = setup();
    const errors: unknown[] = [];
    const queue: unknown[][] = [['init', { siteKey: 'a' }], ['nope'], ['open']];
    replayQueue(parley, queue, (error) => errors.push(error));
    expect(handle.open).toHaveBeenCalledOnce();
    expect(errors).toHaveLength(1);
  });
});
