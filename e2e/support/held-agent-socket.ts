import type { Page } from 'playwright-core';

/**
 * Holds the console's socket of a page between the browser and the api until `release()`: the page sees it
 * open, what the page sends waits (its hello first), the api has no socket for it yet. What a console does
 * while it has read its lists over REST and its socket is not live yet, made to last.
 */
export async function holdAgentSocket(page: Page): Promise<{ release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.routeWebSocket(/\/v1\/agent\/ws$/, async (socket) => {
    const waiting: (string | Buffer)[] = [];
    let server: ReturnType<typeof socket.connectToServer> | null = null;
    socket.onMessage((message) => (server ? server.send(message) : waiting.push(message)));
    await released;
    server = socket.connectToServer();
    server.onMessage((message) => socket.send(message));
    // Either side closing closes the other (a page reconnects through this route again, unheld).
    server.onClose((code, reason) => void socket.close({ code, reason }).catch(() => {}));
    socket.onClose((code, reason) => void server?.close({ code, reason }).catch(() => {}));
    for (const message of waiting.splice(0)) server.send(message);
  });
  return { release };
}
