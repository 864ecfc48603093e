import type { WidgetSession } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-request.ts';
import { AVAILABILITY_REFRESH_MS, type ChatController } from './chat-controller.ts';
import {
  fakeApi as fakeApiWith,
  goLive,
  OUTBOX_KEY,
  RESUME_KEY,
  SITE,
  setupController,
  TOKEN_KEY,
} from './controller-test-kit.ts';
import { FakeSocket } from './fake-socket.ts';
import { createMemoryStorage, type KeyValueStorage } from './storage.ts';
import {
  CONVERSATION_ID,
  makeAssigned,
  makeCreated,
  makeMessage,
  makeMessageCreated,
  makeResolved,
  makeSummary,
} from './test-fixtures.ts';
import type { TimelineMessage } from './timeline.ts';

const VISITOR_ID = '66666666-6666-4666-8666-666666666666';

function makeSession(overrides: Partial<WidgetSession> = {}): WidgetSession {
  return { visitorId: VISITOR_ID, token: 'tok-new', isVerified: false, conversation: null, events: [], ...overrides };
}

const fakeApi = (session: () => WidgetSession = () => makeSession()) => fakeApiWith(session);
const setup = (api = fakeApi(), storage: KeyValueStorage = createMemoryStorage()) => setupController(api, storage);

function messages(controller: ChatController): TimelineMessage[] {
  return controller.getSnapshot().timeline.filter((item): item is TimelineMessage => item.kind === 'message');
}

describe('ChatController', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('makes no session and no socket for a new visitor until the panel opens', async () => {
    const { controller, api, storage } = setup();
    await controller.start();
    expect(controller.getSnapshot().config?.inboxName).toBe('Support');
    expect(api.createSession).not.toHaveBeenCalled();
    expect(FakeSocket.all).toHaveLength(0);

    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.createSession).toHaveBeenCalledWith(SITE, null, {});
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-new');
    const socket = FakeSocket.latest();
    expect(socket.protocols).toEqual(['parley.v1', 'parley.token.tok-new']);
    socket.open();
    expect(socket.sent[0]).toEqual({ type: 'hello', data: { protocol: 1, resume: [] } });
  });

  it('reconnects a returning visitor with an open conversation at once and resumes from its last seq', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-old');
    const api = fakeApi(() =>
      makeSession({
        token: 'tok-old',
        conversation: makeSummary({ lastSeq: 2 }),
        events: [makeCreated(), makeMessageCreated(2, { body: 'earlier' })],
      }),
    );
    const { controller } = setup(api, storage);
    await controller.start();
    expect(api.createSession).toHaveBeenCalledWith(SITE, 'tok-old', {});
    expect(messages(controller).map((item) => item.body)).toEqual(['earlier']);

    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    expect(socket.sent[0]).toEqual({
      type: 'hello',
      data: { protocol: 1, resume: [{ conversationId: CONVERSATION_ID, lastSeq: 2 }] },
    });
    socket.ready();
    socket.receive(makeMessageCreated(3, { from: 'agent', body: 'reply while closed' }));
    expect(controller.getSnapshot().unreadCount).toBe(1);
    expect(controller.getSnapshot().announcement).toMatchObject({ kind: 'message', body: 'reply while closed' });
    controller.open();
    expect(controller.getSnapshot().unreadCount).toBe(0);
  });

  it('keeps beside the token whether the next page view must load the chat at once', async () => {
    const { controller, storage } = setup();
    await controller.start();
    expect(storage.getItem(RESUME_KEY)).toBeNull();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.getItem(RESUME_KEY)).toBe('0');
    const socket = await goLive();
    controller.send('first');
    expect(storage.getItem(RESUME_KEY)).toBe('1');
    socket.receive(makeCreated());
    socket.receive(makeResolved(2));
    expect(storage.getItem(RESUME_KEY)).toBe('1');
    socket.receive(makeMessageCreated(3, { clientId: 'clientid1', body: 'first' }));
    expect(storage.getItem(RESUME_KEY)).toBe('0');
    controller.reset();
    expect(storage.getItem(RESUME_KEY)).toBeNull();

    // A returning visitor's last answer stands until their session call answers.
    const returning = createMemoryStorage();
    returning.setItem(TOKEN_KEY, 'tok-old');
    returning.setItem(RESUME_KEY, '1');
    let answer: (session: WidgetSession) => void = () => {};
    const api = fakeApi();
    api.createSession.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const second = setup(api, returning);
    const starting = second.controller.start();
    second.controller.open();
    expect(returning.getItem(RESUME_KEY)).toBe('1');
    answer(makeSession({ token: 'tok-old' }));
    await starting;
    expect(returning.getItem(RESUME_KEY)).toBe('0');
  });

  it('shows a send as pending, replaces it by the acked message, and never shows it twice', async () => {
    const { controller, storage } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    controller.send('  hello  ');
    expect(messages(controller)).toMatchObject([{ body: 'hello', status: 'pending', clientId: 'clientid1' }]);
    expect(storage.getItem(OUTBOX_KEY)).toContain('clientid1');

    const socket = await goLive();
    const send = socket.sentOfType('message.send')[0];
    expect(send).toEqual({
      type: 'message.send',
      id: expect.any(String),
      data: { clientId: 'clientid1', body: 'hello' },
    });

    socket.receive(makeCreated());
    socket.receive({
      type: 'ack',
      id: send?.id,
      data: { message: makeMessage(2, { clientId: 'clientid1', body: 'hello' }) },
    });
    expect(messages(controller)).toMatchObject([{ body: 'hello', status: 'sent', seq: 2 }]);
    expect(storage.getItem(OUTBOX_KEY)).toBeNull();

    socket.receive(makeMessageCreated(2, { clientId: 'clientid1', body: 'hello' }));
    socket.receive(makeMessageCreated(2, { clientId: 'clientid1', body: 'hello' }));
    expect(messages(controller)).toHaveLength(1);
  });

  it('writes into the open conversation once it holds one', async () => {
    const { controller } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    socket.receive(makeCreated());
    controller.send('second');
    expect(socket.sentOfType('message.send')[0]?.data).toEqual({
      clientId: 'clientid1',
      body: 'second',
      conversationId: CONVERSATION_ID,
    });
  });

  it('resends unacked messages with the same clientId after a reconnect and after a reload', async () => {
    const storage = createMemoryStorage();
    const first = setup(fakeApi(), storage);
    await first.controller.start();
    first.controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    first.controller.send('are you there?');
    expect(socket.sentOfType('message.send')).toHaveLength(1);

    socket.serverClose(1012);
    await vi.advanceTimersByTimeAsync(500);
    const second = await goLive();
    expect(second.sentOfType('message.send')[0]?.data).toMatchObject({ clientId: 'clientid1' });

    // The page reloads before any ack: a new controller over the same storage sends it again.
    first.controller.destroy();
    const reloaded = setup(
      fakeApi(() => makeSession({ token: 'tok-new' })),
      storage,
    );
    await reloaded.controller.start();
    expect(messages(reloaded.controller)).toMatchObject([{ body: 'are you there?', status: 'pending' }]);
    await vi.advanceTimersByTimeAsync(0);
    const third = await goLive();
    expect(third.sentOfType('message.send')[0]?.data).toMatchObject({ clientId: 'clientid1', body: 'are you there?' });
  });

  it('starts a new conversation when the open one was resolved', async () => {
    const { controller } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    socket.receive(makeCreated());
    controller.send('one more thing');
    const first = socket.sentOfType('message.send')[0];
    expect(first?.data).toMatchObject({ conversationId: CONVERSATION_ID });

    socket.receive({ type: 'error', id: first?.id, data: { code: 'conversation/resolved', message: 'resolved' } });
    const second = socket.sentOfType('message.send')[1];
    expect(second?.data).toEqual({ clientId: 'clientid1', body: 'one more thing' });
  });

  it('marks a refused send failed and retries it with the same clientId', async () => {
    const { controller } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    controller.send('x');
    const first = socket.sentOfType('message.send')[0];
    socket.receive({ type: 'error', id: first?.id, data: { code: 'message/too_long', message: 'too long' } });
    expect(messages(controller)).toMatchObject([{ status: 'failed' }]);

    controller.retry('clientid1');
    expect(messages(controller)).toMatchObject([{ status: 'pending' }]);
    expect(socket.sentOfType('message.send')[1]?.data).toMatchObject({ clientId: 'clientid1' });
  });

  it('reloads a conversation over REST when a seq is missing', async () => {
    const api = fakeApi();
    api.getConversation.mockResolvedValueOnce({
      conversation: makeSummary({ lastSeq: 3 }),
      events: [
        makeCreated(),
        makeMessageCreated(2, { body: 'missed' }),
        makeMessageCreated(3, { from: 'agent', body: 'also missed' }),
      ],
      hasMore: false,
    });
    const { controller } = setup(api);
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    socket.receive(makeCreated());
    socket.receive(makeMessageCreated(4, { from: 'agent', body: 'latest' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getConversation).toHaveBeenCalledWith('tok-new', CONVERSATION_ID);
    expect(messages(controller).map((item) => item.body)).toEqual(['missed', 'also missed', 'latest']);
  });

  it('reloads over REST on resync_required', async () => {
    const { controller, api } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = FakeSocket.latest();
    socket.open();
    socket.receive({ type: 'conversation.resync_required', data: { conversationId: CONVERSATION_ID, lastSeq: 0 } });
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getConversation).toHaveBeenCalledOnce();
  });

  it('drops the token on 4001 and starts over with a new session', async () => {
    const { controller, api, storage } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    socket.receive(makeCreated());
    socket.receive(makeResolved(2));
    api.createSession.mockResolvedValueOnce(
      makeSession({ token: 'tok-fresh', visitorId: '77777777-7777-4777-8777-777777777777' }),
    );
    socket.serverClose(4001);
    expect(storage.getItem(TOKEN_KEY)).toBeNull();
    expect(controller.getSnapshot().timeline).toEqual([]);

    await vi.advanceTimersByTimeAsync(500);
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, null, {});
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-fresh');
  });

  it('reports the page unavailable on 403', async () => {
    const refused = fakeApi();
    refused.createSession.mockRejectedValueOnce(new ApiError(403, 'auth/origin_forbidden', 'not allowed'));
    const { controller } = setup(refused);
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.getSnapshot()).toMatchObject({ isUnavailable: true, connection: 'idle' });
    expect(FakeSocket.all).toHaveLength(0);
  });
});

describe('ChatController with a refused socket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-checks the token with a session call when the upgrade was refused', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-stale');
    const api = fakeApi(() => makeSession({ token: 'tok-stale' }));
    const { controller } = setup(api, storage);
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.createSession).toHaveBeenCalledTimes(1);

    api.createSession.mockResolvedValueOnce(makeSession({ token: 'tok-replaced' }));
    FakeSocket.latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(500);
    expect(api.createSession).toHaveBeenCalledTimes(2);
    expect(storage.getItem(TOKEN_KEY)).toBe('tok-replaced');
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-replaced');
  });
});

describe('ChatController while waiting for an agent', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function place(position: number, estimatedWaitSeconds: number | null = null) {
    return { type: 'queue.position', data: { conversationId: CONVERSATION_ID, position, estimatedWaitSeconds } };
  }

  it('keeps the latest queue.position of the open conversation and drops it when an agent is assigned', async () => {
    const { controller } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    socket.receive(makeCreated());
    socket.receive(makeMessageCreated(2));
    expect(controller.getSnapshot().queue).toBeNull();

    socket.receive(place(3, 150));
    expect(controller.getSnapshot().queue).toEqual({
      conversationId: CONVERSATION_ID,
      position: 3,
      estimatedWaitSeconds: 150,
    });
    expect(controller.getSnapshot().announcement).toMatchObject({ kind: 'queue', position: 3 });

    socket.receive(place(2, 100));
    expect(controller.getSnapshot().queue?.position).toBe(2);
    expect(controller.getSnapshot().announcement).toMatchObject({ kind: 'queue', position: 2 });

    socket.receive(makeAssigned(3));
    expect(controller.getSnapshot().queue).toBeNull();
    expect(controller.getSnapshot().announcement).toMatchObject({ kind: 'assigned', name: 'Alice' });
    expect(controller.getSnapshot().timeline.at(-1)).toMatchObject({ kind: 'notice', notice: 'assigned' });
  });

  it('reads out a new place in line, but not a new estimate for the same place', async () => {
    const { controller } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const socket = await goLive();
    // The place comes before the conversation's first event: it is announced once the conversation is known.
    socket.receive(place(2, 60));
    expect(controller.getSnapshot().queue).toBeNull();
    socket.receive(makeCreated());
    const first = controller.getSnapshot().announcement;
    expect(first).toMatchObject({ kind: 'queue', position: 2 });

    socket.receive(place(2, 90));
    expect(controller.getSnapshot().queue?.estimatedWaitSeconds).toBe(90);
    expect(controller.getSnapshot().announcement).toBe(first);

    // After a reconnect the server repeats the place: still no new announcement.
    socket.serverClose(1012);
    await vi.advanceTimersByTimeAsync(500);
    const second = await goLive();
    second.receive(place(2, 90));
    expect(controller.getSnapshot().announcement).toBe(first);
    second.receive(place(1, 45));
    expect(controller.getSnapshot().announcement).toMatchObject({ kind: 'queue', position: 1 });
  });

  it('asks for availability when the panel first opens, then at most every minute while it stays open', async () => {
    const { controller, api } = setup();
    await controller.start();
    expect(api.getAvailability).not.toHaveBeenCalled();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getAvailability).toHaveBeenCalledTimes(1);
    expect(controller.getSnapshot().availability).toMatchObject({ isWithinHours: true, isAgentOnline: true });

    controller.close();
    controller.open();
    await vi.advanceTimersByTimeAsync(AVAILABILITY_REFRESH_MS - 1);
    expect(api.getAvailability).toHaveBeenCalledTimes(1);

    api.getAvailability.mockResolvedValueOnce({
      isWithinHours: false,
      isAgentOnline: false,
      nextOpenAt: '2026-01-02T08:00:00.000Z',
      timezone: 'Europe/Berlin',
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(api.getAvailability).toHaveBeenCalledTimes(2);
    expect(controller.getSnapshot().availability?.isWithinHours).toBe(false);
    expect(controller.getSnapshot().announcement).toMatchObject({
      kind: 'away',
      nextOpenAt: '2026-01-02T08:00:00.000Z',
    });

    // Closed: no more requests; reopening after the minute asks again at once.
    controller.close();
    await vi.advanceTimersByTimeAsync(5 * AVAILABILITY_REFRESH_MS);
    expect(api.getAvailability).toHaveBeenCalledTimes(2);
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getAvailability).toHaveBeenCalledTimes(3);
  });

  it('saves an email with the session the socket made, and shows it saved', async () => {
    const { controller, api } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    const saving = controller.saveEmail(' ann@example.com ');
    expect(controller.getSnapshot().contact).toEqual({ status: 'saving', email: 'ann@example.com' });
    await saving;
    expect(api.createSession).toHaveBeenCalledTimes(1);
    expect(api.saveContact).toHaveBeenCalledWith('tok-new', 'ann@example.com');
    expect(controller.getSnapshot().contact).toEqual({ status: 'saved', email: 'ann@example.com' });
  });

  it('makes one session when the email is sent while the socket is still making its own', async () => {
    let resolveSession: (session: WidgetSession) => void = () => {};
    const api = fakeApi();
    api.createSession.mockImplementationOnce(() => new Promise((resolve) => (resolveSession = resolve)));
    const { controller } = setup(api);
    await controller.start();
    controller.open();
    const saving = controller.saveEmail('ann@example.com');
    await vi.advanceTimersByTimeAsync(0);
    resolveSession(makeSession({ token: 'tok-shared' }));
    await saving;
    expect(api.createSession).toHaveBeenCalledTimes(1);
    expect(api.saveContact).toHaveBeenCalledWith('tok-shared', 'ann@example.com');
    expect(FakeSocket.latest().protocols[1]).toBe('parley.token.tok-shared');
  });

  it('makes a session for the email when the visitor has none, and starts over once on 401', async () => {
    const storage = createMemoryStorage();
    storage.setItem(TOKEN_KEY, 'tok-forgotten');
    const api = fakeApi(() => makeSession({ token: 'tok-forgotten' }));
    const { controller } = setup(api, storage);
    await controller.start();
    expect(api.createSession).toHaveBeenCalledTimes(1);

    api.saveContact.mockRejectedValueOnce(new ApiError(401, 'auth/required', 'A visitor token is required.'));
    api.createSession.mockResolvedValueOnce(makeSession({ token: 'tok-again' }));
    await controller.saveEmail('ann@example.com');
    expect(api.createSession).toHaveBeenLastCalledWith(SITE, null, {});
    expect(api.saveContact).toHaveBeenLastCalledWith('tok-again', 'ann@example.com');
    expect(controller.getSnapshot().contact.status).toBe('saved');
  });

  it('reports a refused email with the api code (400 bad address, 429 too many tries)', async () => {
    const { controller, api } = setup();
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    api.saveContact.mockRejectedValueOnce(new ApiError(400, 'request/invalid', 'body/email must match format'));
    await controller.saveEmail('ann@');
    expect(controller.getSnapshot().contact).toEqual({ status: 'failed', email: 'ann@', code: 'request/invalid' });

    api.saveContact.mockRejectedValueOnce(new ApiError(429, 'rate/limited', 'Too many requests'));
    await controller.saveEmail('ann@example.com');
    expect(controller.getSnapshot().contact).toMatchObject({ status: 'failed', code: 'rate/limited' });

    await controller.saveEmail('ann@example.com');
    expect(controller.getSnapshot().contact).toEqual({ status: 'saved', email: 'ann@example.com' });
  });
});
