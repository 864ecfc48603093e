/**
 * One workspace for the run, set up as a customer would: the owner signs up (which makes the workspace and
 * its inbox), the other agents sign up too and are then moved into the owner's workspace through the
 * database, as api/src/testing/move-agent.ts does (there is no invitation route yet).
 */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '@parley/db';
import { moveAgentToWorkspace } from '../../api/src/testing/move-agent.ts';
import type { AgentLogin } from './messages.ts';

const PASSWORD = 'bench: correct horse battery staple';

export interface BenchWorkspace {
  workspaceId: string;
  inboxId: string;
  siteKey: string;
  /** Owner first. */
  agents: AgentLogin[];
}

let ipCounter = 0;
/** Setup requests come from 10.250.x.x; the load generator's visitors use other addresses. */
function nextSetupIp(): string {
  ipCounter += 1;
  return `10.250.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function request<T>(
  apiUrl: string,
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: T }> {
  const headers: Record<string, string> = { origin: apiUrl, 'x-forwarded-for': nextSetupIp() };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}

interface Me {
  user: { id: string };
  workspace: { id: string };
}

async function signUp(apiUrl: string, n: number, runId: string): Promise<AgentLogin & { workspaceId: string }> {
  const response = await request<Me>(apiUrl, 'POST', '/v1/auth/signup', {
    body: { email: `agent${n}-${runId}@bench.test`, password: PASSWORD, name: `Agent ${n}`, workspaceName: 'Bench' },
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('parley_session=')) ?? '';
  const token = /^parley_session=([^;]*)/.exec(setCookie)?.[1];
  if (!token) throw new Error('signup set no session cookie');
  return { userId: response.body.user.id, cookie: `parley_session=${token}`, workspaceId: response.body.workspace.id };
}

/**
 * Signs up `count` agents over HTTP (the first is the owner) and prepares the owner's inbox: automatic
 * routing, capacity 100 per agent (so 50 agents hold 5,000 conversations), never reassigned for want of a reply.
 */
export async function signUpWorkspace(apiUrl: string, count: number): Promise<BenchWorkspace & { others: string[] }> {
  const runId = randomBytes(4).toString('hex');
  const owner = await signUp(apiUrl, 1, runId);
  const inboxes = await request<{ inboxes: Array<{ id: string; siteKey: string }> }>(apiUrl, 'GET', '/v1/inboxes', {
    cookie: owner.cookie,
  });
  const inbox = inboxes.body.inboxes[0];
  if (inboxes.status !== 200 || !inbox) throw new Error(`no inbox: ${inboxes.status}`);
  const patched = await request(apiUrl, 'PATCH', `/v1/inboxes/${inbox.id}`, {
    cookie: owner.cookie,
    body: { routing: { mode: 'auto', defaultCapacity: 100, reassignAfterSeconds: null } },
  });
  if (patched.status !== 200) throw new Error(`inbox update failed: ${patched.status} ${JSON.stringify(patched.body)}`);
  const agents: AgentLogin[] = [{ userId: owner.userId, cookie: owner.cookie }];
  // A few at a time: each signup hashes a password with Argon2id (19 MiB, t=2), which is slow on purpose.
  for (let n = 2; n <= count; n += 4) {
    const batch = Array.from({ length: Math.min(4, count - n + 1) }, (_, i) => signUp(apiUrl, n + i, runId));
    for (const agent of await Promise.all(batch)) agents.push({ userId: agent.userId, cookie: agent.cookie });
  }
  return {
    workspaceId: owner.workspaceId,
    inboxId: inbox.id,
    siteKey: inbox.siteKey,
    agents,
    others: agents.slice(1).map((agent) => agent.userId),
  };
}

/** Makes these agents members of the owner's workspace and inbox (their sessions stay valid); answers the inbox's member count. */
export async function moveIntoWorkspace(
  handle: DbHandle,
  userIds: readonly string[],
  workspace: { workspaceId: string; inboxId: string },
): Promise<number> {
  for (const userId of userIds) await moveAgentToWorkspace(handle.db, userId, workspace.workspaceId);
  const members = await handle.db
    .selectFrom('inbox_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('inbox_id', '=', workspace.inboxId)
    .executeTakeFirstOrThrow();
  return Number(members.n);
}
