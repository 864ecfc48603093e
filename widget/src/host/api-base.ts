/** The api base URL from the URL widget.js was loaded from: https://host/x/widget.js → https://host/x */
export function deriveApiBase(scriptSrc: string): string | null {
  let url: URL;
  try {
    url = new URL(scriptSrc);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const directory = url.pathname.slice(0, url.pathname.lastIndexOf('/'));
  return url.origin + directory;
}

function isWidgetScript(src: string): boolean {
  try {
    return new URL(src).pathname.endsWith('/widget.js');
  } catch {
    return false;
  }
}

/**
 * Finds the api base from document.currentScript (set while widget.js first runs), or else from
 * the last script element whose src ends with /widget.js.
 */
export function resolveApiBase(
  currentScript: { src?: string } | null,
  scripts: ArrayLike<{ src: string }>,
): string | null {
  if (currentScript?.src) return deriveApiBase(currentScript.src);
  for (let i = scripts.length - 1; i >= 0; i--) {
    const src = scripts[i]?.src;
    if (src && isWidgetScript(src)) return deriveApiBase(src);
  }
  return null;
}
