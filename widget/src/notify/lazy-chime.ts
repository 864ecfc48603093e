import type { Chime } from './chime.ts';

/** The chime's Web Audio code is fetched on the first reply that rings, not with the chat. */
export function createLazyChime(): Chime {
  let loading: Promise<Chime> | undefined;
  return {
    play() {
      loading ??= import('./chime.ts').then((module) => module.createChime());
      loading.then((chime) => chime.play()).catch(() => undefined);
    },
  };
}
