import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('/health/live answers 200 ok', async () => {
  const response = await server.request('GET', '/health/live', { origin: null });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok' });
});

test('/health/ready answers 200 ok while the database answers', async () => {
  const response = await server.request('GET', '/health/ready', { origin: null });
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok' });
});

test('an unknown api route answers 404 route/not_found in the shared error shape', async () => {
  const response = await server.request('GET', '/v1/nothing-here', { origin: null });
  expect(response.status).toBe(404);
  expect(response.body).toMatchObject({ code: 'route/not_found', message: expect.any(String) });
});
