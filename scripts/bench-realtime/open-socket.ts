/** Opening many `ws` client sockets: one at a time as the api's tests do, and a bounded pool of them. */
import WebSocket from 'ws';

export interface SocketOptions {
  protocols: string[];
  origin: string;
  headers?: Record<string, string>;
  /** Text frames, as they arrive (attached before 'open', so none slips by). */
  onText: (text: string) => void;
  /** The socket closed after it had opened. */
  onClose: () => void;
}

/** Resolves once open; rejects when the server answers the upgrade with HTTP instead (401, 403…) or fails. */
export function connect(url: string, options: SocketOptions): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols, {
      origin: options.origin,
      headers: options.headers ?? {},
      perMessageDeflate: false,
      handshakeTimeout: 15_000,
    });
    let isOpen = false;
    ws.on('message', (data, isBinary) => {
      if (!isBinary) options.onText(data.toString());
    });
    ws.once('open', () => {
      isOpen = true;
      resolve(ws);
    });
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      reject(new Error(`upgrade refused with HTTP ${response.statusCode}`));
      ws.terminate();
    });
    ws.on('error', (error) => {
      if (!isOpen) reject(error);
    });
    ws.on('close', () => {
      if (isOpen) options.onClose();
    });
  });
}

/**
 * Runs `work` for each item, at most `concurrency` at once, starting none after `deadline`
 * (performance.now()); answers how many succeeded and failed, with a few failure messages.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  deadline: number,
  work: (item: T) => Promise<void>,
): Promise<{ done: number; failed: number; skipped: number; failures: string[] }> {
  let next = 0;
  let done = 0;
  let failed = 0;
  const failures: string[] = [];
  const worker = async () => {
    while (next < items.length && performance.now() < deadline) {
      const item = items[next++]!;
      try {
        await work(item);
        done += 1;
      } catch (error) {
        failed += 1;
        if (failures.length < 5) failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return { done, failed, skipped: items.length - done - failed, failures };
}

export function waitFor(
  isDone: () => boolean,
  setWaiter: (wake: () => void) => void,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (isDone()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    setWaiter(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
