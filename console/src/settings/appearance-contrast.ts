import { contrastRatio } from '../ui/contrast.ts';

type Hsl = Parameters<typeof contrastRatio>[0];

function hexToHsl(hex: string): Hsl {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return [0, 0, light * 100];
  const sat = delta / (1 - Math.abs(2 * light - 1));
  const hue = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return [(hue * 60 + 360) % 360, sat * 100, light * 100];
}

const WHITE: Hsl = [0, 0, 100];
/** The widget's dark text, #111827. */
const DARK = hexToHsl('#111827');

/**
 * The contrast of the text the widget puts on this colour: it picks white or dark, whichever reads
 * better (widget/src/element/accent-color.ts), so this is the better of the two.
 */
export function accentTextContrast(hex: string): { ratio: number; text: 'white' | 'dark' } {
  const color = hexToHsl(hex);
  const onWhite = contrastRatio(color, WHITE);
  const onDark = contrastRatio(color, DARK);
  return onWhite >= onDark ? { ratio: onWhite, text: 'white' } : { ratio: onDark, text: 'dark' };
}
