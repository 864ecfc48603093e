/** What the benchmark (parent) and the load generator (child) say to each other over IPC. */
import type { Summary } from './stats.ts';

/** Parley's api, or the bare relay that stands for the least any WebSocket server has to do. */
export type Target = 'parley' | 'relay';

export interface AgentLogin {
  userId: string;
  /** `parley_session=<token>`. */
  cookie: string;
}

export interface GeneratorConfig {
  apiUrl: string;
  relayUrl: string;
  /** The fake host site's origin, sent by every visitor socket. */
  siteOrigin: string;
  siteKey: string;
  /** Agents of the relay runs (each visitor i is paired with relay agent i mod relayAgents). */
  relayAgents: number;
}

export type GeneratorCommand =
  | { cmd: 'configure'; config: GeneratorConfig }
  /** POST /v1/widget/session until `count` visitors exist (their tokens are kept for the sockets). */
  | { cmd: 'createSessions'; count: number; concurrency: number; timeoutMs: number }
  /** Agent sockets that have said hello; for the relay, its configured agents (logins are ignored). */
  | { cmd: 'openAgents'; target: Target; agents: AgentLogin[]; timeoutMs: number }
  /** Visitor sockets 0…count-1 (the missing ones), `batch` at a time, each having said hello. */
  | { cmd: 'openVisitors'; target: Target; count: number; batch: number; timeoutMs: number }
  /**
   * Each of visitors 0…count-1 without a conversation sends a first message, at most `rate` per second and
   * with at most `window` not yet assigned; waits until each is assigned.
   */
  | { cmd: 'startConversations'; target: Target; count: number; rate: number; window: number; timeoutMs: number }
  /** Watches the open sockets for `ms`: every close and error frame counts. */
  | { cmd: 'hold'; target: Target; ms: number }
  | { cmd: 'load'; target: Target; load: LoadSpec }
  | { cmd: 'closeVisitors'; target: Target }
  | { cmd: 'closeAll' }
  | { cmd: 'totals' };

export interface LoadSpec {
  /** Visitor messages per second, all visitors together. */
  rate: number;
  durationMs: number;
  /** How many visitors send (the first N), round robin. */
  visitors: number;
  /** Each agent answers messages of its conversations at up to this many per second. */
  replyRatePerAgent: number;
  /** After the last send: how long to wait for the acks and deliveries still due. */
  drainMs: number;
  /** A visitor with this many messages unacked skips its turn (counted as generator/backlog). */
  maxUnackedPerVisitor: number;
  /** Characters of each message body after its timestamp; 0 for an ordinary chat line. */
  bodyChars: number;
}

export interface OpenResult {
  opened: number;
  failed: number;
  ms: number;
  /** A few of the failures, to print. */
  failures: string[];
}

export interface HoldResult {
  open: number;
  closes: number;
  errors: Record<string, number>;
}

export interface LoadResult {
  target: Target;
  visitors: number;
  agents: number;
  sentByVisitors: number;
  sentByAgents: number;
  acked: number;
  /** Sends with no ack or error by the end of the drain. */
  unacked: number;
  /** Acked messages that never reached their recipient by the end of the drain. */
  undelivered: number;
  /** Error frames by code, and sockets that closed during the step (`socket/closed`). */
  errors: Record<string, number>;
  /** send → ack. */
  ack: Summary;
  /** visitor send → the assigned agent's socket receives message.created. */
  visitorToAgent: Summary;
  /** agent send → the visitor's socket receives message.created. */
  agentToVisitor: Summary;
  /** message.created frames received by all agent sockets (the fan-out), per visitor message. */
  agentFramesPerMessage: number;
  /** conversations.changed frames received by all agent sockets together, per second (Parley only). */
  summaryFramesPerSecond: number;
  /** Their bytes, in kB per second, all agent sockets together. */
  summaryKilobytesPerSecond: number;
  /** First send to last ack or delivery (or the end of the drain). */
  elapsedMs: number;
  sendWindowMs: number;
  /** The load generator's own CPU, % of one core, and its event-loop delay: if these are high, it is the bottleneck. */
  generatorCpuPercent: number;
  generatorLoopDelayP99Ms: number;
}

export interface Totals {
  /** The client ids of every message.send the api acked, all steps together (visitors and agents). */
  parleyAckedIds: string[];
  relayAcked: number;
}

export type GeneratorReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };
