// The backend of the single-page-app example: an in-memory user list, cookie sessions, and the one thing
// Parley needs from a site's server for identity verification: hash = hex HMAC-SHA256(secret, user id).
// The secret stays here; the browser only ever gets the hash of its own signed-in user.
import { createHmac, randomBytes } from 'node:crypto';

const SESSION_COOKIE = 'acme_session';

/** The site's users. A real site has a database and hashed passwords; this is an example. */
const users = [
  { id: 'u_1001', email: 'ann@acme.test', password: 'ride-on', name: 'Ann Rider', plan: 'Commuter' },
  { id: 'u_1002', email: 'ben@acme.test', password: 'ride-on', name: 'Ben Cargo', plan: 'Cargo' },
];

/** session id → user id; forgotten when the server restarts. */
const sessions = new Map();

/**
 * The inbox's identity secret (console: Settings → Identity verification, or GET /v1/inboxes/:id/identity).
 * From PARLEY_IDENTITY_SECRET, or set later by POST /app/api/identity-secret (see handleAccountsApi).
 */
let identitySecret = process.env.PARLEY_IDENTITY_SECRET ?? '';

/** What the page passes to Parley('identify', …) for a user, or null without a secret. */
export function parleyIdentityOf(user) {
  if (!identitySecret) return null;
  const hash = createHmac('sha256', identitySecret).update(user.id, 'utf8').digest('hex');
  return { id: user.id, hash, email: user.email, name: user.name };
}

function publicUser(user) {
  return { id: user.id, email: user.email, name: user.name, plan: user.plan };
}

function sessionIdOf(request) {
  return /(?:^|;\s*)acme_session=([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? '')?.[1];
}

/** The signed-in user of a request (from its session cookie), or null. */
export function userOfRequest(request) {
  const sessionId = sessionIdOf(request);
  const userId = sessionId ? sessions.get(sessionId) : undefined;
  return users.find((user) => user.id === userId) ?? null;
}

/** What the page gets about its session: the user and their Parley identity (never the secret). */
export function sessionView(user) {
  return user ? { user: publicUser(user), parley: parleyIdentityOf(user) } : { user: null, parley: null };
}

async function readJson(request) {
  let text = '';
  for await (const chunk of request) {
    text += chunk;
    if (text.length > 10_000) throw new Error('too large');
  }
  return JSON.parse(text || '{}');
}

function isLoopback(request) {
  return ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
}

function json(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

/**
 * /app/api/*: me, login, logout, and identity-secret. Returns false for any other path.
 * Every POST must be JSON: a page on another origin cannot send that without a CORS preflight,
 * which this server never approves, so other sites cannot sign people in or out here.
 */
export async function handleAccountsApi(request, response, pathname) {
  if (!pathname.startsWith('/app/api/')) return false;
  const route = `${request.method} ${pathname.slice('/app/api'.length)}`;
  if (route === 'GET /me') {
    json(response, 200, sessionView(userOfRequest(request)));
    return true;
  }
  if (request.method === 'POST' && !(request.headers['content-type'] ?? '').startsWith('application/json')) {
    json(response, 415, { error: 'Send JSON.' });
    return true;
  }
  let body;
  try {
    body = await readJson(request);
  } catch {
    json(response, 400, { error: 'Send a JSON object.' });
    return true;
  }
  if (route === 'POST /login') {
    const user = users.find(
      (u) =>
        u.email ===
        String(body.email ?? '')
          .trim()
          .toLowerCase(),
    );
    if (!user || user.password !== body.password) {
      json(response, 401, { error: 'Wrong email or password.' });
      return true;
    }
    const sessionId = randomBytes(24).toString('base64url');
    sessions.set(sessionId, user.id);
    json(response, 200, sessionView(user), {
      'set-cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`,
    });
    return true;
  }
  if (route === 'POST /logout') {
    const sessionId = sessionIdOf(request);
    if (sessionId) sessions.delete(sessionId);
    json(response, 200, sessionView(null), {
      'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
    });
    return true;
  }
  if (route === 'POST /identity-secret') {
    // A development convenience: the secret exists only once someone has signed up in the console, so a
    // script (the e2e tests) may hand it over later. Only from this machine; a real site reads it from
    // its own configuration and has no such endpoint.
    if (!isLoopback(request)) {
      json(response, 403, { error: 'Only from this machine.' });
      return true;
    }
    if (typeof body.secret !== 'string' || !/^[0-9a-f]{64}$/.test(body.secret)) {
      json(response, 400, { error: 'secret must be the 64 hex characters the console shows.' });
      return true;
    }
    identitySecret = body.secret;
    json(response, 204);
    return true;
  }
  json(response, 404, { error: 'Not found' });
  return true;
}
