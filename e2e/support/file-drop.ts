import type { CDPSession, Locator, Page } from 'playwright-core';

// Drag-and-drop of files and a slow upload link, for the widget's attachment tests.

export interface DroppedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

export interface DropOutcome {
  /** The page cancelled dragover: a browser then lets the drop happen (otherwise it never fires). */
  isDragOverAccepted: boolean;
  /** The page cancelled the drop: the browser does not open the file in place of the host page. */
  isDropHandled: boolean;
}

/**
 * Drags `files` (or, with none, a piece of text) from outside the page over `target` and lets go there:
 * real DragEvents (dragenter, dragover, then drop, or dragleave when dragover was not cancelled, as a
 * browser does) carrying one DataTransfer of File objects built in the page, bubbling out of the
 * widget's shadow root.
 */
export async function dropOnto(target: Locator, files: DroppedFile[], text?: string): Promise<DropOutcome> {
  const page = target.page();
  const encoded = files.map((file) => ({ ...file, buffer: file.buffer.toString('base64') }));
  const dataTransfer = await page.evaluateHandle(
    ([list, plain]) => {
      const data = new DataTransfer();
      for (const file of list) {
        const bytes = Uint8Array.from(atob(file.buffer), (char) => char.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.mimeType }));
      }
      if (plain !== undefined) data.setData('text/plain', plain);
      return data;
    },
    [encoded, text] as const,
  );
  const box = await target.boundingBox();
  const point = { x: (box?.x ?? 0) + (box?.width ?? 0) / 2, y: (box?.y ?? 0) + (box?.height ?? 0) / 2 };
  try {
    return await target.evaluate(
      (element, { data, x, y }) => {
        const fire = (type: string) => {
          const init = { dataTransfer: data, bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y };
          const event = new DragEvent(type, init);
          element.dispatchEvent(event);
          return event.defaultPrevented;
        };
        fire('dragenter');
        const isDragOverAccepted = fire('dragover');
        if (!isDragOverAccepted) {
          fire('dragleave');
          return { isDragOverAccepted, isDropHandled: false };
        }
        return { isDragOverAccepted, isDropHandled: fire('drop') };
      },
      { data: dataTransfer, ...point },
    );
  } finally {
    await dataTransfer.dispose();
  }
}

/** Throttles the page's uploads to `bytesPerSecond` (Chromium's own network emulation); call the result to undo it. */
export async function throttleUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  };
}

/** A PDF of about `bytes` bytes (a real header and trailer around a long comment), as a scanned invoice might be. */
export function makePdf(bytes: number): Buffer {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
  const tail = 'trailer << /Root 1 0 R >>\n%%EOF\n';
  const filler = Math.max(0, bytes - head.length - tail.length - 2);
  return Buffer.concat([Buffer.from(`${head}%`), Buffer.alloc(filler, 'x'), Buffer.from(`\n${tail}`)]);
}
