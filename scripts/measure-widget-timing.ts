// The widget's speed on the example page (issue 3), in the real browser against a real api:
//   pnpm build && pnpm bench:widget          # or: node --import tsx scripts/measure-widget-timing.ts
//   BENCH_WIDGET_LOADS=20 pnpm bench:widget  # more page views (1–50, default 10)
//
// Starts the api and the example site as the e2e tests do (e2e/support/stack.ts; PGlite, or Postgres with
// PARLEY_TEST_DB=postgres), then loads the example page in a fresh browser context each time (a first
// visit: nothing cached) and prints the medians of
//   script tag → bubble visible   from the moment the snippet's script tag starts fetching widget.js
//   click → composer usable       from the click on the bubble to the focused composer
// and what the page downloaded from the api before the visitor did anything. It fails (exit 1) when a
// page view opened a WebSocket or an iframe, or fetched a font, an image or the chat before the click.
// Loopback and an idle machine: the figures show the widget's own work, not a real network.
import type { Browser, Page } from 'playwright-core';
import { signUpAgentOverApi } from '../e2e/support/agent-api.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { startStack } from '../e2e/support/stack.ts';
import { transferredBytes, watchWidgetNetwork } from '../e2e/support/widget-network.ts';

const LOADS = Math.min(Math.max(Number(process.env.BENCH_WIDGET_LOADS ?? 10) || 10, 1), 50);
const HARD_LIMIT_MS = 240_000;
const CHAT_FILE = /\/widget-chat\.[\w-]+\.js$/;

interface PageTiming {
  scriptToBubbleMs: number;
  clickToComposerMs: number;
  bytesBeforeInteraction: number;
}

/**
 * Marks in the page's own clock: when the bubble first has a size, the click, the composer focused.
 * Plain text, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const RECORD_MARKS = `
  const marks = (window.parleyMarks = {});
  const find = (id) => document.querySelector('parley-widget')?.shadowRoot?.querySelector('[data-testid=' + id + ']');
  document.addEventListener('click', () => { marks.click ??= performance.now(); }, true);
  const poll = () => {
    const bubble = find('parley-bubble');
    if (marks.bubble === undefined && bubble && bubble.getBoundingClientRect().width > 0) marks.bubble = performance.now();
    const composer = find('parley-composer');
    if (marks.click !== undefined && composer && composer.getRootNode().activeElement === composer) {
      marks.composer = performance.now();
      return;
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
`;

interface Marks {
  bubble?: number;
  click?: number;
  composer?: number;
  /** When widget.js started to be fetched: the snippet had just added its script tag. */
  script?: number;
}

async function readMarks(page: Page): Promise<Marks> {
  return page.evaluate(() => {
    const marks = (window as unknown as { parleyMarks: Marks }).parleyMarks;
    const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/widget.js'));
    return { ...marks, script: script?.startTime };
  });
}

async function measurePageView(browser: Browser, urls: { apiUrl: string; siteUrl: string }, pageUrl: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: RECORD_MARKS });
    const network = watchWidgetNetwork(page, urls);
    await page.goto(pageUrl);
    const bubble = page.getByTestId('parley-bubble');
    await bubble.waitFor({ timeout: 15_000 });
    // Whatever a page view would fetch by itself has started by now.
    await page.waitForLoadState('networkidle');
    const problems = [
      ...network.sockets.map((url) => `a WebSocket to ${url}`),
      ...network.foreignMedia.map((url) => `a font or image ${url}`),
      ...(network.frameCount() > 0 ? ['an iframe'] : []),
      ...network
        .apiPaths()
        .filter((path) => CHAT_FILE.test(path))
        .map((path) => `the chat ${path}`),
    ];
    if (problems.length > 0)
      throw new Error(`before any interaction the page opened or fetched ${problems.join(', ')}`);
    const bytesBeforeInteraction = await transferredBytes(network.apiRequests());
    const pathsBeforeInteraction = network.apiPaths();

    await bubble.click();
    await page.getByTestId('parley-composer').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => (window as unknown as { parleyMarks: { composer?: number } }).parleyMarks.composer,
    );
    const marks = await readMarks(page);
    if (marks.script === undefined || marks.bubble === undefined || marks.click === undefined) {
      throw new Error(`a mark is missing: ${JSON.stringify(marks)}`);
    }
    return {
      scriptToBubbleMs: marks.bubble - marks.script,
      clickToComposerMs: (marks.composer ?? Number.NaN) - marks.click,
      bytesBeforeInteraction,
      pathsBeforeInteraction,
    };
  } finally {
    await context.close();
  }
}

function summarize(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
  const format = (ms: number) => `${ms.toFixed(0)} ms`;
  return `median ${format(median)}   (min ${format(sorted[0] ?? Number.NaN)}, max ${format(sorted.at(-1) ?? Number.NaN)})`;
}

async function main() {
  const stack = await startStack();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const agent = await signUpAgentOverApi(browser, stack.apiUrl, {
      email: 'bench@acme.test',
      name: 'Bench',
      workspace: 'Acme Bikes',
    });
    const pageUrl = `${stack.siteUrl}/?siteKey=${agent.inbox.siteKey}`;
    // One page view first, not counted: the api and the example site warm up (JIT, database).
    const warmUp = await measurePageView(browser, stack, pageUrl);
    const timings: PageTiming[] = [];
    for (let i = 0; i < LOADS; i++) timings.push(await measurePageView(browser, stack, pageUrl));

    console.log(`Widget on the example page: ${LOADS} first visits (fresh browser context each), Chromium, loopback`);
    console.log(`  script tag → bubble visible   ${summarize(timings.map((t) => t.scriptToBubbleMs))}`);
    console.log(`  click → composer usable       ${summarize(timings.map((t) => t.clickToComposerMs))}`);
    const bytes = timings.map((t) => t.bytesBeforeInteraction);
    console.log(
      `  bytes from the api before any interaction: at most ${Math.max(...bytes)} B, headers included (${warmUp.pathsBeforeInteraction.join(', ')})`,
    );
    console.log('  before any interaction: no WebSocket, no iframe, no font, no image, no chat file');
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

const hardLimit = setTimeout(() => {
  console.error(`bench:widget did not finish within ${HARD_LIMIT_MS / 1000} s`);
  process.exit(1);
}, HARD_LIMIT_MS);
hardLimit.unref();
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
