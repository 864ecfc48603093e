import { ATTACHMENT_LIMITS } from '../../protocol/attachments.ts';

/**
 * A client's file name made safe to store and show: no folders, no control characters or line breaks,
 * at most nameMaxLength characters (the extension kept). It stays plain text; renderers never parse it.
 */
export function cleanFileName(raw: string | undefined): string {
  // Browsers send quotes and line breaks in a multipart file name as %22, %0D and %0A (the HTML form encoding).
  const unescaped = (raw ?? '').replace(/%22/g, '"').replace(/%0[AD]/gi, '');
  const base = unescaped.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'file';
  const chars = Array.from(cleaned);
  if (chars.length <= ATTACHMENT_LIMITS.nameMaxLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)).slice(0, 16).join('') : '';
  return chars.slice(0, ATTACHMENT_LIMITS.nameMaxLength - extension.length).join('') + extension;
}

/**
 * A Content-Disposition value: an ASCII fallback name for old clients and the exact name encoded as
 * RFC 5987 (filename*=UTF-8''…), so quotes, semicolons and non-ASCII letters cannot break the header.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7E]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
