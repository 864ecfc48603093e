/**
 * Where an arrow key moves in a grid of `count` cells laid out `columns` wide (Home/End to the ends),
 * or undefined for a key the grid does not handle. Right means "next" in a left-to-right layout and
 * "previous" in a right-to-left one. Moves stop at the edges.
 */
export function nextCell(key: string, index: number, count: number, columns: number, rtl: boolean): number | undefined {
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const back = rtl ? 'ArrowRight' : 'ArrowLeft';
  let next: number;
  if (key === forward) next = index + 1;
  else if (key === back) next = index - 1;
  else if (key === 'ArrowDown') next = index + columns;
  else if (key === 'ArrowUp') next = index - columns;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = count - 1;
  else return undefined;
  return Math.min(Math.max(next, 0), count - 1);
}
