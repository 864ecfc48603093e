/**
 * The load generator: a separate process (forked by main.ts, commands over IPC) that holds every client
 * socket, visitors' and agents', for Parley's api or the bare relay, and measures what they see.
 * It exits when its parent goes away.
 */
import { performance } from 'node:perf_hooks';
import {
  type Agent,
  ackedIds,
  onAgentText,
  onSocketClosed,
  onVisitorText,
  Side,
  StepRecorder,
  sendFromVisitor,
  startRecording,
  type Visitor,
} from './clients.ts';
import { runLoadStep } from './load-step.ts';
import type {
  AgentLogin,
  GeneratorCommand,
  GeneratorConfig,
  GeneratorReply,
  HoldResult,
  OpenResult,
  Target,
  Totals,
} from './messages.ts';
import { connect, delay, runPool, waitFor } from './open-socket.ts';

if (!process.send) throw new Error('load-generator.ts runs as a child of main.ts (it takes its commands over IPC)');
process.on('disconnect', () => process.exit(0));

const HELLO = JSON.stringify({ type: 'hello', data: { protocol: 1, resume: [] } });
let config: GeneratorConfig | undefined;
const sides: Record<Target, Side> = { parley: new Side('parley'), relay: new Side('relay') };
let ipCounter = 0;

function configured(): GeneratorConfig {
  if (!config) throw new Error('configure first');
  return config;
}

/** Each visitor session comes from its own address (X-Forwarded-For; the api runs with TRUST_PROXY=true). */
function nextVisitorIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 127}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function createSessions(count: number, concurrency: number, timeoutMs: number): Promise<OpenResult> {
  const { apiUrl, siteOrigin, siteKey } = configured();
  const side = sides.parley;
  const missing = Array.from({ length: count }, (_, i) => side.visitor(i)).filter((v) => !v.token);
  const started = performance.now();
  const outcome = await runPool(missing, concurrency, started + timeoutMs, async (visitor) => {
    const response = await fetch(`${apiUrl}/v1/widget/session`, {
      method: 'POST',
      headers: { origin: siteOrigin, 'content-type': 'application/json', 'x-forwarded-for': nextVisitorIp() },
      body: JSON.stringify({ siteKey }),
    });
    const body = (await response.json()) as { token?: string };
    if (response.status !== 200 || !body.token) throw new Error(`widget session: HTTP ${response.status}`);
    visitor.token = body.token;
  });
  return {
    opened: outcome.done,
    failed: outcome.failed + outcome.skipped,
    ms: performance.now() - started,
    failures: outcome.failures,
  };
}

async function openVisitor(side: Side, visitor: Visitor, timeoutMs: number): Promise<void> {
  const { apiUrl, relayUrl, siteOrigin } = configured();
  let url: string;
  const protocols = ['parley.v1'];
  if (side.target === 'parley') {
    if (!visitor.token) throw new Error(`visitor ${visitor.index} has no session`);
    url = `${apiUrl.replace(/^http/, 'ws')}/v1/widget/ws`;
    protocols.push(`parley.token.${visitor.token}`);
  } else {
    // The relay pairs by URL: conversation c<i>, agent i mod M (no auth, nothing stored).
    const agent = side.agents[visitor.index % side.agents.length]!;
    visitor.conversationId = `c${visitor.index}`;
    visitor.agent = agent;
    agent.conversations.set(visitor.conversationId, visitor);
    url = `${relayUrl}/v?c=${visitor.conversationId}&a=${agent.index}`;
  }
  visitor.isClosing = false;
  visitor.isReady = false;
  visitor.ws = await connect(url, {
    protocols,
    origin: siteOrigin,
    onText: (text) => onVisitorText(side, visitor, text),
    onClose: () => onSocketClosed(visitor),
  });
  visitor.ws.send(HELLO);
  await waitFor(
    () => visitor.isReady,
    (wake) => (visitor.wake = wake),
    timeoutMs,
    'session.ready',
  );
  visitor.wake = undefined;
}

async function openAgent(side: Side, agent: Agent, timeoutMs: number): Promise<void> {
  const { apiUrl, relayUrl } = configured();
  const isParley = side.target === 'parley';
  agent.isClosing = false;
  agent.ws = await connect(
    isParley ? `${apiUrl.replace(/^http/, 'ws')}/v1/agent/ws` : `${relayUrl}/a?i=${agent.index}`,
    {
      protocols: ['parley.v1'],
      origin: apiUrl,
      headers: isParley && agent.cookie ? { cookie: agent.cookie } : {},
      onText: (text) => onAgentText(side, agent, text),
      onClose: () => onSocketClosed(agent),
    },
  );
  agent.ws.send(HELLO);
  await waitFor(
    () => agent.isReady,
    (wake) => (agent.wake = wake),
    timeoutMs,
    'session.ready',
  );
  agent.wake = undefined;
}

async function openAgents(target: Target, logins: AgentLogin[], timeoutMs: number): Promise<OpenResult> {
  const side = sides[target];
  for (const login of logins) if (!side.agentsByUserId.has(login.userId)) side.addAgent(login.userId, login.cookie);
  const started = performance.now();
  const closed = side.agents.filter((agent) => !agent.isReady);
  const outcome = await runPool(closed, 10, started + timeoutMs, (agent) => openAgent(side, agent, timeoutMs));
  return {
    opened: outcome.done,
    failed: outcome.failed + outcome.skipped,
    ms: performance.now() - started,
    failures: outcome.failures,
  };
}

async function openVisitors(target: Target, count: number, batch: number, timeoutMs: number): Promise<OpenResult> {
  const side = sides[target];
  if (target === 'relay' && side.agents.length === 0) throw new Error('configure relayAgents first');
  const closed = Array.from({ length: count }, (_, i) => side.visitor(i)).filter((v) => !v.isReady);
  const started = performance.now();
  const outcome = await runPool(closed, batch, started + timeoutMs, (visitor) =>
    openVisitor(side, visitor, Math.min(timeoutMs, 30_000)),
  );
  return {
    opened: outcome.done,
    failed: outcome.failed + outcome.skipped,
    ms: performance.now() - started,
    failures: outcome.failures,
  };
}

/**
 * Parley: each visitor's first message opens a conversation, which routing then assigns to an agent. At most
 * `window` wait for their assignment at once: every new conversation that finds others ahead of it in the
 * queue makes the api run a pass over the whole queue, so a burst of starts costs the square of its size.
 */
async function startConversations(target: Target, count: number, rate: number, window: number, timeoutMs: number) {
  const side = sides[target];
  const started = performance.now();
  const deadline = started + timeoutMs;
  const step = new StepRecorder();
  startRecording(step);
  const waiting = side.visitors.slice(0, count).filter((v) => v.isReady && !v.agent);
  if (target === 'parley') {
    const sent: Visitor[] = [];
    let unassignedFrom = 0;
    for (const visitor of waiting) {
      for (;;) {
        while (unassignedFrom < sent.length && sent[unassignedFrom]!.agent) unassignedFrom += 1;
        const unassigned = sent.slice(unassignedFrom).filter((v) => !v.agent).length;
        if (unassigned < window || performance.now() > deadline) break;
        await delay(2);
      }
      if (performance.now() > deadline) break;
      sendFromVisitor(side, visitor, step, true);
      sent.push(visitor);
      await delay(1000 / rate);
    }
  }
  while (waiting.some((v) => !v.agent) && performance.now() < deadline) await delay(50);
  startRecording(new StepRecorder());
  const agents = new Map<string, number>();
  for (const v of side.visitors.slice(0, count)) {
    if (v.agent) agents.set(v.agent.userId, (agents.get(v.agent.userId) ?? 0) + 1);
  }
  return {
    assigned: side.visitors.slice(0, count).filter((v) => v.agent).length,
    ms: performance.now() - started,
    errors: step.errors,
    agentsWithConversations: agents.size,
    mostPerAgent: Math.max(0, ...agents.values()),
  };
}

async function hold(target: Target, ms: number): Promise<HoldResult> {
  const side = sides[target];
  const step = new StepRecorder();
  startRecording(step);
  await delay(ms);
  startRecording(new StepRecorder());
  const { 'socket/closed': closes = 0, ...errors } = step.errors;
  return { open: side.visitors.filter((v) => v.isReady).length, closes, errors };
}

function closeVisitors(target: Target): number {
  let closed = 0;
  for (const visitor of sides[target].visitors) {
    if (!visitor?.ws) continue;
    visitor.isClosing = true;
    visitor.isReady = false;
    visitor.ws.terminate();
    visitor.ws = undefined;
    closed += 1;
  }
  return closed;
}

function closeAll(): void {
  for (const side of Object.values(sides)) {
    closeVisitors(side.target);
    for (const agent of side.agents) {
      agent.isClosing = true;
      agent.isReady = false;
      agent.ws?.terminate();
      agent.ws = undefined;
    }
  }
}

async function handle(command: GeneratorCommand): Promise<unknown> {
  switch (command.cmd) {
    case 'configure': {
      config = command.config;
      // The relay's agents exist from the start (without sockets), so visitors can be paired with them.
      for (let i = sides.relay.agents.length; i < config.relayAgents; i++) sides.relay.addAgent(`relay-agent-${i}`);
      return {};
    }
    case 'createSessions':
      return createSessions(command.count, command.concurrency, command.timeoutMs);
    case 'openAgents':
      return openAgents(command.target, command.agents, command.timeoutMs);
    case 'openVisitors':
      return openVisitors(command.target, command.count, command.batch, command.timeoutMs);
    case 'startConversations':
      return startConversations(command.target, command.count, command.rate, command.window, command.timeoutMs);
    case 'hold':
      return hold(command.target, command.ms);
    case 'load':
      return runLoadStep(sides[command.target], command.load);
    case 'closeVisitors':
      return { closed: closeVisitors(command.target) };
    case 'closeAll':
      closeAll();
      return {};
    case 'totals':
      return { parleyAckedIds: [...ackedIds.parley], relayAcked: ackedIds.relay.size } satisfies Totals;
  }
}

process.on('message', (message: { id: number; command: GeneratorCommand }) => {
  handle(message.command).then(
    (result) => process.send!({ id: message.id, ok: true, result } satisfies GeneratorReply),
    (error: Error) =>
      process.send!({ id: message.id, ok: false, error: error.stack ?? String(error) } satisfies GeneratorReply),
  );
});
process.send({ ready: true });
