import { fileTypeFromBuffer } from 'file-type';
import { ATTACHMENT_CONTENT_TYPES } from '../../protocol/attachments.ts';

const ALLOWED: ReadonlySet<string> = new Set(ATTACHMENT_CONTENT_TYPES);
const TEXT_SAMPLE_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The type of an upload as its bytes say, if it is on the allowlist; undefined otherwise. The client's
 * name and type are never consulted. Text has no magic bytes: it is accepted as text/plain when it is
 * valid UTF-8 without control bytes and does not start like markup (HTML, SVG, XML), which browsers could
 * otherwise be talked into rendering.
 */
export async function detectContentType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return ALLOWED.has(detected.mime) ? detected.mime : undefined;
  return isPlainText(bytes) ? 'text/plain' : undefined;
}

function isPlainText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  let text: string;
  try {
    // A sample cut inside a multi-byte character is still text: decode in streaming mode.
    text = utf8.decode(sample, { stream: bytes.length > TEXT_SAMPLE_BYTES });
  } catch {
    return false;
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return false;
  return !looksLikeMarkup(text);
}

function looksLikeMarkup(text: string): boolean {
  const start = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (start.startsWith('<')) return true;
  return /<(html|head|body|script|svg|iframe|object|embed|meta|!doctype)[\s/>]/.test(text.slice(0, 4096).toLowerCase());
}
