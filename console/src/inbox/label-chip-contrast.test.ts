import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { contrastRatio } from '../ui/contrast.ts';
import { LABEL_COLORS } from './label-colors.ts';

// Label chips tint the label's hue: read each palette entry's hue and saturation and the light and dark
// lightness from the stylesheet, and check WCAG's 4.5:1 for the name on its chip.

const css = readFileSync(resolve(import.meta.dirname, 'label-chip.css'), 'utf8');

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
    const ratio = contrastRatio(
      [hue, saturation, lightness(theme, 'background')],
      [hue, saturation, lightness(theme, 'color')],
    );
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  }
});
