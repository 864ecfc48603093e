import type { Attachment } from '../../protocol/attachments.ts';
import type { ErrorBody } from '../../protocol/errors.ts';
import { SITE_ORIGIN, type TestServer } from '../../testing/test-server.ts';

export interface UploadOptions {
  name: string;
  bytes: Uint8Array;
  /** What the client claims; the api never believes it. */
  type?: string;
  token?: string;
  cookie?: string;
  origin?: string | null;
  /** Sends the name byte for byte (only `"` escaped), bypassing FormData's percent-escaping of quotes and line breaks. */
  isRawName?: boolean;
}

export interface UploadResponse {
  status: number;
  body: { attachment: Attachment } & Partial<ErrorBody>;
}

/** A multipart upload as a browser sends it (field "file"). */
export async function uploadFile(server: TestServer, path: string, options: UploadOptions): Promise<UploadResponse> {
  const headers: Record<string, string> = {};
  let body: FormData | Buffer;
  if (options.isRawName) {
    const boundary = 'parleytestboundary';
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.name.replaceAll('"', '\\"')}"\r\nContent-Type: ${options.type ?? 'application/octet-stream'}\r\n\r\n`;
    body = Buffer.concat([Buffer.from(head), options.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  } else {
    body = new FormData();
    body.append('file', new Blob([options.bytes], { type: options.type ?? 'application/octet-stream' }), options.name);
  }
  const origin = options.origin === undefined ? (options.token ? SITE_ORIGIN : server.baseUrl) : options.origin;
  if (origin) headers.origin = origin;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as UploadResponse['body'] };
}

/** Reads a file the way the widget (token) or the console (cookie) does. */
export async function fetchFile(
  server: TestServer,
  path: string,
  auth: { token?: string; cookie?: string; origin?: string },
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (auth.token) {
    headers.authorization = `Bearer ${auth.token}`;
    headers.origin = auth.origin ?? SITE_ORIGIN;
  }
  if (auth.cookie) headers.cookie = auth.cookie;
  const response = await fetch(`${server.baseUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
