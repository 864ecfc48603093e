import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

// Avatar colours come from a hue picked by user id, so whether initials are readable must hold for every
// hue, in light and dark: read the colours from the stylesheet and check WCAG's 4.5:1 across the circle.

const css = readFileSync(resolve(import.meta.dirname, '../styles/base.css'), 'utf8');

function avatarColours(block: string): { background: [number, number]; color: [number, number] } {
  const read = (property: string) => {
    const match = new RegExp(`${property}: hsl\\(var\\(--avatar-hue, 240\\) (\\d+)% (\\d+)%\\)`).exec(block);
    if (!match) throw new Error(`no ${property} in ${block}`);
    return [Number(match[1]), Number(match[2])] as [number, number];
  };
  return { background: read('background'), color: read('color') };
}

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

function lowestContrast(colours: ReturnType<typeof avatarColours>): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (let hue = 0; hue < 360; hue++) {
    const [a, b] = [hslToRgb(hue, ...colours.background), hslToRgb(hue, ...colours.color)].map(luminance) as [
      number,
      number,
    ];
    lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
  }
  return lowest;
}

test('avatar initials reach 4.5:1 on every hue, light and dark', () => {
  const light = css.slice(css.indexOf('.avatar {'), css.indexOf('.avatar--sm'));
  const darkStart = css.indexOf(
    '.avatar {',
    css.indexOf('@media (prefers-color-scheme: dark)', css.indexOf('.avatar--lg')),
  );
  const dark = css.slice(darkStart, css.indexOf('}', darkStart));
  expect(lowestContrast(avatarColours(light))).toBeGreaterThanOrEqual(4.5);
  expect(lowestContrast(avatarColours(dark))).toBeGreaterThanOrEqual(4.5);
});
