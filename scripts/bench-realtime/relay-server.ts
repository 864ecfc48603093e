/**
 * The baseline: a bare `ws` relay on 127.0.0.1 that forwards the same frames as Parley between paired
 * sockets, with no auth, no validation and no storage. It answers hello with session.ready and each
 * message.send with an ack, and hands a message.created to the conversation's sockets, as Parley's hub does:
 *   paired  the visitor and their one agent (what a chat needs at the least);
 *   fanout  the visitor and every agent socket (what Parley does: each agent hears its whole workspace).
 * Visitors connect to /v?c=<conversation>&a=<agent index>, agents to /a?i=<index>. Run by main.ts (forked,
 * IPC for the mode); it exits when its parent goes away.
 */
import { WebSocket, WebSocketServer } from 'ws';

if (!process.send) throw new Error('relay-server.ts runs as a child of main.ts');
process.on('disconnect', () => process.exit(0));

const port = Number(process.env.RELAY_PORT);
let mode: 'paired' | 'fanout' = 'paired';
const visitors = new Map<string, WebSocket>();
const agents = new Map<number, WebSocket>();
const READY = JSON.stringify({ type: 'session.ready', data: { protocol: 1, heartbeatMs: 25_000 } });

const server = new WebSocketServer({
  host: '127.0.0.1',
  port,
  perMessageDeflate: false,
  maxPayload: 64 * 1024,
  handleProtocols: (offered) => (offered.has('parley.v1') ? 'parley.v1' : false),
});

server.on('connection', (ws, request) => {
  const url = new URL(request.url ?? '/', 'http://relay');
  ws.on('error', () => {});
  if (url.pathname === '/v') {
    const conversationId = url.searchParams.get('c') ?? '';
    const agentIndex = Number(url.searchParams.get('a'));
    visitors.set(conversationId, ws);
    ws.on('close', () => visitors.get(conversationId) === ws && visitors.delete(conversationId));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'hello') return ws.send(READY);
      if (frame.type !== 'message.send') return;
      const created = answer(ws, frame, conversationId, 'visitor');
      ws.send(created);
      if (mode === 'fanout') for (const agent of agents.values()) send(agent, created);
      else send(agents.get(agentIndex), created);
    });
  } else if (url.pathname === '/a') {
    const index = Number(url.searchParams.get('i'));
    agents.set(index, ws);
    ws.on('close', () => agents.get(index) === ws && agents.delete(index));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.type === 'hello') return ws.send(READY);
      if (frame.type !== 'message.send') return;
      const conversationId = String(frame.data.conversationId);
      const created = answer(ws, frame, conversationId, 'agent');
      send(visitors.get(conversationId), created);
      if (mode === 'fanout') for (const agent of agents.values()) send(agent, created);
      else ws.send(created);
    });
  } else {
    ws.close(4000, 'unknown path');
  }
});

/** Acks the sender; returns the message.created frame for the others. */
function answer(ws: WebSocket, frame: any, conversationId: string, senderType: 'visitor' | 'agent'): string {
  const { clientId, body } = frame.data;
  const message = { conversationId, clientId, sender: { type: senderType }, body };
  ws.send(JSON.stringify({ type: 'ack', id: frame.id, data: { message } }));
  return JSON.stringify({ type: 'message.created', data: { conversationId, message } });
}

function send(ws: WebSocket | undefined, text: string) {
  if (ws?.readyState === WebSocket.OPEN) ws.send(text);
}

process.on('message', (message: { mode?: 'paired' | 'fanout' }) => {
  if (message.mode) mode = message.mode;
  process.send!({ mode });
});
server.on('listening', () => process.send!({ ready: true }));
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
