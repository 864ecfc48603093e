import type { WidgetAvailability, WidgetConfig, WidgetSession } from '@parley/api/protocol';
import { PROTOCOL_VERSION } from '@parley/api/protocol/constants';

// The preview is the real widget.js and chat chunk, in a same-origin frame of the console. The frame's
// fetch, WebSocket and localStorage are replaced before widget.js runs, so the widget draws the unsaved
// appearance and never reaches the api: no visitor is made, no socket opens, nothing is stored.

const PREVIEW_SITE_KEY = 'pk_preview';
const AVAILABLE: WidgetAvailability = { isWithinHours: true, isAgentOnline: true, nextOpenAt: null, timezone: null };
const SESSION: WidgetSession = {
  visitorId: '00000000-0000-4000-8000-000000000000',
  token: 'preview',
  isVerified: false,
  conversation: null,
  events: [],
};

function answer(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

function previewFetch(config: WidgetConfig) {
  return async (input: RequestInfo | URL): Promise<Response> => {
    const path = new URL(typeof input === 'string' || input instanceof URL ? input : input.url).pathname;
    if (path.endsWith('/config')) return answer(config);
    if (path.endsWith('/availability')) return answer(AVAILABLE);
    if (path.endsWith('/widget/session')) return answer(SESSION);
    if (path.endsWith('/widget/pre-chat')) return answer(null, 204);
    return answer({ code: 'request/invalid', message: 'Not in the preview.' }, 400);
  };
}

/** A socket that says hello back and answers pings: the widget shows itself connected. */
class PreviewSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    const frame = JSON.parse(data) as { type: string };
    const reply = (value: unknown) => setTimeout(() => this.onmessage?.({ data: JSON.stringify(value) }), 0);
    if (frame.type === 'hello')
      reply({ type: 'session.ready', data: { protocol: PROTOCOL_VERSION, heartbeatMs: 3_600_000 } });
    if (frame.type === 'ping') reply({ type: 'pong', data: {} });
  }
  close() {
    this.readyState = 3;
  }
}

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, String(value)),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

/** Draws the widget with `config` in the (empty, same-origin) frame; `open` shows the panel too. */
export function startWidgetPreview(frame: HTMLIFrameElement, config: WidgetConfig, open: boolean): void {
  const view = frame.contentWindow as (Window & typeof globalThis) | null;
  const doc = frame.contentDocument;
  if (!view || !doc) return;
  doc.documentElement.lang = 'en';
  doc.title = open ? 'Widget preview, open' : 'Widget preview, closed';
  Object.assign(view, { fetch: previewFetch(config), WebSocket: PreviewSocket });
  Object.defineProperty(view, 'localStorage', { value: memoryStorage(), configurable: true });
  const queue: unknown[][] = [['init', { siteKey: PREVIEW_SITE_KEY, titleNotice: false, sound: false }]];
  if (open) queue.push(['open']);
  Object.assign(view, { Parley: Object.assign(() => undefined, { q: queue }) });
  const script = doc.createElement('script');
  script.src = new URL('/widget.js', window.location.href).href;
  script.async = true;
  doc.head.appendChild(script);
}
