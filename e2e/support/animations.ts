import type { Page } from 'playwright-core';

/** Runs in a frame: waits for the finite animations of its document and of every open shadow root in it. */
const finishAnimations = () => {
  const roots: DocumentOrShadowRoot[] = [document];
  for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  const animations = new Set(roots.flatMap((root) => root.getAnimations()));
  const finite = [...animations].filter(
    (animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY,
  );
  return Promise.all(finite.map((animation) => animation.finished.catch(() => undefined))).then(() => undefined);
};

/**
 * Waits for the finite animations and transitions running now, in every frame and open shadow root (the
 * widget's, the widget preview's iframe): what a reading of looks or colours must not catch half-way.
 */
export async function waitForAnimations(page: Page): Promise<void> {
  await Promise.all(
    page.frames().map((frame) =>
      frame.evaluate(finishAnimations).catch((error: unknown) => {
        // A frame replaced meanwhile (the widget preview redraws) has nothing left to wait for.
        if (!frame.isDetached()) throw error;
      }),
    ),
  );
}
