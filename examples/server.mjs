// A stand-in for a customer's web server: serves the example pages from their own origin and fills
// the Parley snippet's api URL and site key in, as a site's templates would. Uses only Node itself.
//   /        plain-html/: a static site with the snippet
//   /app/    spa-identify/public/: a single-page app with sign-in, whose backend (spa-identify/accounts.mjs)
//            computes the identity hash for Parley('identify', …)
//   /csp/…   strict-csp/: the snippet under a strict Content-Security-Policy header (two variants)
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { handleAccountsApi, sessionView, userOfRequest } from './spa-identify/accounts.mjs';
import { handleStrictCspPage } from './strict-csp/csp-page.mjs';

const port = Number(process.env.EXAMPLES_PORT ?? 3001);
const host = process.env.EXAMPLES_HOST ?? 'localhost';
const apiUrl = (process.env.PARLEY_API_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const siteRoot = join(import.meta.dirname, 'plain-html');
const appRoot = join(import.meta.dirname, 'spa-identify', 'public');
const SITE_KEY_COOKIE = 'parley_example_site_key';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};

/** The site key comes from the console's "Open the example site" link once, then from a cookie. */
function siteKeyOf(url, cookieHeader) {
  const fromQuery = url.searchParams.get('siteKey');
  const fromCookie = /(?:^|;\s*)parley_example_site_key=([^;]+)/.exec(cookieHeader ?? '')?.[1];
  const key = fromQuery ?? fromCookie ?? process.env.PARLEY_SITE_KEY ?? '';
  return /^[A-Za-z0-9_-]{1,64}$/.test(key) ? key : '';
}

/** JSON that is safe inside an inline <script>: no "</script>" or "<!--" can close or confuse it. */
function inlineJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Which file answers a path: the app's own files under /app/, and its index.html for every other
 * /app/ path (history.pushState routes such as /app/orders load the same page).
 */
function resolveFile(pathname) {
  if (pathname === '/app' || pathname.startsWith('/app/')) {
    const rest = normalize(pathname.slice('/app'.length) || '/');
    return { root: appRoot, path: extname(rest) ? rest : '/index.html', isApp: true };
  }
  return { root: siteRoot, path: normalize(pathname === '/' ? '/index.html' : pathname), isApp: false };
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', `http://${request.headers.host}`);
  try {
    if (await handleAccountsApi(request, response, url.pathname)) return;
    if (await handleStrictCspPage(response, url.pathname, { apiUrl, siteKey: siteKeyOf(url, request.headers.cookie) }))
      return;
  } catch (error) {
    console.error(error);
    return send(response, 500, 'text/plain', 'Server error');
  }
  const { root, path, isApp } = resolveFile(url.pathname);
  const type = types[extname(path)];
  if (!type || path.includes('..')) return send(response, 404, 'text/plain', 'Not found');
  let body;
  try {
    body = await readFile(join(root, path), 'utf8');
  } catch {
    return send(response, 404, 'text/plain', 'Not found');
  }
  const headers = {};
  if (type.startsWith('text/html')) {
    const siteKey = siteKeyOf(url, request.headers.cookie);
    if (url.searchParams.has('siteKey') && siteKey)
      headers['set-cookie'] = `${SITE_KEY_COOKIE}=${siteKey}; Path=/; SameSite=Lax`;
    body = body.replaceAll('{{PARLEY_API_URL}}', apiUrl).replaceAll('{{PARLEY_SITE_KEY}}', siteKey);
    if (!siteKey) body = body.replace('class="setup-note" hidden', 'class="setup-note"');
    if (isApp) {
      // A signed-in user is identified in the snippet itself, before widget.js loads, so even the first
      // session call of the page view carries the identity. Signing in later is done by the page's script.
      const session = sessionView(userOfRequest(request));
      const identify = session.parley
        ? `Parley('identify',${inlineJson(session.parley)});Parley('setAttributes',${inlineJson({ plan: session.user.plan })});`
        : '';
      body = body.replace('/*{{PARLEY_IDENTIFY}}*/', identify).replace('{{ACME_SESSION}}', inlineJson(session));
    }
  }
  send(response, 200, type, body, headers);
});

function send(response, status, type, body, headers = {}) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  response.end(body);
}

server.listen(port, host, () => console.log(`Example site at http://localhost:${server.address().port}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
