// The strict-CSP example: the same snippet as plain-html/, served with a Content-Security-Policy header
// and a fresh nonce per response, in the two shapes a site may use (widget/README.md explains each part):
//   /csp/strict-dynamic   script-src 'nonce-…' 'strict-dynamic'  (what trusted code loads is trusted)
//   /csp/allowlist        script-src 'nonce-…' <api origin>       (the api origin listed by name)
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const VARIANTS = new Set(['strict-dynamic', 'allowlist']);
const template = join(import.meta.dirname, 'index.html');

/**
 * The policy for one response. `apiUrl` is Parley's api (http(s)://host[:port]); its socket is ws(s):.
 * `logoOrigin` is where the inbox's logo lives (Settings → Appearance), if it has one.
 */
export function strictCsp(variant, nonce, apiUrl, logoOrigin = process.env.PARLEY_LOGO_ORIGIN ?? '') {
  const api = new URL(apiUrl).origin;
  const socket = api.replace(/^http/, 'ws');
  const scripts = variant === 'strict-dynamic' ? `'nonce-${nonce}' 'strict-dynamic'` : `'nonce-${nonce}' ${api}`;
  return [
    "default-src 'none'",
    `script-src ${scripts}`,
    "style-src 'self'",
    `connect-src ${api} ${socket}`,
    `img-src 'self' blob:${logoOrigin ? ` ${logoOrigin}` : ''}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Answers /csp/<variant>; false for any other path. */
export async function handleStrictCspPage(response, pathname, { apiUrl, siteKey }) {
  const variant = /^\/csp\/([a-z-]+)\/?$/.exec(pathname)?.[1];
  if (!variant || !VARIANTS.has(variant)) return false;
  const nonce = randomBytes(16).toString('base64');
  const policy = strictCsp(variant, nonce, apiUrl);
  let body = (await readFile(template, 'utf8'))
    .replaceAll('{{CSP_NONCE}}', nonce)
    .replace(
      '{{CSP_HEADER_TEXT}}',
      escapeHtml(`Content-Security-Policy:\n  ${policy.replace(nonce, '…').split('; ').join(';\n  ')}`),
    )
    .replaceAll('{{PARLEY_API_URL}}', apiUrl)
    .replaceAll('{{PARLEY_SITE_KEY}}', siteKey);
  if (!siteKey) body = body.replace('class="setup-note" hidden', 'class="setup-note"');
  response.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': policy,
  });
  response.end(body);
  return true;
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
