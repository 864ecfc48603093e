// The host page's identify / setAttributes / reset and its events, as the controller handles them.
import type { VisitorIdentity, WidgetSession } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-request.ts';
import { ChatController } from './chat-controller.ts';
import {
  CONFIG,
  fakeApi as fakeApiWith,
  goLive,
  OUTBOX_KEY,
  SITE,
  settle,
  setupController,
  TOKEN_KEY,
} from './controller-test-kit.ts';
import { FakeSocket } from './fake-socket.ts';
import { createMemoryStorage, type KeyValueStorage } from './storage.ts';
import { CONVERSATION_ID, makeCreated, makeMessageCreated, makeSummary } from './test-fixtures.ts';

const USER_KEY = 'parley:site_1:user';
const ANN: VisitorIdentity = { userId: 'user-ann', hash: 'a'.repeat(64), email: 'ann@example.com', name: 'Ann' };
const BOB: VisitorIdentity = { userId: 'user-bob', hash: 'b'.repeat(64) };
const ANN_VISITOR = '66666666-6666-4666-8666-666666666666';
const BOB_VISITOR = '77777777-7777-4777-8777-777777777777';

function makeSession(overrides: Partial<WidgetSession> = {}): WidgetSession {
  return { visitorId: ANN_VISITOR, token: 'tok-ann', isVerified: true, conversation: null, events: [], ...overrides };
}

const fakeApi = () => fakeApiWith(() => makeSession());
const setup = (api = fakeApi(), storage: KeyValueStorage = createMemoryStorage()) => setupController(api, storage);

function bodies(controller: ChatController): string[] {
  return controller
    .getSnapshot()
    .timeline.flatMap((item) => (item.kind === 'message' ? [item.body] : []))
    .filter(Boolean);
}

describe('ChatController.identify', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends nothing on a page view; the first session call (when the panel opens) carries the identity', async () => {
    const { controller, api, storage } = setup();
    controller.identify(ANN);
    await controller.start();
    controller.setAttributes({ plan: 'pro' });
    await settle();
    expect(api.createSession).not.toHaveBeenCalled();
    expect(FakeSocket.all).toHaveLength(0);

    controller.open();
    await settle();
    expect(api.createSession).toHaveBeenCalledExactlyOnceWith(SITE, null, {
      identity: ANN,
      attributes: { plan: 'pro' },
    });
    expect(storage.getItem(USER_KEY)).toBe('user-ann');
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-ann');
    // The same identity again (an SPA calls identify on every route) asks nothing.
    controller.identify({ ...ANN });
    await settle();
    expect(api.createSession).toHaveBeenCalledOnce();
  });

  it('re-sends the session call once for identify and setAttributes made together while a session exists', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-anon');
    const api = fakeApi();
    api.createSession.mockResolvedValue(makeSession({ token: 'tok-anon', isVerified: false }));
    const { controller } = setup(api, storage);
    await controller.start();
    expect(api.createSession).toHaveBeenCalledExactlyOnceWith(SITE, 'tok-anon', {});

    // The anonymous visitor signs in: the api keeps their visitor (and token).
    api.createSession.mockResolvedValue(makeSession({ token: 'tok-anon' }));
    controller.identify(ANN);
    controller.setAttributes({ plan: 'pro' });
    controller.setAttributes({ plan: 'enterprise' });
    await settle();
    expect(api.createSession).toHaveBeenCalledTimes(2);
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, 'tok-anon', {
      identity: ANN,
      attributes: { plan: 'enterprise' },
    });
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-anon');
    controller.setAttributes({ plan: 'enterprise' });
    await settle();
    expect(api.createSession).toHaveBeenCalledTimes(2);
  });

  it('calls again after a session call that was under way when identify came', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-anon');
    let answer: (session: WidgetSession) => void = () => {};
    const api = fakeApi();
    api.createSession.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { controller } = setup(api, storage);
    const starting = controller.start();
    await settle();
    expect(api.createSession).toHaveBeenCalledOnce();
    controller.identify(ANN);
    await settle();
    expect(api.createSession).toHaveBeenCalledOnce();
    answer(makeSession({ token: 'tok-anon', isVerified: false }));
    await starting;
    await settle();
    expect(api.createSession).toHaveBeenCalledTimes(2);
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, 'tok-anon', { identity: ANN });
  });

  it('switches to another user: their visitor and token, a new socket, nothing of the last user left', async () => {
    const { controller, api, storage, events } = setup();
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    const annSocket = await goLive();
    annSocket.receive(makeCreated());
    annSocket.receive(makeMessageCreated(2, { body: 'Ann wrote this' }));
    controller.close();
    annSocket.receive(makeMessageCreated(3, { from: 'agent', body: 'for Ann' }));
    expect(controller.getSnapshot().unreadCount).toBe(1);
    annSocket.serverClose(1012); // offline for a moment: Ann's next message waits in the outbox
    controller.send('unsent by Ann');
    expect(storage.getItem(OUTBOX_KEY)).toContain('unsent by Ann');

    api.createSession.mockResolvedValue(makeSession({ visitorId: BOB_VISITOR, token: 'tok-bob' }));
    controller.identify(BOB);
    await settle();
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, 'tok-ann', { identity: BOB });
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-bob');
    expect(storage.getItem(USER_KEY)).toBe('user-bob');
    expect(storage.getItem(OUTBOX_KEY)).toBeNull();
    expect(bodies(controller)).toEqual([]);
    expect(controller.getSnapshot().unreadCount).toBe(0);
    expect(events.at(-1)).toEqual(['unread', 0]);

    await vi.advanceTimersByTimeAsync(1000);
    const bobSocket = FakeSocket.latest();
    expect(bobSocket).not.toBe(annSocket);
    expect(bobSocket.protocols[1]).toBe('parley.token.tok-bob');
    await goLive(bobSocket);
    expect(bobSocket.sentOfType('message.send')).toEqual([]);
  });

  it('reconnects a live socket with the new token when the user changes', async () => {
    const { controller, api } = setup();
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    const annSocket = await goLive();
    api.createSession.mockResolvedValue(makeSession({ visitorId: BOB_VISITOR, token: 'tok-bob' }));
    controller.identify(BOB);
    await settle();
    expect(annSocket.closedWith).toBe(1000);
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-bob');
  });

  it("closes the last user's socket before switching, and never falls back to their token when the call fails", async () => {
    const { controller, api } = setup();
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    const annSocket = await goLive();
    annSocket.receive(makeCreated());
    annSocket.receive(makeMessageCreated(2, { body: 'Ann wrote this' }));
    let answer: (session: WidgetSession) => void = () => {};
    api.createSession.mockRejectedValueOnce(new ApiError(0, 'network/unreachable', 'offline'));
    api.createSession.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    controller.identify(BOB);
    await settle();
    // Ann's socket is gone and her messages left the screen while the first call failed.
    expect(annSocket.closedWith).toBe(1000);
    expect(bodies(controller)).toEqual([]);
    // The socket makes its own session call for Bob rather than reconnecting with Ann's token.
    expect(api.createSession).toHaveBeenCalledTimes(3);
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, 'tok-ann', { identity: BOB });
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeSocket.all.filter((socket) => socket !== annSocket)).toEqual([]);
    answer(makeSession({ visitorId: BOB_VISITOR, token: 'tok-bob' }));
    await settle();
    expect(FakeSocket.all.filter((socket) => socket !== annSocket).map((socket) => socket.protocols[1])).toEqual([
      'parley.token.tok-bob',
    ]);
  });

  it('drops a conversation reload that answers after another user signed in', async () => {
    const { controller, api } = setup();
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    const annSocket = await goLive();
    let reloaded: (detail: Awaited<ReturnType<typeof api.getConversation>>) => void = () => {};
    api.getConversation.mockImplementationOnce(() => new Promise((resolve) => (reloaded = resolve)));
    annSocket.receive(makeMessageCreated(3, { from: 'agent', body: 'for Ann, after a gap' }));
    await settle();
    expect(api.getConversation).toHaveBeenCalledOnce();
    api.createSession.mockResolvedValue(makeSession({ visitorId: BOB_VISITOR, token: 'tok-bob' }));
    controller.identify(BOB);
    await settle();
    reloaded({
      conversation: makeSummary({ lastSeq: 3 }),
      events: [makeCreated(), makeMessageCreated(2, { body: 'Ann wrote this' })],
      hasMore: false,
    });
    await settle();
    expect(bodies(controller)).toEqual([]);
  });

  it('shows the sign-in state for a refused hash, keeps no token, logs nothing secret, and asks again only for another identity', async () => {
    const storage = createMemoryStorage();
    const api = fakeApi();
    api.createSession.mockRejectedValueOnce(
      new ApiError(401, 'visitor/identity_invalid', 'The identity hash does not match this user id.'),
    );
    const { controller, logged } = setup(api, storage);
    const forged = { userId: 'user-ann', hash: 'f'.repeat(64) };
    controller.identify(forged);
    await controller.start();
    controller.open();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ identityProblem: 'invalid', connection: 'idle', timeline: [] });
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(FakeSocket.all).toHaveLength(0);
    expect(logged.join('\n')).not.toContain(forged.hash);
    expect(logged.join('\n')).toContain('refused');

    // Opening again, or identifying with the same refused identity, asks nothing.
    controller.close();
    controller.open();
    controller.identify({ ...forged });
    await settle();
    expect(api.createSession).toHaveBeenCalledOnce();

    controller.identify(ANN);
    await settle();
    expect(api.createSession).toHaveBeenCalledTimes(2);
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, null, { identity: ANN });
    expect(controller.getSnapshot().identityProblem).toBeNull();
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-ann');
  });

  it('shows the sign-in state when the inbox requires identity, and chats once the page identifies the user', async () => {
    const api = fakeApi();
    api.createSession.mockRejectedValueOnce(new ApiError(401, 'visitor/identity_required', 'sign in'));
    const { controller, logged } = setup(api);
    await controller.start();
    controller.open();
    await settle();
    expect(controller.getSnapshot()).toMatchObject({ identityProblem: 'required', isUnavailable: false });
    expect(FakeSocket.all).toHaveLength(0);
    expect(logged).toEqual([]);

    controller.identify(ANN);
    await settle();
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, null, { identity: ANN });
    expect(controller.getSnapshot().identityProblem).toBeNull();
    await goLive();
    controller.send('hello as Ann');
    expect(FakeSocket.latest().sentOfType('message.send')).toHaveLength(1);
  });

  it('recovers a returning user whose page identified them only after the first session call was refused', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-ann');
    storage.setItem(USER_KEY, 'user-ann');
    const api = fakeApi();
    api.createSession.mockRejectedValueOnce(new ApiError(401, 'visitor/identity_required', 'sign in'));
    api.createSession.mockResolvedValue(
      makeSession({ conversation: makeSummary({ lastSeq: 2 }), events: [makeCreated(), makeMessageCreated(2)] }),
    );
    const { controller } = setup(api, storage);
    await controller.start();
    expect(controller.getSnapshot().identityProblem).toBe('required');
    // A verified visitor's token is still good: it is kept for the identified call.
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-ann');

    controller.identify(ANN);
    await settle();
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, 'tok-ann', { identity: ANN });
    expect(bodies(controller)).toEqual(['message 2']);
    // The open conversation reconnects the socket while the panel stays closed, as on any page view.
    const socket = FakeSocket.latest();
    socket.open();
    expect(socket.sent[0]).toMatchObject({
      type: 'hello',
      data: { resume: [{ conversationId: CONVERSATION_ID, lastSeq: 2 }] },
    });
  });
});

describe('ChatController.reset', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forgets the site key's token, outbox and user, closes the socket and the panel, and starts a new visitor next", async () => {
    const { controller, api, storage, events } = setup();
    controller.identify(ANN);
    controller.setAttributes({ plan: 'pro' });
    await controller.start();
    controller.open();
    await settle();
    const socket = await goLive();
    socket.receive(makeCreated());
    socket.receive(makeMessageCreated(2, { body: 'Ann wrote this' }));
    socket.serverClose(1012);
    controller.send('never sent');
    storage.setItem('parley:other_site:token', 'tok-other');
    events.length = 0;

    controller.reset();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.getItem(OUTBOX_KEY)).toBeNull();
    expect(storage.getItem(USER_KEY)).toBeNull();
    expect(storage.getItem('parley:other_site:token')).toBe('tok-other');
    expect(controller.getSnapshot()).toMatchObject({ isOpen: false, connection: 'idle', timeline: [], unreadCount: 0 });
    expect(events).toEqual([['close']]);
    // No reconnect and no new session until the visitor chats again.
    await vi.advanceTimersByTimeAsync(60_000);
    const callsBefore = api.createSession.mock.calls.length;
    const socketsBefore = FakeSocket.all.length;
    expect(callsBefore).toBe(1);

    api.createSession.mockResolvedValue(makeSession({ visitorId: BOB_VISITOR, token: 'tok-new', isVerified: false }));
    controller.open();
    await settle();
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, null, {});
    expect(FakeSocket.all.length).toBe(socketsBefore + 1);
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-new');
  });

  it('drops the answer of a session call made before the reset', async () => {
    let answer: (session: WidgetSession) => void = () => {};
    const api = fakeApi();
    api.createSession.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { controller, storage } = setup(api);
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    controller.reset();
    answer(makeSession());
    await settle();
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.getItem(USER_KEY)).toBeNull();
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('clears a sign-in state', async () => {
    const api = fakeApi();
    api.createSession.mockRejectedValueOnce(new ApiError(401, 'visitor/identity_invalid', 'no'));
    const { controller } = setup(api);
    controller.identify(ANN);
    await controller.start();
    controller.open();
    await settle();
    expect(controller.getSnapshot().identityProblem).toBe('invalid');
    controller.reset();
    expect(controller.getSnapshot().identityProblem).toBeNull();
  });
});

describe('ChatController host events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits ready, open, close, message (agents only) and unread, after the state changed', async () => {
    const { controller, events } = setup();
    await controller.start();
    expect(events).toEqual([]);
    controller.open();
    controller.open();
    await settle();
    const socket = await goLive();
    socket.receive(makeCreated());
    socket.receive(makeMessageCreated(2, { body: 'from the visitor' }));
    controller.close();
    socket.receive(makeMessageCreated(3, { from: 'agent', body: 'Hello from Alice' }));
    socket.receive(makeMessageCreated(4, { from: 'agent', body: 'Still there?' }));
    socket.receive(makeMessageCreated(4, { from: 'agent', body: 'Still there?' }));
    controller.toggle();
    expect(events).toEqual([
      ['open'],
      ['close'],
      [
        'message',
        {
          conversationId: CONVERSATION_ID,
          messageId: expect.any(String),
          body: 'Hello from Alice',
          senderName: 'Alice',
          createdAt: expect.any(String),
        },
      ],
      ['unread', 1],
      ['message', expect.objectContaining({ body: 'Still there?' })],
      ['unread', 2],
      ['open'],
      ['unread', 0],
    ]);
  });

  it('lets a handler act on the widget while an event is being delivered', async () => {
    const api = fakeApi();
    let controller: ChatController | null = null;
    const seen: string[] = [];
    controller = new ChatController({
      siteKey: SITE,
      config: CONFIG,
      api,
      storage: createMemoryStorage(),
      wsUrl: 'ws://api.test/v1/widget/ws',
      createSocket: (url, protocols) => new FakeSocket(url, protocols),
      random: () => 1,
      logError: () => {},
      emit: (event, ...args) => {
        seen.push(`${event}${args.length ? ` ${typeof args[0] === 'number' ? args[0] : 'message'}` : ''}`);
        // Open the chat when an agent writes, as a host page might.
        if (event === 'message') {
          expect(controller?.getSnapshot().unreadCount).toBe(1);
          controller?.open();
        }
      },
    });
    await controller.start();
    controller.open();
    await settle();
    const socket = await goLive();
    socket.receive(makeCreated());
    controller.close();
    socket.receive(makeMessageCreated(2, { from: 'agent' }));
    expect(controller.getSnapshot()).toMatchObject({ isOpen: true, unreadCount: 0 });
    expect(seen).toEqual(['open', 'close', 'message message', 'unread 1', 'open', 'unread 0']);
  });
});
