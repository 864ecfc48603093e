import { readdir } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../protocol/attachments.ts';
import type { Message } from '../../protocol/entities.ts';
import type { ConversationDetail, Inbox } from '../../protocol/rest.ts';
import { sweepUnsentAttachments } from '../../services/attachments/sweep-unsent.ts';
import { FOREIGN_ORIGIN, startTestServer, type TestAgent, type TestServer } from '../../testing/test-server.ts';
import { newClientId, nextFrameId, type TestSocket } from '../../testing/test-socket.ts';
import { HTML, PDF, PNG_1X1, PNG_640X480, SVG, TEXT } from './attachment-fixtures.ts';
import { fetchFile, uploadFile } from './upload-test-client.ts';

let server: TestServer;
let agent: TestAgent;
let inbox: Inbox;
let outsider: TestAgent;
beforeAll(async () => {
  server = await startTestServer();
  agent = await server.signUp(undefined, { workspaceName: 'Files Co' });
  inbox = await server.inboxOf(agent.cookie);
  outsider = await server.signUp(undefined, { workspaceName: 'Other Co' });
});
afterAll(() => server.close());

async function storedFileCount(): Promise<number> {
  return (await readdir(server.config.uploadsDir).catch(() => [])).length;
}

async function attachmentRowCount(): Promise<number> {
  const rows = await server.db.selectFrom('attachments').select('id').execute();
  return rows.length;
}

/** message.send with attachments; resolves with the ack's message or the error frame's data. */
async function sendWithAttachments(
  socket: TestSocket,
  data: { body?: string; conversationId?: string; attachmentIds: string[]; clientId?: string },
): Promise<{ message?: Message; error?: { code: string } }> {
  const id = nextFrameId();
  socket.send({
    type: 'message.send',
    id,
    data: { clientId: data.clientId ?? newClientId(), body: data.body ?? '', ...data },
  });
  const answer = await socket.waitForAnswer(id);
  return answer.type === 'ack'
    ? { message: (answer.data as { message: Message }).message }
    : { error: answer.data as { code: string } };
}

describe('a visitor sends an image', () => {
  test('upload, send with an empty body, the agent sees it live and reads the bytes inline with safe headers', async () => {
    const { session, socket } = await server.connectVisitor(inbox.siteKey);
    const uploaded = await uploadFile(server, '/v1/widget/attachments', {
      name: 'photo.png',
      bytes: PNG_640X480,
      type: 'application/x-whatever',
      token: session.token,
    });
    expect(uploaded.status).toBe(201);
    const attachment = uploaded.body.attachment;
    expect(attachment).toMatchObject({ name: 'photo.png', contentType: 'image/png', width: 640, height: 480 });
    expect(attachment.size).toBe(PNG_640X480.length);
    expect(attachment.url).toBe(`/v1/attachments/${attachment.id}`);

    const sent = await sendWithAttachments(socket, { attachmentIds: [attachment.id] });
    expect(sent.message?.body).toBe('');
    expect(sent.message?.attachments).toEqual([attachment]);
    const conversationId = sent.message!.conversationId;

    // The agent's history (REST) carries the attachment too.
    const detail = await server.request<ConversationDetail>('GET', `/v1/conversations/${conversationId}`, {
      cookie: agent.cookie,
    });
    const created = detail.body.events.find((event) => event.type === 'message.created');
    expect(created?.type === 'message.created' && created.data.message.attachments).toEqual([attachment]);

    const file = await fetchFile(server, attachment.url, { cookie: agent.cookie });
    expect(file.status).toBe(200);
    expect(file.bytes.equals(PNG_640X480)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="photo.png"; filename*=UTF-8''photo.png`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");

    const download = await fetchFile(server, `${attachment.url}?download=1`, { cookie: agent.cookie });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);

    // The visitor reads it back with their token, and sees it in their own history.
    const own = await fetchFile(server, `/v1/widget/attachments/${attachment.id}`, { token: session.token });
    expect(own.status).toBe(200);
    expect(own.bytes.equals(PNG_640X480)).toBe(true);
    const history = await server.request<ConversationDetail>('GET', `/v1/widget/conversations/${conversationId}`, {
      token: session.token,
      origin: 'https://shop.example.test',
    });
    const replayed = history.body.events.find((event) => event.type === 'message.created');
    expect(replayed?.type === 'message.created' && replayed.data.message.attachments?.[0]?.id).toBe(attachment.id);
    socket.close();
  });

  test('a retried send returns the same message; the same upload cannot be sent twice', async () => {
    const { session, socket } = await server.connectVisitor(inbox.siteKey);
    const { body } = await uploadFile(server, '/v1/widget/attachments', {
      name: 'a.png',
      bytes: PNG_1X1,
      token: session.token,
    });
    const clientId = newClientId();
    const first = await sendWithAttachments(socket, { clientId, body: 'see', attachmentIds: [body.attachment.id] });
    const retry = await sendWithAttachments(socket, { clientId, body: 'see', attachmentIds: [body.attachment.id] });
    expect(retry.message?.id).toBe(first.message?.id);
    expect(retry.message?.attachments).toEqual(first.message?.attachments);
    const again = await sendWithAttachments(socket, { body: 'again', attachmentIds: [body.attachment.id] });
    expect(again.error?.code).toBe('attachment/unusable');
    socket.close();
  });
});

describe('type allowlist, by content', () => {
  test('an HTML page named .png and declared image/png is refused with 415 attachment/type_not_allowed; nothing is kept', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const [rowsBefore, filesBefore] = [await attachmentRowCount(), await storedFileCount()];
    for (const [name, bytes, type] of [
      ['cat.png', HTML, 'image/png'],
      ['page.html', HTML, 'text/html'],
      ['logo.svg', SVG, 'image/svg+xml'],
      ['logo.png', SVG, 'image/png'],
      ['tool.exe', Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), 'application/octet-stream'],
    ] as const) {
      const response = await uploadFile(server, '/v1/widget/attachments', { name, bytes, type, token: session.token });
      expect(response.status, name).toBe(415);
      expect(response.body.code).toBe('attachment/type_not_allowed');
      expect(response.body.message).toMatch(/cannot be sent/);
    }
    expect(await attachmentRowCount()).toBe(rowsBefore);
    expect(await storedFileCount()).toBe(filesBefore);
  });

  test('plain text and PDF are accepted and always served as downloads of their detected type', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const text = await uploadFile(server, '/v1/widget/attachments', {
      name: 'notes.html',
      bytes: TEXT,
      type: 'text/html',
      token: session.token,
    });
    expect(text.body.attachment.contentType).toBe('text/plain');
    const served = await fetchFile(server, `/v1/widget/attachments/${text.body.attachment.id}`, {
      token: session.token,
    });
    expect(served.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(served.headers.get('content-disposition')).toMatch(/^attachment;/);

    const pdf = await uploadFile(server, '/v1/widget/attachments', {
      name: 'invoice.pdf',
      bytes: PDF,
      token: session.token,
    });
    expect(pdf.body.attachment.contentType).toBe('application/pdf');
    const pdfServed = await fetchFile(server, `/v1/widget/attachments/${pdf.body.attachment.id}`, {
      token: session.token,
    });
    expect(pdfServed.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(pdfServed.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('limits', () => {
  test('a file over the size limit gets 413 attachment/too_large and leaves nothing behind', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const [rowsBefore, filesBefore] = [await attachmentRowCount(), await storedFileCount()];
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]);
    const response = await uploadFile(server, '/v1/widget/attachments', {
      name: 'big.png',
      bytes: big,
      token: session.token,
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'attachment/too_large', message: 'A file can be at most 10 MB.' });
    expect(await attachmentRowCount()).toBe(rowsBefore);
    expect(await storedFileCount()).toBe(filesBefore);
  });

  test('a request without a file, or an empty one, gets 400 attachment/file_required', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const empty = await uploadFile(server, '/v1/widget/attachments', {
      name: 'x.txt',
      bytes: new Uint8Array(),
      token: session.token,
    });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('attachment/file_required');
    const json = await server.request('POST', '/v1/widget/attachments', {
      token: session.token,
      origin: 'https://shop.example.test',
      body: { file: 'nope' },
    });
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'attachment/file_required' });
  });

  test('more than ten attachments in one message is refused by the frame schema', async () => {
    const { socket } = await server.connectVisitor(inbox.siteKey);
    const ids = Array.from({ length: 11 }, () => crypto.randomUUID());
    const sent = await sendWithAttachments(socket, { body: 'x', attachmentIds: ids });
    expect(sent.error?.code).toBe('frame/invalid');
    socket.close();
  });
});

describe('who may upload and read', () => {
  test('uploads need a visitor token from an allowed origin, or an agent session', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const anonymous = await uploadFile(server, '/v1/widget/attachments', {
      name: 'a.png',
      bytes: PNG_1X1,
      origin: 'https://shop.example.test',
    });
    expect(anonymous.status).toBe(401);
    const foreign = await uploadFile(server, '/v1/widget/attachments', {
      name: 'a.png',
      bytes: PNG_1X1,
      token: session.token,
      origin: FOREIGN_ORIGIN,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('auth/origin_forbidden');
    const noSession = await uploadFile(server, `/v1/conversations/${crypto.randomUUID()}/attachments`, {
      name: 'a.png',
      bytes: PNG_1X1,
    });
    expect(noSession.status).toBe(401);
  });

  test('another visitor and another workspace get 404 for a file, and cannot send it', async () => {
    const owner = await server.connectVisitor(inbox.siteKey);
    const { body } = await uploadFile(server, '/v1/widget/attachments', {
      name: 'id.png',
      bytes: PNG_1X1,
      token: owner.session.token,
    });
    const id = body.attachment.id;
    // Unsent: only its uploader can read it, not even an agent of the workspace.
    expect((await fetchFile(server, `/v1/attachments/${id}`, { cookie: agent.cookie })).status).toBe(404);

    const stranger = await server.connectVisitor(inbox.siteKey);
    const stolen = await sendWithAttachments(stranger.socket, { body: 'mine now', attachmentIds: [id] });
    expect(stolen.error?.code).toBe('attachment/not_found');
    expect(await server.countMessages()).toBeGreaterThan(0);

    await sendWithAttachments(owner.socket, { body: 'my id', attachmentIds: [id] });
    const forStranger = await fetchFile(server, `/v1/widget/attachments/${id}`, { token: stranger.session.token });
    expect(forStranger.status).toBe(404);
    expect(forStranger.bytes.toString()).toContain('attachment/not_found');
    const forOutsider = await fetchFile(server, `/v1/attachments/${id}`, { cookie: outsider.cookie });
    expect(forOutsider.status).toBe(404);
    expect((await fetchFile(server, `/v1/attachments/${id}`, { cookie: agent.cookie })).status).toBe(200);
    owner.socket.close();
    stranger.socket.close();
  });

  test('an agent uploads only into a conversation of their workspace; the visitor gets it as a download', async () => {
    const visitor = await server.connectVisitor(inbox.siteKey);
    const first = await visitor.socket.sendAcked({ body: 'Can I have the invoice?' });
    const conversationId = first.conversationId;

    const foreign = await uploadFile(server, `/v1/conversations/${conversationId}/attachments`, {
      name: 'invoice.pdf',
      bytes: PDF,
      cookie: outsider.cookie,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('conversation/not_found');
    const crossSite = await uploadFile(server, `/v1/conversations/${conversationId}/attachments`, {
      name: 'invoice.pdf',
      bytes: PDF,
      cookie: agent.cookie,
      origin: FOREIGN_ORIGIN,
    });
    expect(crossSite.status).toBe(403);

    const uploaded = await uploadFile(server, `/v1/conversations/${conversationId}/attachments`, {
      name: 'invoice.pdf',
      bytes: PDF,
      cookie: agent.cookie,
    });
    expect(uploaded.status).toBe(201);
    const agentSocket = await server.connectAgent(agent);
    const sent = await sendWithAttachments(agentSocket, {
      conversationId,
      body: 'Here it is',
      attachmentIds: [uploaded.body.attachment.id],
    });
    expect(sent.message?.attachments?.[0]).toMatchObject({ name: 'invoice.pdf', contentType: 'application/pdf' });
    const heard = await visitor.socket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.message.id === sent.message?.id,
    );
    expect(heard.type === 'message.created' && heard.data.message.attachments?.[0]?.id).toBe(
      uploaded.body.attachment.id,
    );
    const file = await fetchFile(server, `/v1/widget/attachments/${uploaded.body.attachment.id}`, {
      token: visitor.session.token,
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice.pdf"/);

    // An upload for one conversation cannot be sent into another.
    const other = await server.connectVisitor(inbox.siteKey);
    const otherFirst = await other.socket.sendAcked({ body: 'hi' });
    const second = await uploadFile(server, `/v1/conversations/${conversationId}/attachments`, {
      name: 'b.pdf',
      bytes: PDF,
      cookie: agent.cookie,
    });
    const misplaced = await sendWithAttachments(agentSocket, {
      conversationId: otherFirst.conversationId,
      body: 'wrong place',
      attachmentIds: [second.body.attachment.id],
    });
    expect(misplaced.error?.code).toBe('attachment/unusable');
    for (const socket of [visitor.socket, other.socket, agentSocket]) socket.close();
  });
});

describe('file names', () => {
  test('a name with markup, quotes and control characters is stored as plain text and cannot break the header', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const name = 'a"b\tSet-Cookie: x=1;\u0001\u202E<img src=x onerror=alert(1)>\'ü.png';
    const { body } = await uploadFile(server, '/v1/widget/attachments', {
      name,
      bytes: PNG_1X1,
      token: session.token,
      isRawName: true,
    });
    expect(body.attachment.name).toBe('a"bSet-Cookie: x=1;<img src=x onerror=alert(1)>\'ü.png');
    const file = await fetchFile(server, `/v1/widget/attachments/${body.attachment.id}`, { token: session.token });
    expect(file.headers.get('set-cookie')).toBeNull();
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      'inline; filename="a_bSet-Cookie: x=1_<img src=x onerror=alert(1)>\'_.png"; ' +
        "filename*=UTF-8''a%22bSet-Cookie%3A%20x%3D1%3B%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%27%C3%BC.png",
    );
  });

  test('folders are dropped and long names are shortened keeping the extension', async () => {
    const session = await server.startVisitor(inbox.siteKey);
    const traversal = await uploadFile(server, '/v1/widget/attachments', {
      name: '../../etc/passwd.png',
      bytes: PNG_1X1,
      token: session.token,
    });
    expect(traversal.body.attachment.name).toBe('passwd.png');
    const long = await uploadFile(server, '/v1/widget/attachments', {
      name: `${'x'.repeat(400)}.png`,
      bytes: PNG_1X1,
      token: session.token,
    });
    expect(long.body.attachment.name).toHaveLength(ATTACHMENT_LIMITS.nameMaxLength);
    expect(long.body.attachment.name.endsWith('.png')).toBe(true);
  });
});

describe('unsent uploads', () => {
  test('are removed with their file after a day; sent ones stay', async () => {
    const { session, socket } = await server.connectVisitor(inbox.siteKey);
    const unsent = await uploadFile(server, '/v1/widget/attachments', {
      name: 'old.png',
      bytes: PNG_1X1,
      token: session.token,
    });
    const sent = await uploadFile(server, '/v1/widget/attachments', {
      name: 'kept.png',
      bytes: PNG_1X1,
      token: session.token,
    });
    const fresh = await uploadFile(server, '/v1/widget/attachments', {
      name: 'new.png',
      bytes: PNG_1X1,
      token: session.token,
    });
    await sendWithAttachments(socket, { body: 'kept', attachmentIds: [sent.body.attachment.id] });
    const aged = [unsent.body.attachment.id, sent.body.attachment.id];
    await sql`update attachments set created_at = now() - interval '25 hours' where id = any(${aged})`.execute(
      server.db,
    );
    const filesBefore = await storedFileCount();

    expect(await sweepUnsentAttachments(server.db, server.app.attachmentFiles)).toBe(1);
    expect(await storedFileCount()).toBe(filesBefore - 1);
    const left = await server.db
      .selectFrom('attachments')
      .select('id')
      .where('uploader_id', '=', session.visitorId)
      .execute();
    expect(left.map((row) => row.id).sort()).toEqual([sent.body.attachment.id, fresh.body.attachment.id].sort());
    expect(
      (await fetchFile(server, `/v1/widget/attachments/${unsent.body.attachment.id}`, { token: session.token })).status,
    ).toBe(404);
    socket.close();
  });
});
