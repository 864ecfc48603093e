export const DEFAULT_ACCENT = '#2563eb';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

function toLinear(channel: number): number {
  const value = channel / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

function getLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => toLinear(Number.parseInt(hex.slice(start, start + 2), 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** The site's accent colour when valid, else Parley blue. */
export function normalizeAccent(color: string | undefined): string {
  return color && HEX_COLOR.test(color) ? color : DEFAULT_ACCENT;
}

/** White or near-black, whichever reads better on the accent colour (WCAG contrast). */
export function pickTextColor(accent: string): string {
  const luminance = getLuminance(normalizeAccent(accent));
  const contrastWithWhite = 1.05 / (luminance + 0.05);
  const contrastWithDark = (luminance + 0.05) / (getLuminance('#111827') + 0.05);
  return contrastWithWhite >= contrastWithDark ? '#ffffff' : '#111827';
}
