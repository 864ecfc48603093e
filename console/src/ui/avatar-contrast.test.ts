import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { contrastRatio } from './contrast.ts';

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

function lowestContrast(colours: ReturnType<typeof avatarColours>): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (let hue = 0; hue < 360; hue++) {
    lowest = Math.min(lowest, contrastRatio([hue, ...colours.background], [hue, ...colours.color]));
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
