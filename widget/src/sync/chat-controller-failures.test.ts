import type { WidgetSession } from '@parley/api/protocol';
import { LIMITS } from '@parley/api/protocol/constants';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatController } from './chat-controller.ts';
import { fakeApi, goLive, OUTBOX_KEY, setupController } from './controller-test-kit.ts';
import { FakeSocket } from './fake-socket.ts';
import { createMemoryStorage } from './storage.ts';
import { CONVERSATION_ID, makeCreated, makeMessage, makeResolved } from './test-fixtures.ts';
import type { TimelineMessage } from './timeline.ts';

// Refused sends: the reason kept for the bubble, Retry under the same clientId, Discard for good, the
// paced flush of a long outbox, and the agent's typing forgotten when the socket goes down.

const session = (): WidgetSession => ({
  visitorId: '66666666-6666-4666-8666-666666666666',
  token: 'tok-new',
  isVerified: false,
  conversation: null,
  events: [],
});

function messages(controller: ChatController): TimelineMessage[] {
  return controller.getSnapshot().timeline.filter((item): item is TimelineMessage => item.kind === 'message');
}

async function liveController(storage = createMemoryStorage()) {
  const setup = setupController(fakeApi(session), storage);
  await setup.controller.start();
  setup.controller.open();
  await vi.advanceTimersByTimeAsync(0);
  const socket = await goLive();
  socket.receive(makeCreated());
  return { ...setup, socket };
}

function refuse(socket: FakeSocket, index: number, code: string) {
  const frame = socket.sentOfType('message.send')[index];
  socket.receive({ type: 'error', id: frame?.id, data: { code, message: code } });
}

describe('ChatController: refused sends', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a rate-limited send waits for the visitor, with its reason, and is not resent by itself', async () => {
    const { controller, socket } = await liveController();
    controller.send('too fast');
    refuse(socket, 0, 'rate/limited');
    expect(messages(controller)).toMatchObject([{ status: 'failed', errorCode: 'rate/limited', body: 'too fast' }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentOfType('message.send')).toHaveLength(1);
    expect(messages(controller)).toMatchObject([{ status: 'failed' }]);
  });

  it('Retry sends once more under the same clientId, and an ack makes it one sent message', async () => {
    const { controller, socket } = await liveController();
    controller.send('again');
    refuse(socket, 0, 'rate/limited');

    controller.retry('clientid1');
    controller.retry('clientid1'); // a second press while it is on its way sends nothing more
    const sends = socket.sentOfType('message.send');
    expect(sends).toHaveLength(2);
    expect(sends[1]?.data).toEqual({ clientId: 'clientid1', body: 'again', conversationId: CONVERSATION_ID });
    expect(messages(controller)).toMatchObject([{ status: 'pending' }]);
    expect(messages(controller)[0]?.errorCode).toBeUndefined();

    const stored = makeMessage(2, { body: 'again', clientId: 'clientid1' });
    socket.receive({ type: 'ack', id: sends[1]?.id, data: { message: stored } });
    expect(messages(controller)).toMatchObject([{ status: 'sent', body: 'again', clientId: 'clientid1' }]);
    expect(messages(controller)).toHaveLength(1);
  });

  it('Discard removes a failed message from the screen and the stored outbox, but never a pending one', async () => {
    const storage = createMemoryStorage();
    const { controller, socket } = await liveController(storage);
    controller.send('x'.repeat(10));
    controller.send('still going');
    refuse(socket, 0, 'message/too_long');
    expect(messages(controller).map((item) => item.status)).toEqual(['failed', 'pending']);

    controller.discard('clientid2');
    expect(messages(controller)).toHaveLength(2);
    controller.discard('clientid1');
    expect(messages(controller).map((item) => item.body)).toEqual(['still going']);
    expect(storage.getItem(OUTBOX_KEY)).not.toContain('clientid1');
    // A later reconnect does not bring it back or resend it.
    socket.serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    const next = await goLive(FakeSocket.latest());
    expect(next.sentOfType('message.send').map((frame) => (frame.data as { clientId: string }).clientId)).toEqual([
      'clientid2',
    ]);
  });

  it('keeps a failed message when its conversation ends: Retry then starts a new one', async () => {
    const { controller, socket } = await liveController();
    controller.send('one more thing');
    refuse(socket, 0, 'rate/limited');
    socket.receive(makeResolved(2));
    expect(controller.getSnapshot().endedId).toBe(CONVERSATION_ID);
    expect(messages(controller)).toMatchObject([{ status: 'failed', body: 'one more thing' }]);

    controller.retry('clientid1');
    expect(socket.sentOfType('message.send')[1]?.data).toEqual({ clientId: 'clientid1', body: 'one more thing' });
  });

  it('a long outbox goes out on session.ready paced under the api’s frame limit', async () => {
    const storage = createMemoryStorage();
    const queued = Array.from({ length: 25 }, (_, index) => ({
      clientId: `queued${String(index).padStart(3, '0')}`,
      body: `offline ${index}`,
      createdAt: `2026-01-01T11:00:${String(index).padStart(2, '0')}.000Z`,
      status: 'pending',
    }));
    storage.setItem(OUTBOX_KEY, JSON.stringify(queued));
    const { socket } = await liveController(storage);
    expect(socket.sentOfType('message.send')).toHaveLength(LIMITS.framesPerSecond);
    // No second within a burst allowance: at most framesPerSecond more each second.
    await vi.advanceTimersByTimeAsync(1000);
    expect(socket.sentOfType('message.send').length).toBeLessThanOrEqual(2 * LIMITS.framesPerSecond);
    await vi.advanceTimersByTimeAsync(5000);
    const sent = socket.sentOfType('message.send').map((frame) => (frame.data as { clientId: string }).clientId);
    expect(sent).toEqual(queued.map((entry) => entry.clientId));
  });

  it('forgets the agent’s typing when the socket goes down, keeping the messages', async () => {
    const { controller, socket } = await liveController();
    socket.receive({
      type: 'typing',
      data: {
        conversationId: CONVERSATION_ID,
        isTyping: true,
        by: { type: 'agent', id: '00000000-0000-4000-8000-000000000002', name: 'Anna' },
      },
    });
    controller.send('hello');
    // Heard before the typing chunk arrived (a loaded machine fetches it slowly): shown once it has.
    await vi.waitFor(() => expect(controller.getSnapshot().typingName).toBe('Anna'));

    socket.serverClose(1006);
    expect(controller.getSnapshot().connection).toBe('reconnecting');
    expect(controller.getSnapshot().typingName).toBeNull();
    expect(messages(controller).map((item) => item.body)).toEqual(['hello']);
  });
});
