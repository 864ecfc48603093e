import type { Page } from 'playwright-core';

// The widget's language and what it draws, read from its shadow root: for the phone tests.

/**
 * Makes the example page's snippet call init with `locale` added: Parley('init', { siteKey, locale }).
 * The snippet's own stub, defined first, does it (rewriting the page's HTML instead would make Chromium
 * treat it as a public page fetching from loopback). Call before page.goto.
 */
export async function initWithLocale(page: Page, locale: string): Promise<void> {
  await page.addInitScript((wanted) => {
    const queue: unknown[][] = [];
    const stub = (...args: unknown[]) => {
      queue.push(args[0] === 'init' ? ['init', { ...(args[1] as object), locale: wanted }] : args);
    };
    window.Parley = Object.assign(stub, { q: queue }) as unknown as typeof window.Parley;
  }, locale);
}

/** lang and dir of the element that holds the launcher and the panel inside the shadow root. */
export function widgetLanguage(page: Page): Promise<{ lang: string; dir: string }> {
  return page.getByTestId('parley-bubble').evaluate((bubble) => {
    const root = bubble.closest('[lang]') as HTMLElement;
    return { lang: root.lang, dir: root.dir };
  });
}

/**
 * What of the open panel sticks out of a `width`-wide screen: each drawn element (inside the shadow root)
 * whose box leaves 0…width, and each element that scrolls sideways. Empty when nothing overflows.
 */
export function panelOverflow(page: Page, width: number): Promise<string[]> {
  return page.getByTestId('parley-panel').evaluate((panel, screenWidth) => {
    const name = (element: Element) =>
      element.getAttribute('data-testid') ?? `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
    const found: string[] = [];
    for (const element of [panel, ...panel.querySelectorAll('*')]) {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || style.opacity === '0') continue;
      if (box.left < -0.5 || box.right > screenWidth + 0.5) {
        found.push(`${name(element)} spans ${Math.round(box.left)}…${Math.round(box.right)}`);
      }
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible') {
        found.push(`${name(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
      }
    }
    if (document.documentElement.scrollWidth > screenWidth) {
      found.push(`the page scrolls sideways (${document.documentElement.scrollWidth})`);
    }
    return found;
  }, width);
}

/** Computed styles and rounded boxes of widget parts, by name (null when absent): what host CSS must not move. */
export function widgetLooks(page: Page, selectors: Record<string, string>): Promise<Record<string, string[] | null>> {
  return page.evaluate((wanted) => {
    const root = document.querySelector('parley-widget')?.shadowRoot;
    const pick = (selector: string) => {
      const element = root?.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return [
        style.fontFamily,
        style.fontSize,
        style.color,
        style.backgroundColor,
        style.padding,
        style.border,
        style.textTransform,
        style.letterSpacing,
        style.transform,
        [box.x, box.y, box.width, box.height].map(Math.round).join(','),
      ];
    };
    return Object.fromEntries(Object.entries(wanted).map(([name, selector]) => [name, pick(selector)]));
  }, selectors);
}
