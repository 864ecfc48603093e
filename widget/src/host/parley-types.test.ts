// The published declaration (widget/parley.d.ts) against the implementation. `npx tsc -p widget` checks
// the types: every documented call must compile, and each `@ts-expect-error` line must stay an error
// (an unused one fails the typecheck). Vitest runs the same calls against the real host API, so a call
// the types allow works, and a call they forbid throws.
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type {
  Parley,
  ParleyAttributes,
  ParleyCommandName,
  ParleyEventName,
  ParleyEvents,
  ParleyIdentity,
  ParleyMessageEvent,
} from '../../parley.d.ts';
import { createHostApi, type EmitHostEvent, type WidgetHandle } from './host-api.ts';

const HASH = '0123456789abcdef'.repeat(4);

function setup() {
  const handle: WidgetHandle = {
    open: vi.fn(),
    close: vi.fn(),
    toggle: vi.fn(),
    identify: vi.fn(),
    setAttributes: vi.fn(),
    reset: vi.fn(),
  };
  let emit: EmitHostEvent | null = null;
  // The implementation is assignable to the published type.
  const parley: Parley = createHostApi({
    mount: (_options, givenEmit) => {
      emit = givenEmit;
      return handle;
    },
    warn: () => {},
    report: (error) => {
      throw error;
    },
  });
  return { parley, handle, emit: () => emit as unknown as EmitHostEvent };
}

describe('parley.d.ts', () => {
  it('types every command, and each typed call runs', () => {
    const { parley, handle } = setup();
    const identity: ParleyIdentity = { id: 'user-1', hash: HASH, email: 'ann@example.com', name: 'Ann' };
    const attributes: ParleyAttributes = { plan: 'pro', seats: 3, trial: false, coupon: null };
    parley('init', { siteKey: 'site_1', locale: 'en', prefetch: true });
    parley('open');
    parley('close');
    parley('toggle');
    parley('identify', identity);
    parley('identify', { id: 'user-2', hash: HASH });
    parley('setAttributes', attributes);
    parley('reset');
    expect(handle.identify).toHaveBeenCalledTimes(2);
    expect(handle.setAttributes).toHaveBeenCalledWith({ plan: 'pro', seats: '3', trial: 'false' });
    expect(handle.reset).toHaveBeenCalledOnce();
  });

  it('types each event handler, and on/off accept them', () => {
    const { parley, emit } = setup();
    const seen: unknown[] = [];
    const onMessage = (message: ParleyMessageEvent) => seen.push(message.body, message.senderName);
    const onUnread = (count: number) => seen.push(count);
    parley('on', 'ready', () => seen.push('ready'));
    parley('on', 'open', () => seen.push('open'));
    parley('on', 'close', () => seen.push('close'));
    parley('on', 'message', onMessage);
    parley('on', 'unread', onUnread);
    parley('on', 'message', (message) => {
      expectTypeOf(message).toEqualTypeOf<ParleyMessageEvent>();
      expectTypeOf(message.senderName).toEqualTypeOf<string | null>();
    });
    parley('on', 'unread', (count) => expectTypeOf(count).toEqualTypeOf<number>());
    parley('init', { siteKey: 'site_1' });
    emit()('ready');
    emit()('open');
    emit()('message', {
      conversationId: 'c',
      messageId: 'm',
      body: 'Hi',
      senderName: 'Alice',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    emit()('unread', 1);
    emit()('close');
    parley('off', 'message', onMessage);
    parley('off', 'unread', onUnread);
    emit()('unread', 2);
    expect(seen).toEqual(['ready', 'open', 'Hi', 'Alice', 1, 'close']);
  });

  it('lists exactly the commands and events the implementation knows', () => {
    const { parley } = setup();
    const events = { ready: 0, open: 0, close: 0, message: 0, unread: 0 } satisfies Record<ParleyEventName, 0>;
    for (const event of Object.keys(events) as ParleyEventName[]) {
      expect(() => parley('on', event, () => {})).not.toThrow();
    }
    expectTypeOf<keyof typeof events>().toEqualTypeOf<ParleyEventName>();
    expectTypeOf<ParleyEvents['unread']>().toEqualTypeOf<(count: number) => void>();
    expectTypeOf<ParleyCommandName>().toEqualTypeOf<
      'init' | 'open' | 'close' | 'toggle' | 'identify' | 'reset' | 'setAttributes' | 'on' | 'off'
    >();
    expectTypeOf<Window['Parley']>().toEqualTypeOf<Parley>();
  });

  it('rejects wrong calls at compile time, and the implementation throws for them', () => {
    const { parley } = setup();
    // @ts-expect-error init needs its options
    expect(() => parley('init')).toThrow('options object');
    parley('init', { siteKey: 'site_1' });
    // @ts-expect-error not a command
    expect(() => parley('opn')).toThrow("unknown command 'opn'");
    // @ts-expect-error identify needs { id, hash }
    expect(() => parley('identify', { id: 'user-1' })).toThrow('identify needs { id, hash }');
    // @ts-expect-error it is `id`, not `userId`
    expect(() => parley('identify', { userId: 'user-1', hash: HASH })).toThrow("does not take 'userId'");
    // @ts-expect-error attributes are text, numbers, booleans or null
    expect(() => parley('setAttributes', { plan: { tier: 1 } })).toThrow("attribute 'plan' must be text");
    // @ts-expect-error not an event
    expect(() => parley('on', 'opened', () => {})).toThrow("unknown event 'opened'");
    // @ts-expect-error the handler is missing
    expect(() => parley('on', 'message')).toThrow("'on' needs a function");
    // @ts-expect-error an unread handler gets a number, not a message
    parley('on', 'unread', (message: ParleyMessageEvent) => message.body);
  });
});
