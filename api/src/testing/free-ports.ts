import { createServer } from 'node:net';

/** Ports below 32768 (the ephemeral range starts there) that nothing listens on now. */
export async function findFreePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let attempt = 0; attempt < 200 && ports.length < count; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.includes(port) && (await isPortFree(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free port below 32768');
  return ports;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}
