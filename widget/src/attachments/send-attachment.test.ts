import type { Attachment, WidgetSession } from '@parley/api/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, goLive, OUTBOX_KEY, setupController } from '../sync/controller-test-kit.ts';
import { FakeSocket } from '../sync/fake-socket.ts';
import { makeCreated, makeMessage } from '../sync/test-fixtures.ts';
import type { TimelineMessage } from '../sync/timeline.ts';
import { attachmentStringsFor, uploadErrorText } from './attachment-strings.ts';

const SESSION: WidgetSession = {
  visitorId: '66666666-6666-4666-8666-666666666666',
  token: 'tok-new',
  isVerified: false,
  conversation: null,
  events: [],
};
const PHOTO: Attachment = {
  id: '77777777-7777-4777-8777-777777777777',
  name: '<img src=x onerror=alert(1)>.png',
  size: 2048,
  contentType: 'image/png',
  url: '/v1/attachments/77777777-7777-4777-8777-777777777777',
  width: 640,
  height: 480,
};

describe('sending an uploaded file', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
  });
  afterEach(() => vi.useRealTimers());

  it('queues a message without text that carries the attachment, sends its id and keeps it in the outbox until acked', async () => {
    const { controller, storage } = setupController(fakeApi(() => SESSION));
    await controller.start();
    controller.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.send('   ')).toBe(false);
    expect(controller.send('', [PHOTO])).toBe(true);
    const timeline = controller.getSnapshot().timeline as TimelineMessage[];
    expect(timeline).toMatchObject([{ body: '', status: 'pending', attachments: [PHOTO] }]);
    expect(JSON.parse(storage.getItem(OUTBOX_KEY) ?? '[]')[0].attachments).toEqual([PHOTO]);

    const socket = await goLive();
    const send = socket.sentOfType('message.send')[0];
    expect(send?.data).toEqual({ clientId: 'clientid1', body: '', attachmentIds: [PHOTO.id] });

    socket.receive(makeCreated());
    socket.receive({
      type: 'ack',
      id: send?.id,
      data: { message: { ...makeMessage(2, { clientId: 'clientid1', body: '' }), attachments: [PHOTO] } },
    });
    expect(controller.getSnapshot().timeline).toMatchObject([{ status: 'sent', seq: 2, attachments: [PHOTO] }]);
    expect(storage.getItem(OUTBOX_KEY)).toBeNull();
  });
});

describe('upload errors', () => {
  it('say why in the visitor’s language, naming the file', () => {
    const en = attachmentStringsFor('en-GB');
    expect(uploadErrorText(en, 'attachment/too_large', 'a.mov')).toBe('a.mov is too big: files can be up to 10 MB.');
    expect(uploadErrorText(en, 'attachment/type_not_allowed', 'x.svg')).toContain('x.svg can’t be sent');
    expect(uploadErrorText(en, 'rate/limited', 'a')).toContain('Too many files');
    expect(uploadErrorText(en, 'server/internal', 'b.pdf')).toBe('b.pdf could not be sent. Please try again.');
    expect(uploadErrorText(attachmentStringsFor('de'), 'attachment/too_large', 'a')).toContain('zu groß');
    expect(attachmentStringsFor('xx')).toBe(en);
  });
});
