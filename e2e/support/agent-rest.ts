import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForAnimations } from './animations.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * An agent REST call with the session cookie of a browser context (page.request or context.request share
 * its cookies) and the console's Origin, as unsafe methods require; throws unless 2xx.
 */
export async function requestAsAgent<T>(
  request: APIRequestContext,
  apiUrl: string,
  method: Method,
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`${apiUrl}${path}`, {
    method,
    headers: { origin: apiUrl },
    ...(data === undefined ? {} : { data }),
  });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * axe-core with the WCAG 2.2 A/AA rules; the serious and critical violations, one line each. Finite
 * animations and transitions (a colour-scheme switch, a panel sliding in) finish first, in every frame
 * and shadow root (the widget preview is both), so axe judges the colours a person ends up seeing.
 */
export async function findSeriousViolations(page: Page): Promise<string[]> {
  await waitForAnimations(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  expect(await findSeriousViolations(page), `axe on ${where}`).toEqual([]);
}
