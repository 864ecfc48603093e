import type { WidgetSessionBody } from '@parley/api/protocol';

const URL_MAX = 2000;
const TITLE_MAX = 300;

/**
 * The page the session starts on and the browser's time zone, for the agent's visitor sidebar. Only
 * what the api accepts is sent: an http(s) page, a title and a zone within their limits.
 */
export function describePage(): Pick<WidgetSessionBody, 'page' | 'timeZone'> {
  const href = globalThis.location?.href ?? '';
  const title = globalThis.document?.title.slice(0, TITLE_MAX);
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  return {
    ...(/^https?:/i.test(href) && href.length <= URL_MAX ? { page: { url: href, ...(title ? { title } : {}) } } : {}),
    ...(timeZone && timeZone.length <= 64 ? { timeZone } : {}),
  };
}
