// widget.js: the script a host page loads with the Parley snippet, on every page view. Start reading here.
// It is the loader: the host API, the launcher and the inbox settings. The chat itself is another file
// (widget-chat.<hash>.js) that loader/mount-loader.ts loads when it is needed.

import { CHAT_FILE } from 'virtual:parley-chat-file';
import type {} from '../parley.d.ts';
import { resolveApiBase } from './host/api-base.ts';
import { createHostApi, type ParleyFunction, replayQueue } from './host/host-api.ts';
import { mountLoader } from './loader/mount-loader.ts';

/** window.Parley before widget.js ran: the snippet's stub, which queues its calls in `q`. */
type ParleyStub = ((...args: unknown[]) => void) & { q?: ArrayLike<ArrayLike<unknown>>; isParley?: true };

function install(): void {
  // parley.d.ts types window.Parley as the finished API; before this script ran it may be the stub, or missing.
  const existing = window.Parley as unknown as ParleyStub | undefined;
  if (existing?.isParley) {
    console.warn('Parley: widget.js was loaded twice; the second copy does nothing');
    return;
  }
  const currentScript = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const apiBase = resolveApiBase(currentScript, document.scripts);
  const parley: ParleyFunction = createHostApi({
    mount(options, emit) {
      if (!apiBase) {
        throw new Error(
          "Parley: could not tell where widget.js came from; load it with <script src='https://…/widget.js'>",
        );
      }
      // The chat file is served beside widget.js, like the api.
      return mountLoader(apiBase, `${apiBase}/${CHAT_FILE}`, options, emit);
    },
    warn: (message) => console.warn(message),
    report: (error) => console.error('Parley: an event handler failed', error),
  });
  replayQueue(parley, existing?.q ?? [], (error) => console.error(error));
  // The implementation must fit the published type: this assignment checks it.
  window.Parley = parley;
}

install();
