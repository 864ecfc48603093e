/**
 * The V8 inspector of a child started with --inspect=127.0.0.1:<port>: used only by the memory scenario, to
 * collect garbage before reading RSS (so a reading does not depend on when V8 last collected) and to read
 * process.memoryUsage() (what of the growth is JS heap). The session is closed again before any load step.
 */
import WebSocket from 'ws';

export interface Inspector {
  collectGarbage(): Promise<void>;
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  close(): void;
}

export async function openInspector(port: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error(`no inspector target on 127.0.0.1:${port}`);
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map<number, { resolve: (result: any) => void; reject: (error: Error) => void }>();
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = message.id === undefined ? undefined : waiting.get(message.id);
    if (!waiter) return;
    waiting.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  const call = (method: string, params: object = {}): Promise<any> =>
    new Promise((resolve, reject) => {
      nextId += 1;
      const timer = setTimeout(() => reject(new Error(`inspector: ${method} timed out`)), 30_000);
      waiting.set(nextId, {
        resolve: (result) => {
          clearTimeout(timer);
          resolve(result);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      ws.send(JSON.stringify({ id: nextId, method, params }));
    });
  return {
    async collectGarbage() {
      // Twice: the first pass may only finalize what the second then frees.
      await call('HeapProfiler.collectGarbage');
      await call('HeapProfiler.collectGarbage');
    },
    async memoryUsage() {
      const answer = await call('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      return JSON.parse(answer.result.value) as NodeJS.MemoryUsage;
    },
    close: () => ws.close(),
  };
}
