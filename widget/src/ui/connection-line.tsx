import { strings } from '../i18n/strings.ts';
import type { ConnectionState } from '../sync/visitor-connection.ts';

interface ConnectionLineProps {
  state: ConnectionState;
  isUnavailable: boolean;
}

/** Says when messages cannot flow right now; hidden while live. */
export function ConnectionLine({ state, isUnavailable }: ConnectionLineProps) {
  const text = isUnavailable
    ? strings.unavailable
    : state === 'connecting'
      ? strings.connecting
      : state === 'reconnecting'
        ? strings.reconnecting
        : '';
  const classes = ['connection', isUnavailable ? 'unavailable' : '', text ? '' : 'is-hidden'].join(' ');
  return (
    <div class={classes} data-testid="parley-connection" data-state={state} role="status">
      {text && !isUnavailable && <span class="spinner" aria-hidden="true" />}
      {text}
    </div>
  );
}
