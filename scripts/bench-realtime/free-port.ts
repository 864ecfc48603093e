import { createServer } from 'node:net';

/**
 * A free port of 127.0.0.1 below 32768 (the ephemeral range starts there: a listener up there can collide
 * with the outgoing connections of a load test). Tries random ports of 20000–32767.
 */
export async function findFreeLowPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_768);
    if (await isFree(port)) return port;
  }
  throw new Error('no free port below 32768 after 50 tries');
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
