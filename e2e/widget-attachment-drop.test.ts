import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Attachment, ConversationDetail } from '../api/src/protocol/index.ts';
import { expectNoSeriousA11yViolations } from './support/agent-rest.ts';
import { saveScreenshot } from './support/browser.ts';
import { dropOnto, makePdf, throttleUploads } from './support/file-drop.ts';
import { type OnlineAgentStack, startStackWithOnlineAgent } from './support/online-agent-stack.ts';
import { eventually, sendFromWidget, waitForPanelSettled } from './support/parley-pages.ts';
import { conversationEndingWith, drawPng, expectMessageStatus } from './support/widget-states.ts';

// Files dropped on the widget's panel (real DragEvents carrying a DataTransfer of Files), and an upload
// slow enough to watch: Chromium's own network emulation throttles the page's uploads, and the progress
// bar (role=progressbar, aria-valuenow) must rise while the bytes go out. The agent gets the same bytes.
// Real api, the example site, real Chromium; on a desktop and on a phone.
const WAIT_MS = 30_000;
/** A scanned invoice's size, and an upload link slow enough that sending it takes about ten seconds. */
const PDF_BYTES = 640 * 1024;
const UPLOAD_BYTES_PER_SECOND = 64 * 1024;

let online: OnlineAgentStack;

beforeAll(async () => {
  online = await startStackWithOnlineAgent({ email: 'dara@acme.test', name: 'Dara', workspace: 'Acme' });
});

afterAll(async () => {
  await online?.stop();
});

const VARIANTS: { name: string; width: number; options: BrowserContextOptions }[] = [
  { name: 'desktop', width: 1280, options: { viewport: { width: 1280, height: 800 } } },
  { name: 'phone', width: 390, options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

interface ProgressSample {
  percent: number;
  /** The drawn fill's share of the bar, 0–1. */
  fill: number;
}

/** The upload row's progress bar, read until the row is gone; one screenshot once it is well under way. */
async function watchProgress(page: Page, shotName: string): Promise<ProgressSample[]> {
  const bar = page.getByTestId('parley-upload').getByRole('progressbar');
  await bar.waitFor({ timeout: WAIT_MS });
  const samples: ProgressSample[] = [];
  let isShot = false;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if ((await bar.count()) === 0) break;
    const sample = await bar
      .evaluate(
        (element) => {
          const fill = element.firstElementChild?.getBoundingClientRect().width ?? 0;
          return { percent: Number(element.getAttribute('aria-valuenow')), fill: fill / element.clientWidth };
        },
        undefined,
        { timeout: 2000 },
      )
      .catch(() => null);
    if (!sample) break;
    samples.push(sample);
    if (!isShot && sample.percent >= 20 && sample.percent <= 80) {
      isShot = true;
      await saveScreenshot(page, shotName);
      await expectNoSeriousA11yViolations(page, `${shotName}: an upload in progress`);
    }
    await page.waitForTimeout(250);
  }
  return samples;
}

/** The files of the conversation's messages, as the agent's REST api lists them. */
async function attachmentsOf(conversationId: string): Promise<Attachment[]> {
  const detail = await online.agent.call<ConversationDetail>('GET', `/v1/conversations/${conversationId}`);
  return detail.events.flatMap((event) =>
    event.type === 'message.created' ? (event.data.message.attachments ?? []) : [],
  );
}

async function downloadAsAgent(attachment: Attachment): Promise<Buffer> {
  const response = await online.agent.context.request.get(`${online.stack.apiUrl}${attachment.url}`);
  expect(response.status()).toBe(200);
  return response.body();
}

describe.each(VARIANTS)('$name', ({ name, width, options }) => {
  let page: Page;
  let conversationId = '';
  const photoName = `dented-frame-${name}.png`;
  const pdfName = `invoice-scan-${name}.pdf`;
  let photo: Buffer;
  const pdf = makePdf(PDF_BYTES);

  test('a text drag is left alone; a photo dropped on the panel uploads and shows as a thumbnail', async () => {
    const context = await online.browser.newContext({ locale: 'en-GB', ...options });
    page = await context.newPage();
    await page.goto(online.exampleSiteUrl);
    const bubble = page.getByTestId('parley-bubble');
    if (options.hasTouch) await bubble.tap();
    else await bubble.click();
    await page.getByTestId('parley-composer').waitFor({ timeout: WAIT_MS });
    const first = `The frame came dented (${name})`;
    await sendFromWidget(page, first);
    await expectMessageStatus(page, first, 'sent');
    conversationId = await conversationEndingWith(online.agent, first);

    const messages = page.getByTestId('parley-panel').locator('.messages');
    // Text dragged from the host page keeps the browser's default: the widget takes only files.
    expect(await dropOnto(messages, [], 'some selected text')).toEqual({
      isDragOverAccepted: false,
      isDropHandled: false,
    });
    expect(await page.getByTestId('parley-uploads').count()).toBe(0);

    photo = await drawPng(page, `Dent ${name}`);
    expect(await dropOnto(messages, [{ name: photoName, mimeType: 'image/png', buffer: photo }])).toEqual({
      isDragOverAccepted: true,
      isDropHandled: true,
    });
    const thumbnail = page.getByTestId('parley-thumbnail');
    await eventually(async () => expect(await thumbnail.count()).toBe(1), WAIT_MS);
    await eventually(
      async () =>
        expect(
          await thumbnail.locator('img').evaluate((image: HTMLImageElement) => [image.naturalWidth, image.alt]),
        ).toEqual([480, photoName]),
      WAIT_MS,
    );
    expect(await page.getByTestId('parley-uploads').count()).toBe(0);
    await waitForPanelSettled(page);
    await saveScreenshot(page, `attachment-drop-${name}-thumbnail`);
    await expectNoSeriousA11yViolations(page, `a dropped photo (${name})`);
  });

  test('a large PDF dropped on a slow link shows its upload progress rising, then a file card', async () => {
    const unthrottle = await throttleUploads(page, UPLOAD_BYTES_PER_SECOND);
    let samples: ProgressSample[] = [];
    try {
      const composer = page.getByTestId('parley-composer');
      expect(await dropOnto(composer, [{ name: pdfName, mimeType: 'application/pdf', buffer: pdf }])).toEqual({
        isDragOverAccepted: true,
        isDropHandled: true,
      });
      const row = page.getByTestId('parley-upload');
      await row.waitFor({ timeout: WAIT_MS });
      expect(await row.textContent()).toContain(pdfName);
      expect(await row.getByRole('progressbar').getAttribute('aria-label')).toBe(`Uploading ${pdfName}`);
      // The row and its cancel button fit the panel (on a phone: the 390 px screen).
      const rowBox = await row.boundingBox();
      expect((rowBox?.x ?? -1) >= 0 && (rowBox?.x ?? 0) + (rowBox?.width ?? 0) <= width).toBe(true);
      expect(
        await page.getByTestId('parley-uploads').evaluate((tray) => tray.scrollWidth <= tray.clientWidth + 1),
      ).toBe(true);
      samples = await watchProgress(page, `attachment-drop-${name}-progress`);
    } finally {
      await unthrottle();
    }
    const percents = samples.map((sample) => sample.percent);
    const underWay = percents.filter((percent) => percent > 0 && percent < 100);
    // Ten seconds of upload read four times a second: the bar is seen at many steps, each no lower than the last.
    expect(new Set(underWay).size, `progress seen: ${percents.join(', ')}`).toBeGreaterThanOrEqual(4);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const drawn = samples.filter((sample) => sample.percent > 0 && sample.percent < 100);
    expect((drawn.at(-1)?.fill ?? 0) > (drawn[0]?.fill ?? 1), 'the drawn fill grows').toBe(true);

    const card = page.getByTestId('parley-file-card');
    await eventually(async () => expect(await card.count()).toBe(1), WAIT_MS);
    expect(await card.textContent()).toContain(pdfName);
    expect(await card.textContent()).toContain('640 KB');
    await waitForPanelSettled(page);
    await saveScreenshot(page, `attachment-drop-${name}-file-card`);
    await expectNoSeriousA11yViolations(page, `a dropped PDF's file card (${name})`);
  });

  test('the agent gets both files with the bytes the visitor dropped', async () => {
    let files: Attachment[] = [];
    await eventually(async () => {
      files = await attachmentsOf(conversationId);
      expect(files.map((file) => file.name)).toEqual([photoName, pdfName]);
    }, WAIT_MS);
    expect(files.map((file) => [file.contentType, file.size])).toEqual([
      ['image/png', photo.length],
      ['application/pdf', pdf.length],
    ]);
    expect(files[0]).toMatchObject({ width: 480, height: 300 });
    expect((await downloadAsAgent(files[0] as Attachment)).equals(photo)).toBe(true);
    expect((await downloadAsAgent(files[1] as Attachment)).equals(pdf)).toBe(true);
    await page.context().close();
  });
});
