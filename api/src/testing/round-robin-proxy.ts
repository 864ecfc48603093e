import { connect, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * A TCP load balancer in miniature: each new connection goes to the next backend in turn, skipping one
 * that refuses. No stickiness, as Parley needs none.
 */
export async function startRoundRobinProxy(port: number, backendPorts: readonly number[]): Promise<RoundRobinProxy> {
  const sockets = new Set<Socket>();
  let next = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  const server = createServer((client) => {
    track(client);
    client.pause();
    const tryBackend = (attemptsLeft: number) => {
      const backendPort = backendPorts[next++ % backendPorts.length]!;
      const backend = connect(backendPort, '127.0.0.1');
      let isConnected = false;
      backend.once('connect', () => {
        isConnected = true;
        track(backend);
        client.pipe(backend).pipe(client);
        client.resume();
        backend.on('error', () => client.destroy());
        client.on('error', () => backend.destroy());
        backend.on('close', () => client.destroy());
        client.on('close', () => backend.destroy());
      });
      backend.once('error', () => {
        if (isConnected) return;
        if (attemptsLeft > 1) tryBackend(attemptsLeft - 1);
        else client.destroy();
      });
    };
    tryBackend(backendPorts.length);
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
