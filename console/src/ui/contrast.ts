// WCAG 2 contrast of HSL colours, for the tests that check the stylesheet's colours stay readable.

type Hsl = [hue: number, saturation: number, lightness: number];

function hslToRgb([h, s, l]: Hsl): [number, number, number] {
  const [sat, light] = [s / 100, l / 100];
  const k = (n: number) => (n + h / 30) % 12;
  const a = sat * Math.min(light, 1 - light);
  const f = (n: number) => light - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const channel = (x: number) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours (1 to 21); WCAG AA asks 4.5 for normal text. */
export function contrastRatio(first: Hsl, second: Hsl): number {
  const [a, b] = [luminance(hslToRgb(first)), luminance(hslToRgb(second))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
