import type { Page, Request } from 'playwright-core';

/** What a page fetched and opened, as far as the widget's budget goes (issue 3). */
export interface WidgetNetwork {
  /** Paths (without query) of the requests the page made to the api, in order. */
  apiPaths(): string[];
  /** Requests to the api, to sum their bytes once they finished. */
  apiRequests(): Request[];
  /** URLs of the WebSockets the page opened. */
  readonly sockets: string[];
  /** URLs of fonts and images the page fetched from anywhere but the host site itself. */
  readonly foreignMedia: string[];
  /** Frames beyond the page itself (an iframe the widget added would be one). */
  frameCount(): number;
}

/** Starts recording before the page loads: call it, then goto. */
export function watchWidgetNetwork(page: Page, urls: { apiUrl: string; siteUrl: string }): WidgetNetwork {
  const requests: Request[] = [];
  const sockets: string[] = [];
  const foreignMedia: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(urls.apiUrl)) requests.push(request);
    const type = request.resourceType();
    if ((type === 'font' || type === 'image') && !url.startsWith(urls.siteUrl)) foreignMedia.push(url);
  });
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return {
    apiPaths: () => requests.map((request) => new URL(request.url()).pathname),
    apiRequests: () => [...requests],
    sockets,
    foreignMedia,
    frameCount: () => page.frames().length - 1,
  };
}

/** Bytes on the wire (headers and the body as sent, compressed or not) of finished requests. */
export async function transferredBytes(requests: Request[]): Promise<number> {
  let total = 0;
  for (const request of requests) {
    const sizes = await request.sizes();
    total += sizes.responseHeadersSize + sizes.responseBodySize;
  }
  return total;
}
