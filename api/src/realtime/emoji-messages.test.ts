import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LIMITS } from '../protocol/constants.ts';
import type { ServerFrame } from '../protocol/index.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { ErrorFrame } from '../testing/test-socket.ts';

// Native emoji, typed, pasted or picked, go through the api and back exactly as written: ZWJ sequences,
// flags (regional-indicator pairs), skin tones and variation selectors are not split, normalized or dropped.
// The length limit counts UTF-16 code units, as String.length and a textarea's maxLength do.
const EMOJI_BODY = 'Thanks 👍🏽 — 👩‍💻 fixed it 🇫🇷🇧🇷 🏳️‍🌈 ❤️ 👨‍👩‍👧';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('messages with emoji', () => {
  test('reach the agent and the database unchanged, and come back in the ack unchanged', async () => {
    const agent = await server.signUp();
    const inbox = await server.inboxOf(agent.cookie);
    const agentSocket = await server.connectAgent(agent);
    const visitor = await server.connectVisitor(inbox.siteKey);

    const sent = await visitor.socket.sendAcked({ body: EMOJI_BODY });
    expect(sent.body).toBe(EMOJI_BODY);
    const isIt = (frame: ServerFrame) => frame.type === 'message.created' && frame.data.message.id === sent.id;
    const created = await agentSocket.waitFor(isIt);
    expect(created.type === 'message.created' && created.data.message.body).toBe(EMOJI_BODY);
    const row = await server.db
      .selectFrom('messages')
      .select('body')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(row.body).toBe(EMOJI_BODY);

    const reply = await agentSocket.sendAcked({ conversationId: sent.conversationId, body: `${EMOJI_BODY} 🙏` });
    const echoed = await visitor.socket.waitFor(
      (frame) => frame.type === 'message.created' && frame.data.message.id === reply.id,
    );
    expect(echoed.type === 'message.created' && echoed.data.message.body).toBe(`${EMOJI_BODY} 🙏`);
    agentSocket.close();
    visitor.socket.close();
  });

  test(`the ${LIMITS.messageMaxLength}-character limit counts UTF-16 code units: 👍 counts 2`, async () => {
    const agent = await server.signUp();
    const inbox = await server.inboxOf(agent.cookie);
    const visitor = await server.connectVisitor(inbox.siteKey);
    const atLimit = '👍'.repeat(LIMITS.messageMaxLength / 2);
    expect(atLimit.length).toBe(LIMITS.messageMaxLength);

    const before = await server.countMessages();
    const overBy = (await visitor.socket.sendMessage({ body: `${atLimit}a` })) as ErrorFrame;
    expect(overBy).toMatchObject({ type: 'error', data: { code: 'message/too_long' } });
    expect(await server.countMessages()).toBe(before);
    const accepted = await visitor.socket.sendAcked({ body: atLimit });
    expect(accepted.body).toBe(atLimit);
    visitor.socket.close();
  });
});
