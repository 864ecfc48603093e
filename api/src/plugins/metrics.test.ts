import { afterAll, beforeAll, expect, test } from 'vitest';
import { eventually, startTestServer, type TestServer } from '../testing/test-server.ts';
import { nextFrameId } from '../testing/test-socket.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function scrape(headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${server.baseUrl}/metrics`, { headers });
  return { status: response.status, text: await response.text() };
}

function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

test('/metrics counts sockets, acked commands and their latency, refusals by code, and the queue', async () => {
  const owner = await server.signUp();
  const inbox = await server.inboxOf(owner.cookie);
  const { socket } = await server.connectVisitor(inbox.siteKey);
  await socket.sendAcked({ body: 'hello' });
  const id = nextFrameId();
  socket.send({ type: 'message.send', id, data: { clientId: 'bad', body: 'x' } });
  await socket.waitForAnswer(id);

  await eventually(async () => {
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(seriesValue(text, 'parley_ws_connections{kind="visitor"}')).toBe(1);
    expect(seriesValue(text, 'parley_ws_commands_total{kind="visitor",type="message.send",result="ack"}')).toBe(1);
    expect(seriesValue(text, 'parley_ws_command_seconds_count{kind="visitor",type="message.send"}')).toBe(1);
    expect(seriesValue(text, 'parley_errors_total{transport="ws",code="frame/invalid"}')).toBe(1);
    // Nobody is online: the conversation waits.
    expect(seriesValue(text, 'parley_queue_waiting')).toBe(1);
    expect(seriesValue(text, 'parley_queue_oldest_wait_seconds')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('parley_process_resident_memory_bytes');
  });

  socket.close();
  await eventually(async () =>
    expect(seriesValue((await scrape()).text, 'parley_ws_connections{kind="visitor"}')).toBe(0),
  );
  await server.request('GET', '/v1/conversations/not-a-uuid', { cookie: owner.cookie });
  expect(seriesValue((await scrape()).text, 'parley_errors_total{transport="http",code="request/invalid"}')).toBe(1);
});

test('with METRICS_TOKEN set, /metrics needs it', async () => {
  process.env.METRICS_TOKEN = 'scrape-secret';
  try {
    expect((await scrape()).status).toBe(403);
    expect((await scrape({ authorization: 'Bearer wrong' })).status).toBe(403);
    expect((await scrape({ authorization: 'Bearer scrape-secret' })).status).toBe(200);
  } finally {
    delete process.env.METRICS_TOKEN;
  }
});
