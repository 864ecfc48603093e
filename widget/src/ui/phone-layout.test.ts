import { describe, expect, it } from 'vitest';
import { fitPanelToViewport } from './phone-layout.ts';

// Chromium's pinch zoom (the e2e test) shrinks the visual viewport; the on-screen keyboard of a real
// phone does the same, which headless Chromium cannot show: these are the numbers an iPhone reports.
describe('the full-screen panel over the visual viewport', () => {
  it('covers the whole screen without a keyboard', () => {
    expect(fitPanelToViewport({ height: 844, offsetTop: 0 })).toEqual({ top: 0, height: 844 });
  });

  it('ends above the on-screen keyboard, where the page was scrolled to show the focused field', () => {
    expect(fitPanelToViewport({ height: 508.4, offsetTop: 291.6 })).toEqual({ top: 292, height: 508 });
  });

  it('never goes above the top or below zero height (rubber-band scrolling)', () => {
    expect(fitPanelToViewport({ height: -3, offsetTop: -20 })).toEqual({ top: 0, height: 0 });
  });
});
