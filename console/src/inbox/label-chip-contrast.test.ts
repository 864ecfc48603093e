import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { LABEL_COLORS } from './label-colors.ts';

// Label chips tint the label's hue: read each palette entry's hue and saturation and the light and dark
// lightness from the stylesheet, and check WCAG's 4.5:1 for the name on its chip.

const css = readFileSync(resolve(import.meta.dirname, 'label-chip.css'), 'utf8');

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
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

function lightness(block: string, property: string): number {
  const match = new RegExp(`${property}: hsl\\(var\\(--label-hue\\) var\\(--label-sat\\) (\\d+)%\\)`).exec(block);
  if (!match) throw new Error(`no ${property} in ${block}`);
  return Number(match[1]);
}

function paletteEntry(color: string): { hue: number; saturation: number } {
  const match = new RegExp(
    `\\[data-color="${color}"\\] \\{\\s*--label-hue: (\\d+);\\s*--label-sat: (\\d+)%;\\s*\\}`,
  ).exec(css);
  if (!match) throw new Error(`no palette entry for ${color}`);
  return { hue: Number(match[1]), saturation: Number(match[2]) };
}

const light = css.slice(css.indexOf('.label-chip {'), css.indexOf('.label-chip--sm'));
const darkStart = css.indexOf('.label-chip {', css.indexOf('@media (prefers-color-scheme: dark)'));
const dark = css.slice(darkStart, css.indexOf('}', darkStart));

test.each(LABEL_COLORS.map((entry) => entry.value))('%s chips reach 4.5:1, light and dark', (color) => {
  const { hue, saturation } = paletteEntry(color);
  for (const theme of [light, dark]) {
    const [a, b] = [lightness(theme, 'background'), lightness(theme, 'color')].map((l) =>
      luminance(hslToRgb(hue, saturation, l)),
    ) as [number, number];
    expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(4.5);
  }
});
