// widget.js: the script a host page loads with the Parley snippet. Start reading here.
import { resolveApiBase } from './host/api-base.ts';
import { createHostApi, type ParleyFunction, replayQueue } from './host/host-api.ts';
import { mountWidget } from './mount-widget.ts';

/** window.Parley before widget.js ran: the snippet's stub, which queues its calls in `q`. */
type ParleyStub = ((...args: unknown[]) => void) & { q?: ArrayLike<ArrayLike<unknown>>; isParley?: true };

declare global {
  interface Window {
    Parley?: ParleyStub | ParleyFunction;
  }
}

function install(): void {
  const existing = window.Parley as ParleyStub | undefined;
  if (existing?.isParley) {
    console.warn('Parley: widget.js was loaded twice; the second copy does nothing');
    return;
  }
  const currentScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const apiBase = resolveApiBase(currentScript, document.scripts);
  const parley = createHostApi({
    mount(options) {
      if (!apiBase) {
        throw new Error(
          "Parley: could not tell where widget.js came from; load it with <script src='https://…/widget.js'>",
        );
      }
      return mountWidget(apiBase, options);
    },
    warn: (message) => console.warn(message),
  });
  replayQueue(parley, existing?.q ?? [], (error) => console.error(error));
  window.Parley = parley;
}

install();
