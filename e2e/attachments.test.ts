import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConversationList } from '../api/src/protocol/index.ts';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { callAsConsole, expectNoSeriousA11yViolations, saveLightAndDark } from './support/console-helpers.ts';
import {
  eventually,
  expectMessageOnce,
  newWatchedContext,
  openWidget,
  sendFromWidget,
  signUpThroughConsole,
  waitForPanelSettled,
} from './support/parley-pages.ts';
import { type Stack, startStack } from './support/stack.ts';

// Files both ways through the real widget, console and api: a visitor on the example site attaches an
// image with the file picker and pastes a screenshot; the agent sees the thumbnails and downloads one;
// the agent sends a PDF and the visitor gets a file card; an HTML page named .png is refused with the
// api's reason shown. On a desktop and on a phone.
let stack: Stack;
let browser: Browser;
let agent: Page;
let visitor: Page;
let visitorContext: BrowserContext;
let exampleSiteLink = '';
let conversationId = '';
const dialogs: string[] = [];
const IMAGE_NAME = 'broken mug <img src=x onerror=alert(1)> "photo".png';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

beforeAll(async () => {
  stack = await startStack();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A real PNG drawn by the browser: a product photo stand-in with a gradient and a label. */
async function drawPng(page: Page, width: number, height: number, label: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h, text]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      const gradient = context.createLinearGradient(0, 0, w, h);
      gradient.addColorStop(0, '#6366f1');
      gradient.addColorStop(1, '#f59e0b');
      context.fillStyle = gradient;
      context.fillRect(0, 0, w, h);
      context.fillStyle = '#ffffff';
      context.font = 'bold 36px sans-serif';
      context.fillText(text, 24, h / 2);
      return canvas.toDataURL('image/png');
    },
    [width, height, label] as const,
  );
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

async function newestConversationId(): Promise<string> {
  let id = '';
  await eventually(async () => {
    const { conversations } = await callAsConsole<ConversationList>(
      agent,
      stack.apiUrl,
      'GET',
      '/v1/conversations?status=all',
    );
    id = conversations[0]?.id ?? '';
    expect(id).not.toBe('');
  });
  return id;
}

test('a visitor attaches an image with the file picker and pastes a screenshot; both arrive as thumbnails', async () => {
  agent = await (await newWatchedContext(browser, dialogs)).newPage();
  await agent.setViewportSize({ width: 1440, height: 900 });
  await signUpThroughConsole(agent, stack.apiUrl, { email: 'fay@acme.test', name: 'Fay Agent', workspace: 'Acme' });
  await agent.getByTestId('nav-settings').click();
  exampleSiteLink = (await agent.getByTestId('example-site-link').getAttribute('href')) ?? '';

  visitorContext = await newWatchedContext(browser, dialogs);
  visitor = await visitorContext.newPage();
  await visitor.setViewportSize({ width: 1280, height: 860 });
  await visitor.goto(exampleSiteLink);
  await openWidget(visitor);
  await sendFromWidget(visitor, 'The mug arrived broken, here is a photo.');
  await expectMessageOnce(visitor, 'The mug arrived broken, here is a photo.');

  const photo = await drawPng(visitor, 640, 420, 'Broken mug');
  await visitor.getByTestId('parley-attach').setInputFiles({ name: IMAGE_NAME, mimeType: 'image/png', buffer: photo });
  await eventually(async () => expect(await visitor.getByTestId('parley-thumbnail').count()).toBe(1));

  const screenshot = await drawPng(visitor, 480, 300, 'Order #1042');
  await visitor.getByTestId('parley-composer').evaluate((input, base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, screenshot.toString('base64'));
  await eventually(async () => expect(await visitor.getByTestId('parley-thumbnail').count()).toBe(2));
  // Thumbnails are the visitor's own bytes read back with the token (blob: URLs), drawn at their size.
  await eventually(async () =>
    expect(
      await visitor
        .getByTestId('parley-thumbnail')
        .locator('img')
        .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)),
    ).toEqual([640, 480]),
  );
  await waitForPanelSettled(visitor);
  await saveScreenshot(visitor, 'attachments-widget-images');
  await expectNoSeriousA11yViolations(visitor, 'the widget with image attachments');
});

test('the agent sees both thumbnails and downloads the photo under its name', async () => {
  conversationId = await newestConversationId();
  await agent.goto(`${stack.apiUrl}/conversations/${conversationId}`);
  const thumbnails = agent.getByTestId('attachment-thumbnail');
  await eventually(async () => expect(await thumbnails.count()).toBe(2));
  await eventually(async () =>
    expect(
      await thumbnails
        .locator('img')
        .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).naturalWidth)),
    ).toEqual([640, 480]),
  );
  // The name is text: no element made of it.
  expect(await agent.locator('[data-testid="attachments"] img[src="x"]').count()).toBe(0);
  expect(await thumbnails.first().locator('img').getAttribute('alt')).toBe(IMAGE_NAME);

  const [download] = await Promise.all([agent.waitForEvent('download'), thumbnails.first().click()]);
  // The browser may replace characters it will not put in a file name; the name is otherwise the visitor's.
  expect(download.suggestedFilename()).toMatch(/^broken mug .img src=x onerror=alert\(1\). .photo.\.png$/);
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  await saveLightAndDark(agent, 'attachments-console-thumbnails');
  await expectNoSeriousA11yViolations(agent, 'the console timeline with thumbnails');
});

test('the agent attaches a PDF with a note of text; the visitor gets a file card and downloads it', async () => {
  await agent
    .getByTestId('attach-input')
    .setInputFiles({ name: 'refund-1042.pdf', mimeType: 'application/pdf', buffer: PDF });
  const chip = agent.getByTestId('upload-chip');
  await eventually(async () => expect(await chip.getAttribute('data-status')).toBe('ready'));
  await saveLightAndDark(agent, 'attachments-console-composer');
  await expectNoSeriousA11yViolations(agent, 'the console composer with an attachment');
  await agent.getByTestId('composer').fill('Here is your refund confirmation.');
  await agent.getByTestId('send').click();
  await eventually(async () => expect(await agent.getByTestId('attachment-card').count()).toBe(1));
  expect(await agent.getByTestId('upload-chip').count()).toBe(0);

  await expectMessageOnce(visitor, 'Here is your refund confirmation.');
  const card = visitor.getByTestId('parley-file-card');
  await card.waitFor();
  expect(await card.textContent()).toContain('refund-1042.pdf');
  const [download] = await Promise.all([visitor.waitForEvent('download'), card.click()]);
  expect(download.suggestedFilename()).toBe('refund-1042.pdf');
  expect((await readFile((await download.path()) ?? '')).subarray(0, 5).toString()).toBe('%PDF-');
  await waitForPanelSettled(visitor);
  await saveScreenshot(visitor, 'attachments-widget-file-card');
  await expectNoSeriousA11yViolations(visitor, 'the widget with a file card');
});

test('an HTML page named .png is refused in the widget and in the console, with the reason shown', async () => {
  const html = Buffer.from('<!doctype html><script>alert("owned")</script>');
  await visitor.getByTestId('parley-attach').setInputFiles({ name: 'cat.png', mimeType: 'image/png', buffer: html });
  const error = visitor.getByTestId('parley-upload-error');
  await error.waitFor();
  expect(await error.textContent()).toContain('cat.png can’t be sent');
  await saveScreenshot(visitor, 'attachments-widget-refused');
  await expectNoSeriousA11yViolations(visitor, 'the widget with a refused file');
  await error.getByRole('button', { name: 'Dismiss' }).click();
  expect(await visitor.getByTestId('parley-upload-error').count()).toBe(0);

  await agent.getByTestId('attach-input').setInputFiles({ name: 'page.png', mimeType: 'image/png', buffer: html });
  const chip = agent.getByTestId('upload-chip');
  await eventually(async () => expect(await chip.getAttribute('data-status')).toBe('failed'));
  expect(await chip.textContent()).toContain('can’t be sent');
  await saveLightAndDark(agent, 'attachments-console-refused');
  await chip.getByRole('button', { name: 'Remove page.png' }).click();
  expect(await agent.getByTestId('upload-chip').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('on a phone: thumbnails and the file card fit the full-screen panel', async () => {
  const phone = await browser.newContext({
    storageState: await visitorContext.storageState(),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await phone.newPage();
  await page.goto(exampleSiteLink);
  await openWidget(page);
  await eventually(async () => expect(await page.getByTestId('parley-thumbnail').count()).toBe(2));
  await page.getByTestId('parley-file-card').waitFor();
  await eventually(async () => expect(await page.getByTestId('parley-thumbnail').locator('img').count()).toBe(2));
  await waitForPanelSettled(page);
  const overflows = await page
    .getByTestId('parley-attachments')
    .evaluateAll((lists) => lists.some((list) => list.scrollWidth > list.clientWidth + 1));
  expect(overflows).toBe(false);
  await saveScreenshot(page, 'attachments-widget-phone');
  await expectNoSeriousA11yViolations(page, 'attachments on a phone');
  await phone.close();
});
