// The widget's weight against issue 3's budgets, from the built files (run `pnpm build` first):
//   node --import tsx scripts/check-widget-size.ts
// Fails (exit 1) when a budget that the design already meets is exceeded; the page-view budget, which
// needs the loader split that is not built yet, is printed as pending rather than failing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSnippet } from '../api/src/presenters/inbox.ts';

const KB = 1024;
const root = resolve(import.meta.dirname, '..');
const widget = readFileSync(resolve(root, 'widget/dist/widget.js'));
const widgetGzip = gzipSync(widget, { level: 9 }).length;
// A realistic snippet: an https host and a site key of the length the api issues.
const snippet = Buffer.byteLength(buildSnippet('https://support.example.com', `pk_${'x'.repeat(24)}`));

const checks = [
  { what: 'snippet the owner pastes', bytes: snippet, budget: 1 * KB, enforced: true },
  { what: 'everything needed to chat (gzip)', bytes: widgetGzip, budget: 30 * KB, enforced: true },
  // widget.js is one file today: a page view downloads all of it.
  { what: 'page view before interaction (gzip)', bytes: widgetGzip, budget: 8 * KB, enforced: false },
];

let failed = false;
for (const { what, bytes, budget, enforced } of checks) {
  const within = bytes <= budget;
  const verdict = within ? 'ok' : enforced ? 'OVER BUDGET' : 'over (pending: needs the loader split)';
  console.log(
    `${what.padEnd(38)} ${String(bytes).padStart(7)} B   budget ${String(budget).padStart(6)} B   ${verdict}`,
  );
  if (!within && enforced) failed = true;
}
console.log(`widget.js raw: ${widget.length} B`);
process.exit(failed ? 1 : 0);
