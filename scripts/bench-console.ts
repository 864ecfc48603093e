// The console's timeline in a real browser: a 10,000-message conversation against a 50-message baseline.
//
//   pnpm bench:console            # needs `pnpm build` first and the Postgres at TEST_DATABASE_URL
//   pnpm bench:console --runs=7   # opens and switches measured this many times (median printed)
//
// Starts the real stack (api serving the built console, example site) on loopback, seeds the histories
// straight into Postgres, drives /usr/bin/chromium and prints one table. Every wait is bounded.

process.env.PARLEY_TEST_DB = 'postgres';

import { createDb } from '@parley/db';
import type { Page } from 'playwright-core';
import type { InboxList, Me } from '../api/src/protocol/index.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { callAsConsole } from '../e2e/support/console-helpers.ts';
import { seedLongHistory } from '../e2e/support/long-history.ts';
import { signUpThroughConsole } from '../e2e/support/parley-pages.ts';
import { startStack } from '../e2e/support/stack.ts';
import { VisitorSocket } from '../e2e/support/visitor-socket.ts';

const RUNS = Math.min(15, Math.max(1, Number(/^--runs=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 5)));
const SIZES = { large: 10_000, medium: 300, baseline: 50 } as const;
const SCROLL_MESSAGES = 2_000;
const STEP_TIMEOUT_MS = 30_000;
const SCROLL_BUDGET_MS = 60_000;
/** The seq `?at=` opens at: far back in the large conversation. */
const AT_SEQ = 23;
/** Opening at AT_SEQ reads every page before it (20 of 500 events for the large one). */
const OPEN_AT_TIMEOUT_MS = 120_000;

interface Figures {
  openMs: number;
  switchMs: number;
  /** Opening at `?at=AT_SEQ` (a search hit far back) until that message is focused. */
  openAtMs: number;
  /** Timeline rows (`[data-seq]`) in the DOM with the newest message in view. */
  rowsOpen: number;
  frameP50: number;
  frameP95: number;
  longTasks: number;
  scrolledRows: number;
  domNodes: number;
  heapMb: number;
}

async function main() {
  const stack = await startStack();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signUpThroughConsole(page, stack.apiUrl, {
      email: 'bench@example.com',
      name: 'Bench Agent',
      workspace: 'Bench',
    });
    const me = await callAsConsole<Me>(page, stack.apiUrl, 'GET', '/v1/me');
    const { inboxes } = await callAsConsole<InboxList>(page, stack.apiUrl, 'GET', '/v1/inboxes');
    const siteKey = inboxes[0]?.siteKey;
    if (!siteKey) throw new Error('signup made no inbox');

    const ids: Record<keyof typeof SIZES, string> = { large: '', medium: '', baseline: '' };
    const handle = await createDb({ databaseUrl: stack.database.env.DATABASE_URL });
    try {
      for (const name of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
        const visitor = await VisitorSocket.connect(stack, siteKey);
        const first = await visitor.send(`Hello from the ${name} conversation`);
        await visitor.close();
        const started = performance.now();
        await seedLongHistory(handle.db, {
          id: first.conversationId,
          visitorId: first.sender.id ?? null,
          agentId: me.user.id,
          lastSeq: SIZES[name],
        });
        console.error(`seeded ${SIZES[name]} events in ${Math.round(performance.now() - started)} ms`);
        ids[name] = first.conversationId;
      }
    } finally {
      await handle.close();
    }

    const results: Record<string, Figures> = {};
    results.baseline = await measure(page, stack.apiUrl, ids.baseline, SIZES.baseline, ids.medium);
    results.large = await measure(page, stack.apiUrl, ids.large, SIZES.large, ids.medium);
    printTable(results);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function measure(page: Page, apiUrl: string, id: string, lastSeq: number, otherId: string): Promise<Figures> {
  // Shown and inside the timeline's view (rendered is not enough: Virtuoso renders rows beyond the view).
  const newest = (seq: number) =>
    page.waitForFunction(NEWEST_IN_VIEW, seq, { timeout: STEP_TIMEOUT_MS, polling: 'raf' });

  const opens: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${apiUrl}/conversations/${otherId}`);
    await newest(SIZES.medium);
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${apiUrl}/conversations/${id}`);
    await newest(lastSeq);
    opens.push(Date.now() - started);
  }

  await page.screenshot({ path: `e2e/screenshots/bench-console-${lastSeq}-open.png` });
  const rowsOpen = (await page.evaluate("document.querySelectorAll('.timeline [data-seq]').length")) as number;

  const openAts: number[] = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${apiUrl}/conversations/${id}?at=${AT_SEQ}`);
    await page.waitForFunction((seq) => document.activeElement?.getAttribute('data-seq') === String(seq), AT_SEQ, {
      timeout: OPEN_AT_TIMEOUT_MS,
      polling: 50,
    });
    openAts.push(Date.now() - started);
  }
  await page.screenshot({ path: `e2e/screenshots/bench-console-${lastSeq}-at-${AT_SEQ}.png` });
  await page.goto(`${apiUrl}/conversations/${id}`);
  await newest(lastSeq);

  const switches: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    for (const [target, seq] of [
      [otherId, SIZES.medium],
      [id, lastSeq],
    ] as const) {
      const started = Date.now();
      await page.evaluate((path) => {
        const link = document.querySelector<HTMLAnchorElement>(`a[href^="${path}"]`);
        if (!link) throw new Error(`no conversation row for ${path}`);
        link.click();
      }, `/conversations/${target}`);
      await newest(seq);
      if (target === id) switches.push(Date.now() - started);
    }
  }

  const options = { rows: Math.min(SCROLL_MESSAGES, lastSeq - 10), lastSeq, budgetMs: SCROLL_BUDGET_MS };
  const scroll = (await page.evaluate(`(${SCROLL_UP_THROUGH})(${JSON.stringify(options)})`)) as ScrollFigures;
  await page.screenshot({ path: `e2e/screenshots/bench-console-${lastSeq}-scrolled.png` });
  if (process.env.BENCH_TRACE) console.error(JSON.stringify(scroll));
  const domNodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
  const heapBytes = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : NaN')) as number;
  const heapMb = heapBytes / 1_048_576;
  return {
    openMs: median(opens),
    switchMs: median(switches),
    openAtMs: median(openAts),
    rowsOpen,
    ...scroll,
    domNodes,
    heapMb,
  };
}

/** Runs in the page: the row of `seq` is visible (not hidden) and its box lies within the timeline's. */
function NEWEST_IN_VIEW(seq: number): boolean {
  const timeline = document.querySelector('.timeline');
  const row = timeline?.querySelector(`[data-seq="${seq}"]`);
  if (!timeline || !row?.checkVisibility({ visibilityProperty: true })) return false;
  const box = row.getBoundingClientRect();
  const view = timeline.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

/**
 * Runs in the page: scrolls the timeline up a step per frame until `rows` messages passed, timing each
 * frame. Kept as source text: tsx would wrap named functions in a helper the page does not have.
 */
const SCROLL_UP_THROUGH = `(options) => new Promise((resolve) => {
  const timeline = document.querySelector('.timeline');
  const targetSeq = options.lastSeq - options.rows;
  const frames = [];
  const trace = [];
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => { longTasks += list.getEntries().length; });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  let previous = started;
  const oldestShown = () => {
    const seqs = Array.from(timeline.querySelectorAll('[data-seq]'), (row) => Number(row.dataset.seq));
    return seqs.length ? Math.min(...seqs) : options.lastSeq;
  };
  const step = (now) => {
    frames.push(now - previous);
    previous = now;
    timeline.scrollTop -= 120;
    if (frames.length < 12) trace.push(Math.round(timeline.scrollTop) + '/' + timeline.scrollHeight);
    const oldest = oldestShown();
    if (oldest > targetSeq && now - started < options.budgetMs) return requestAnimationFrame(step);
    observer.disconnect();
    const sorted = frames.slice(1).sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    resolve({ trace, frameP50: at(0.5), frameP95: at(0.95), longTasks, scrolledRows: options.lastSeq - oldest });
  };
  requestAnimationFrame(step);
})`;

interface ScrollFigures {
  frameP50: number;
  frameP95: number;
  longTasks: number;
  scrolledRows: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function printTable(results: Record<string, Figures>) {
  const rows: [string, (f: Figures) => string][] = [
    [`open until newest visible, median of ${RUNS} (ms)`, (f) => String(f.openMs)],
    [`switch from the ${SIZES.medium}-message one, median (ms)`, (f) => String(f.switchMs)],
    [`open at ?at=${AT_SEQ} until it is focused, median (ms)`, (f) => String(f.openAtMs)],
    ['timeline rows in the DOM, newest in view', (f) => String(f.rowsOpen)],
    ['scroll up: messages passed', (f) => String(f.scrolledRows)],
    ['scroll up: frame p50 (ms)', (f) => f.frameP50.toFixed(1)],
    ['scroll up: frame p95 (ms)', (f) => f.frameP95.toFixed(1)],
    ['scroll up: long tasks', (f) => String(f.longTasks)],
    ['DOM nodes, conversation open', (f) => String(f.domNodes)],
    ['JS heap used (MB)', (f) => f.heapMb.toFixed(1)],
  ];
  const baseline = results.baseline;
  const large = results.large;
  if (!baseline || !large) return;
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`${'figure'.padEnd(width)} | ${SIZES.baseline} msgs (baseline) | ${SIZES.large} msgs`);
  console.log(`${'-'.repeat(width)}-|--------------------|-----------`);
  for (const [label, format] of rows) {
    console.log(`${label.padEnd(width)} | ${format(baseline).padStart(18)} | ${format(large).padStart(10)}`);
  }
}

await main();
