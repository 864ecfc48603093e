/**
 * The load generator's view of its sockets: visitors and agents of one target (Parley or the relay), every
 * message sent and not yet settled, and the recorder of the step under way. Parley's frames and the relay's
 * have the same shape, so one set of handlers serves both.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { Target } from './messages.ts';

export interface Visitor {
  index: number;
  /** Parley's visitor token (POST /v1/widget/session). */
  token?: string;
  ws?: WebSocket;
  isReady: boolean;
  conversationId?: string;
  /** The agent the conversation is assigned to (from conversation.assigned; fixed for the relay). */
  agent?: Agent;
  wake?: () => void;
  isClosing: boolean;
  /** This visitor's messages sent and not yet acked (or refused). */
  unacked: number;
}

export interface Agent {
  index: number;
  userId: string;
  cookie?: string;
  ws?: WebSocket;
  isReady: boolean;
  wake?: () => void;
  /** The conversations assigned to this agent, by id. */
  conversations: Map<string, Visitor>;
  /** A reply token, refilled at the step's reply rate (kept under the server's 10 frames/s per socket). */
  tryReply: () => boolean;
  isClosing: boolean;
}

export class Side {
  readonly visitors: Visitor[] = [];
  readonly agents: Agent[] = [];
  readonly agentsByUserId = new Map<string, Agent>();
  constructor(readonly target: Target) {}

  addAgent(userId: string, cookie?: string): Agent {
    const agent: Agent = {
      index: this.agents.length,
      userId,
      cookie,
      isReady: false,
      conversations: new Map(),
      tryReply: () => false,
      isClosing: false,
    };
    this.agents.push(agent);
    this.agentsByUserId.set(userId, agent);
    return agent;
  }

  visitor(index: number): Visitor {
    this.visitors[index] ??= { index, isReady: false, isClosing: false, unacked: 0 };
    return this.visitors[index]!;
  }

  assign(visitor: Visitor, conversationId: string, userId: string): void {
    visitor.conversationId ??= conversationId;
    const agent = this.agentsByUserId.get(userId);
    if (visitor.agent && visitor.agent !== agent) visitor.agent.conversations.delete(conversationId);
    visitor.agent = agent;
    agent?.conversations.set(conversationId, visitor);
    visitor.wake?.();
  }
}

/** What one step (a load at one rate, a hold, a warm-up) saw. */
export class StepRecorder {
  readonly ack: number[] = [];
  readonly visitorToAgent: number[] = [];
  readonly agentToVisitor: number[] = [];
  readonly errors: Record<string, number> = {};
  sentByVisitors = 0;
  sentByAgents = 0;
  acked = 0;
  awaitingAck = 0;
  awaitingDelivery = 0;
  agentFrames = 0;
  summaryFrames = 0;
  /** Their characters: bytes, since the harness's texts are ASCII. */
  summaryChars = 0;
  /** Agents reply only while the step is sending, so the drain converges. */
  isSending = false;
  lastSettledAt = 0;

  countError(code: string): void {
    this.errors[code] = (this.errors[code] ?? 0) + 1;
  }
}

interface Pending {
  sentAt: number;
  step: StepRecorder;
  target: Target;
  isAcked: boolean;
  expectsDelivery: boolean;
  isDelivered: boolean;
  visitor?: Visitor;
}

/** Messages sent and not yet acked and delivered, by client id (which is also the frame id). */
export const pending = new Map<string, Pending>();
/** The client id of every message.send the server acked, late acks included (for the persistence check). */
export const ackedIds: Record<Target, Set<string>> = { parley: new Set(), relay: new Set() };
let current = new StepRecorder();

export function startRecording(step: StepRecorder): void {
  current = step;
}

// An ordinary chat line after the timestamp, so frames have a realistic size.
const FILLER = 'Hello! I ordered a blue kettle last week and it has not arrived yet, can you help?';
let filler = FILLER;
/** Bodies of this many characters after the timestamp (0: the ordinary chat line), for the steps to come. */
export function setBodyChars(chars: number): void {
  filler = chars > 0 ? FILLER.repeat(Math.ceil(chars / FILLER.length)).slice(0, chars) : FILLER;
}
const ID_PREFIX = `b${randomBytes(4).toString('hex')}-`;
let sendCounter = 0;

function send(ws: WebSocket | undefined, step: StepRecorder, data: Record<string, string>, entry: Partial<Pending>) {
  if (!ws || ws.readyState !== WebSocket.OPEN) {
    if (entry.visitor) entry.visitor.unacked -= 1;
    return step.countError('socket/not_open');
  }
  sendCounter += 1;
  const clientId = `${ID_PREFIX}${sendCounter.toString(36)}`;
  const sentAt = performance.now();
  const body = `t=${sentAt.toFixed(3)} ${filler}`;
  pending.set(clientId, {
    sentAt,
    step,
    target: entry.target ?? 'parley',
    isAcked: false,
    expectsDelivery: entry.expectsDelivery ?? true,
    isDelivered: false,
    visitor: entry.visitor,
  });
  step.awaitingAck += 1;
  if (entry.expectsDelivery ?? true) step.awaitingDelivery += 1;
  ws.send(JSON.stringify({ type: 'message.send', id: clientId, data: { clientId, ...data, body } }));
}

/**
 * A visitor's message: into their conversation, or (the first) without one, which opens it. Not sent when
 * `maxUnacked` of the visitor's messages already wait for their ack: the server is seconds behind, and a
 * backlog without bound would spill into the next step.
 */
export function sendFromVisitor(
  side: Side,
  visitor: Visitor,
  step: StepRecorder,
  isFirst = false,
  maxUnacked = Number.POSITIVE_INFINITY,
): void {
  if (visitor.unacked >= maxUnacked) return step.countError('generator/backlog');
  visitor.unacked += 1;
  step.sentByVisitors += 1;
  const data: Record<string, string> = isFirst ? {} : { conversationId: visitor.conversationId! };
  // The first message opens the conversation, which is routed after it is stored: nobody to deliver it to yet.
  send(visitor.ws, step, data, { target: side.target, expectsDelivery: !isFirst, visitor });
}

function replyFromAgent(side: Side, agent: Agent, conversationId: string, step: StepRecorder): void {
  step.sentByAgents += 1;
  send(agent.ws, step, { conversationId }, { target: side.target, expectsDelivery: true });
}

function settle(clientId: string, entry: Pending): void {
  entry.step.lastSettledAt = performance.now();
  if (entry.isAcked && (!entry.expectsDelivery || entry.isDelivered)) pending.delete(clientId);
}

function onAck(target: Target, frame: { id?: string; data?: { message?: { conversationId?: string } } }): void {
  if (frame.id?.startsWith(ID_PREFIX)) ackedIds[target].add(frame.id);
  const entry = frame.id === undefined ? undefined : pending.get(frame.id);
  if (!entry || entry.isAcked) return;
  entry.isAcked = true;
  if (entry.visitor) entry.visitor.unacked -= 1;
  entry.step.awaitingAck -= 1;
  entry.step.acked += 1;
  entry.step.ack.push(performance.now() - entry.sentAt);
  if (entry.visitor && !entry.visitor.conversationId)
    entry.visitor.conversationId = frame.data?.message?.conversationId;
  settle(frame.id!, entry);
}

function onError(frame: { id?: string; data?: { code?: string } }): void {
  const code = frame.data?.code ?? 'error/unknown';
  const entry = frame.id === undefined ? undefined : pending.get(frame.id);
  if (!entry) return current.countError(code);
  entry.step.countError(code);
  if (!entry.isAcked) {
    entry.step.awaitingAck -= 1;
    if (entry.visitor) entry.visitor.unacked -= 1;
  }
  if (entry.expectsDelivery && !entry.isDelivered) entry.step.awaitingDelivery -= 1;
  pending.delete(frame.id!);
}

/** A message.created reached its recipient: the latency runs from the timestamp in its body. */
function onDelivered(message: { clientId: string; body: string }, into: 'visitorToAgent' | 'agentToVisitor') {
  const entry = pending.get(message.clientId);
  if (!entry?.expectsDelivery || entry.isDelivered) return undefined;
  const now = performance.now();
  entry.isDelivered = true;
  entry.step.awaitingDelivery -= 1;
  entry.step[into].push(now - Number(message.body.slice(2, message.body.indexOf(' '))));
  settle(message.clientId, entry);
  return entry;
}

export function onVisitorText(side: Side, visitor: Visitor, text: string): void {
  let frame: any;
  try {
    frame = JSON.parse(text);
  } catch {
    return current.countError('frame/unparsable');
  }
  switch (frame.type) {
    case 'session.ready':
      visitor.isReady = true;
      return visitor.wake?.();
    case 'ack':
      return onAck(side.target, frame);
    case 'error':
      return onError(frame);
    case 'message.created':
      // A visitor also hears their own message; only the agent's replies count here.
      if (frame.data.message.sender.type === 'agent') onDelivered(frame.data.message, 'agentToVisitor');
      return;
    case 'conversation.assigned':
      return side.assign(visitor, frame.data.conversationId, frame.data.assignee.id);
    case 'conversation.unassigned':
      current.countError('conversation/unassigned');
      return;
  }
}

const CREATED_PREFIX = '{"type":"message.created"';
const CHANGED_PREFIX = '{"type":"conversations.changed"';
const CONVERSATION_KEY = '"conversationId":"';

/**
 * Frames of conversations this agent does not hold (the relay's fan-out sends every message to every agent)
 * are counted and dropped without parsing, and so are Parley's batched summaries, so the generator stays cheap.
 */
export function onAgentText(side: Side, agent: Agent, text: string): void {
  if (text.startsWith(CHANGED_PREFIX)) {
    current.summaryFrames += 1;
    current.summaryChars += text.length;
    return;
  }
  if (text.startsWith(CREATED_PREFIX)) {
    current.agentFrames += 1;
    const start = text.indexOf(CONVERSATION_KEY) + CONVERSATION_KEY.length;
    if (!agent.conversations.has(text.slice(start, text.indexOf('"', start)))) return;
    return onAgentMessage(side, agent, JSON.parse(text));
  }
  let frame: any;
  try {
    frame = JSON.parse(text);
  } catch {
    return current.countError('frame/unparsable');
  }
  switch (frame.type) {
    case 'session.ready':
      agent.isReady = true;
      return agent.wake?.();
    case 'ack':
      return onAck(side.target, frame);
    case 'error':
      return onError(frame);
    case 'message.created':
      current.agentFrames += 1;
      if (agent.conversations.has(frame.data.conversationId)) onAgentMessage(side, agent, frame);
      return;
  }
}

function onAgentMessage(side: Side, agent: Agent, frame: any): void {
  const message = frame.data.message;
  if (message.sender.type !== 'visitor') return;
  const entry = onDelivered(message, 'visitorToAgent');
  if (entry?.step.isSending && agent.tryReply()) replyFromAgent(side, agent, frame.data.conversationId, entry.step);
}

export function onSocketClosed(socket: { isClosing: boolean; isReady: boolean }): void {
  socket.isReady = false;
  if (!socket.isClosing) current.countError('socket/closed');
}

/** A token bucket like the api's (api/src/realtime/token-bucket.ts): `perSecond`, bursts of `burst`. */
export function createTokenBucket(perSecond: number, burst: number): () => boolean {
  let tokens = burst;
  let last = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
