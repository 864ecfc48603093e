import { sql } from 'kysely';
import type { BusinessHours } from '../protocol/business-hours.ts';
import type { ConversationEventData } from '../protocol/events.ts';
import type { QueueFrame, ServerFrame } from '../protocol/frames.ts';
import type { Inbox, WidgetSession } from '../protocol/rest.ts';
import { holdTransaction } from './hold-transaction.ts';
import { eventually, SITE_ORIGIN, type TestAgent, type TestServer } from './test-server.ts';
import { type AckFrame, type ErrorFrame, nextFrameId, type TestSocket } from './test-socket.ts';

// Helpers for the routing integration tests. Inbox routing settings, agent capacity, teams and rules have no
// REST route yet (one is being added), so these helpers write them straight into the database.

export type AssignedFrame = { type: 'conversation.assigned'; data: ConversationEventData<'conversation.assigned'> };
export type UnassignedFrame = {
  type: 'conversation.unassigned';
  data: ConversationEventData<'conversation.unassigned'>;
};
export type QueuePositionFrame = Extract<QueueFrame, { type: 'queue.position' }>;
export type QueueSummaryFrame = Extract<QueueFrame, { type: 'queue.summary' }>;

export interface Team {
  workspaceId: string;
  inbox: Inbox;
  /** The workspace's owner first, then the others, each a member of the workspace and of its inboxes. */
  agents: TestAgent[];
}

/** A workspace with agents of the given names (the first signs up and owns it, the others are moved in). */
export async function createTeam(server: TestServer, names: readonly string[]): Promise<Team> {
  const [ownerName, ...otherNames] = names;
  const owner = await server.signUp(undefined, { name: ownerName });
  const workspaceId = owner.me.workspace.id;
  const others = await Promise.all(otherNames.map((name) => server.signUp(undefined, { name })));
  for (const other of others) await server.moveAgentToWorkspace(other.me.user.id, workspaceId);
  return { workspaceId, inbox: await server.inboxOf(owner.cookie), agents: [owner, ...others] };
}

/** memberships.capacity (no route yet): the most open conversations this agent takes at once. */
export async function setCapacity(server: TestServer, workspaceId: string, agent: TestAgent, capacity: number) {
  await server.db
    .updateTable('memberships')
    .set({ capacity })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', agent.me.user.id)
    .execute();
}

export interface InboxRoutingSettings {
  routingMode?: 'auto' | 'manual' | 'off';
  defaultCapacity?: number;
  reassignAfterSeconds?: number | null;
  businessHours?: BusinessHours | null;
}

/** The inbox's routing columns (no route yet). */
export async function setInboxRouting(server: TestServer, inboxId: string, settings: InboxRoutingSettings) {
  await server.db
    .updateTable('inboxes')
    .set({
      ...(settings.routingMode ? { routing_mode: settings.routingMode } : {}),
      ...(settings.defaultCapacity !== undefined ? { default_capacity: settings.defaultCapacity } : {}),
      ...(settings.reassignAfterSeconds !== undefined ? { reassign_after_seconds: settings.reassignAfterSeconds } : {}),
      ...(settings.businessHours !== undefined
        ? { business_hours: settings.businessHours === null ? null : JSON.stringify(settings.businessHours) }
        : {}),
    })
    .where('id', '=', inboxId)
    .execute();
}

/** Business hours with no interval on any day and no exception: closed all the time. */
export const ALWAYS_CLOSED: BusinessHours = {
  timezone: 'UTC',
  weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  exceptions: [],
};

/** A visitor whose widget session was started with these facts (what routing rules match on), with a live socket. */
export async function connectVisitorWith(
  server: TestServer,
  siteKey: string,
  facts: { pageUrl?: string; language?: string } = {},
): Promise<{ session: WidgetSession; socket: TestSocket }> {
  const response = await server.request<WidgetSession>('POST', '/v1/widget/session', {
    origin: SITE_ORIGIN,
    body: { siteKey, ...facts },
  });
  if (response.status !== 200)
    throw new Error(`widget session failed: ${response.status} ${JSON.stringify(response.body)}`);
  const socket = await server.openVisitorSocket(response.body.token);
  await socket.hello();
  return { session: response.body, socket };
}

export interface OpenedConversation {
  socket: TestSocket;
  conversationId: string;
  visitorId: string;
}

/** A new visitor (with a live socket) who starts a conversation with a first message. */
export async function openConversation(
  server: TestServer,
  siteKey: string,
  options: { body?: string; pageUrl?: string; language?: string } = {},
): Promise<OpenedConversation> {
  const { session, socket } = await connectVisitorWith(server, siteKey, {
    ...(options.pageUrl ? { pageUrl: options.pageUrl } : {}),
    ...(options.language ? { language: options.language } : {}),
  });
  const { conversationId } = await socket.sendAcked({ body: options.body ?? 'hello' });
  return { socket, conversationId, visitorId: session.visitorId };
}

type AgentCommandType =
  | 'conversation.resolve'
  | 'conversation.hand_back'
  | 'conversation.assign'
  | 'presence.set'
  | 'conversation.follow'
  | 'conversation.set_priority'
  | 'message.send';

/** Sends an agent command and waits for its ack or error. */
export async function sendCommand(
  socket: TestSocket,
  type: AgentCommandType,
  data: object,
): Promise<AckFrame | ErrorFrame> {
  const id = nextFrameId();
  socket.send({ type, id, data });
  return socket.waitForAnswer(id);
}

/** Sends an agent command and insists on an ack; returns its data. */
export async function sendAckedCommand(
  socket: TestSocket,
  type: AgentCommandType,
  data: object,
): Promise<AckFrame['data']> {
  const answer = await sendCommand(socket, type, data);
  if (answer.type !== 'ack') throw new Error(`expected an ack to ${type}, got ${JSON.stringify(answer)}`);
  return answer.data;
}

export function waitForAssigned(socket: TestSocket, conversationId: string, timeoutMs = 5_000) {
  return socket.waitFor<AssignedFrame>(
    (frame) => frame.type === 'conversation.assigned' && frame.data.conversationId === conversationId,
    { description: `conversation.assigned for ${conversationId}`, timeoutMs },
  );
}

export function waitForUnassigned(socket: TestSocket, conversationId: string, timeoutMs = 5_000) {
  return socket.waitFor<UnassignedFrame>(
    (frame) => frame.type === 'conversation.unassigned' && frame.data.conversationId === conversationId,
    { description: `conversation.unassigned for ${conversationId}`, timeoutMs },
  );
}

/** Like waitFor, but only frames that arrive after this call count. */
export function waitForNext<T extends ServerFrame>(
  socket: TestSocket,
  predicate: (frame: ServerFrame) => boolean,
  options: { timeoutMs?: number; description?: string } = {},
): Promise<T> {
  const start = socket.frames.length;
  return socket.waitFor<T>((frame) => socket.frames.indexOf(frame) >= start && predicate(frame), options);
}

/** The queue.position frames a visitor socket received for a conversation, oldest first. */
export function queuePositions(socket: TestSocket, conversationId: string): QueuePositionFrame['data'][] {
  return socket.frames
    .filter((frame): frame is QueuePositionFrame => frame.type === 'queue.position')
    .map((frame) => frame.data)
    .filter((data) => data.conversationId === conversationId);
}

export async function assigneeOf(server: TestServer, conversationId: string): Promise<string | null> {
  const row = await server.db
    .selectFrom('conversations')
    .select('assignee_id')
    .where('id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return row.assignee_id;
}

/** Open conversations per assignee in a workspace (assignees with none are absent). */
export async function openCounts(server: TestServer, workspaceId: string): Promise<Map<string, number>> {
  const rows = await server.db
    .selectFrom('conversations')
    .select(['assignee_id', sql<number>`count(*)::int`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'open')
    .where('assignee_id', 'is not', null)
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.map((row) => [row.assignee_id!, Number(row.n)]));
}

export interface StoredDecision {
  outcome: 'assigned' | 'queued' | 'returned';
  reason: string;
  chosen_user_id: string | null;
  candidates: unknown[];
}

/** The conversation's routing decisions, oldest first. */
export async function decisionsOf(server: TestServer, conversationId: string): Promise<StoredDecision[]> {
  const rows = await server.db
    .selectFrom('routing_decisions')
    .select(['outcome', 'reason', 'chosen_user_id', 'candidates'])
    .where('conversation_id', '=', conversationId)
    .orderBy('decided_at')
    .execute();
  return rows.map((row) => ({
    ...row,
    candidates: typeof row.candidates === 'string' ? JSON.parse(row.candidates) : row.candidates,
  }));
}

/** How many conversation.assigned events the conversation has in its log. */
export async function countAssignedEvents(server: TestServer, conversationId: string): Promise<number> {
  const row = await server.db
    .selectFrom('conversation_events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('conversation_id', '=', conversationId)
    .where('type', '=', 'conversation.assigned')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Waits until the conversation has a routing decision with this outcome (routing runs after the ack). */
export async function waitForDecision(
  server: TestServer,
  conversationId: string,
  outcome: StoredDecision['outcome'],
  timeoutMs = 5_000,
): Promise<StoredDecision> {
  let found: StoredDecision | undefined;
  await eventually(async () => {
    found = (await decisionsOf(server, conversationId)).find((decision) => decision.outcome === outcome);
    if (!found) throw new Error(`no "${outcome}" routing decision for ${conversationId}`);
  }, timeoutMs);
  return found!;
}

/**
 * Holds the inbox's routing lock (the advisory lock routeConversation takes, keyed as in route-conversation.ts)
 * until the returned release is called. On PGlite, whose single connection the holding transaction keeps,
 * every other database call of the server waits too, in arrival order.
 */
export async function holdRoutingLock(server: TestServer, inboxId: string): Promise<() => Promise<void>> {
  const hold = await holdTransaction(server.db, (trx) =>
    sql`select pg_advisory_xact_lock(hashtext(${`route:${inboxId}`}))`.execute(trx),
  );
  return hold.release;
}

/** How many of these conversations have at least one routing decision (their first routing has finished). */
export async function countDecided(server: TestServer, conversationIds: readonly string[]): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const row = await server.db
    .selectFrom('routing_decisions')
    .select(sql<number>`count(distinct conversation_id)::int`.as('n'))
    .where('conversation_id', 'in', conversationIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
