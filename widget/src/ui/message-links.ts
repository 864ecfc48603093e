/** A piece of a message's text: words as they are, or a link the widget may make clickable. */
export type TextPart = string | { href: string };

// A scheme we allow, then anything up to white space or a character that cannot be in a URL someone typed.
const LINK = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the link: "see https://example.com."
const TRAILING = /[.,;:!?)\]}*]+$/;
const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

function isSafeLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      SAFE_PROTOCOLS.includes(url.protocol) && (url.protocol === 'mailto:' ? url.pathname !== '' : url.host !== '')
    );
  } catch {
    return false;
  }
}

/** Keeps a closing bracket the link opened itself: https://en.wikipedia.org/wiki/Bike_(disambiguation) */
function trimTrailing(text: string): string {
  let link = text.replace(TRAILING, '');
  const rest = text.slice(link.length);
  for (const char of rest) {
    const open = char === ')' ? '(' : char === ']' ? '[' : char === '}' ? '{' : '';
    const count = (c: string) => link.split(c).length;
    if (!open || count(open) <= count(char)) break;
    link += char;
  }
  return link;
}

/** Splits a message into text and http(s)/mailto links; everything else (javascript:, data:, …) stays text. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const href = trimTrailing(match[0]);
    if (!isSafeLink(href)) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ href });
    last = match.index + href.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
