// The widget's weight against issue 3's budgets, from the built files (run `pnpm build` first):
//   node --import tsx scripts/check-widget-size.ts
// Prints each file's raw and gzip size and fails (exit 1) when a budget is exceeded.
//   page view:  widget.js, the loader every page view downloads before the visitor does anything
//   to chat:    widget.js plus widget-chat.<hash>.js, the chat it loads when the visitor opens it, plus the
//               largest widget-chat.<language>-<hash>.js (the strings of a language other than English)
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSnippet } from '../api/src/presenters/inbox.ts';

const KB = 1024;
const dist = resolve(import.meta.dirname, '../widget/dist');

function measure(fileName: string) {
  const content = readFileSync(resolve(dist, fileName));
  return { fileName, content, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

const loader = measure('widget.js');
const chatFiles = readdirSync(dist).filter((name) => /^widget-chat\.[\w-]+\.js$/.test(name));
// The chat is the file widget.js names; the others are the language chunks the chat imports.
const chat = chatFiles.filter((name) => loader.content.includes(name)).map(measure)[0];
if (!chat) {
  console.error(
    `widget/dist should hold the chat file that widget.js loads; it holds: ${chatFiles.join(', ') || 'none'}`,
  );
  process.exit(1);
}
// Two-letter names are languages. The others load on demand, outside the budgets, each only when its
// moment comes: typing indicators and read receipts once the socket is live, the pre-chat form when the
// inbox asks one, the away form while nobody answers, uploads and previews when a file is picked or shown,
// the sign-in notice when the api refuses the identity, a refused send's reason with Retry and Discard, the
// title notice with the first agent message, the link tokenizer with the first message that may hold a link,
// the chime on the first reply that rings, the rating and past conversations after a resolve.
const isLanguageChunk = (name: string) => /^widget-chat\.[a-z]{2}-[\w-]+\.js$/.test(name);
const languageChunks = chatFiles.filter((name) => name !== chat.fileName && isLanguageChunk(name)).map(measure);
const onDemandChunks = chatFiles.filter((name) => name !== chat.fileName && !isLanguageChunk(name)).map(measure);
const largestLanguage = languageChunks.reduce((largest, file) => (file.gzip > largest.gzip ? file : largest), {
  fileName: 'none',
  gzip: 0,
});

for (const { fileName, raw, gzip } of [loader, chat, ...languageChunks]) {
  console.log(`${fileName.padEnd(28)} raw ${String(raw).padStart(7)} B   gzip ${String(gzip).padStart(7)} B`);
}
for (const { fileName, raw, gzip } of onDemandChunks) {
  console.log(
    `${fileName.padEnd(28)} raw ${String(raw).padStart(7)} B   gzip ${String(gzip).padStart(7)} B   on demand`,
  );
}

// A realistic snippet: an https host and a site key of the length the api issues.
const snippet = Buffer.byteLength(buildSnippet('https://support.example.com', `pk_${'x'.repeat(24)}`));
const checks = [
  { what: 'snippet the owner pastes', bytes: snippet, budget: 1 * KB },
  { what: 'page view before interaction (gzip)', bytes: loader.gzip, budget: 8 * KB },
  {
    what: `everything needed to chat, ${/^widget-chat\.([a-z]+)-/.exec(largestLanguage.fileName)?.[1] ?? 'en'} (gzip)`,
    bytes: loader.gzip + chat.gzip + largestLanguage.gzip,
    budget: 30 * KB,
  },
];

let failed = false;
for (const { what, bytes, budget } of checks) {
  const within = bytes <= budget;
  console.log(
    `${what.padEnd(38)} ${String(bytes).padStart(7)} B   budget ${String(budget).padStart(6)} B   ${within ? 'ok' : 'OVER BUDGET'}`,
  );
  if (!within) failed = true;
}
process.exit(failed ? 1 : 0);
