import { preChatContext } from '../pre-chat/pre-chat-context.ts';

// The files of the visitor's conversations are read with their token in the Authorization header (never
// in a URL), so each one is fetched once into a blob: URL for <img> and for downloads.
const blobUrls = new Map<string, Promise<string>>();

export function fileBlobUrl(id: string): Promise<string> {
  let url = blobUrls.get(id);
  if (!url) {
    url = preChatContext
      .visitorToken()
      .then((token) =>
        fetch(`${preChatContext.apiBase}/v1/widget/attachments/${encodeURIComponent(id)}`, {
          mode: 'cors',
          credentials: 'omit',
          headers: { authorization: `Bearer ${token}` },
        }),
      )
      .then((response) => {
        if (!response.ok) throw new Error(`attachment ${response.status}`);
        return response.blob();
      })
      .then((blob) => URL.createObjectURL(blob));
    url.catch(() => blobUrls.delete(id));
    blobUrls.set(id, url);
  }
  return url;
}

/** Saves a file under its name: a temporary link with the download attribute. */
export async function downloadFile(id: string, name: string, root: Node): Promise<void> {
  const link = document.createElement('a');
  link.href = await fileBlobUrl(id);
  link.download = name;
  link.hidden = true;
  root.appendChild(link);
  link.click();
  link.remove();
}

export function formatBytes(bytes: number, locale: string | undefined): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, 'B'] : bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'B' ? 0 : 1 }).format(value)} ${unit}`;
}
