import { useEffect, useState } from 'react';
import { useConsoleSnapshot, useConsoleStore } from '../realtime/console-store-context.tsx';
import { Spinner } from '../ui/spinner.tsx';

/** The first connect gets this long before the banner shows, so a normal page load does not flash it. */
const FIRST_CONNECT_GRACE_MS = 2000;

export function ConnectionBanner() {
  const store = useConsoleStore();
  const { connection, hasBeenLive } = useConsoleSnapshot();
  const [isGraceOver, setIsGraceOver] = useState(false);

  useEffect(() => {
    const timer = setTimeout(() => setIsGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);

  const isDown = connection !== 'live' && connection !== 'unauthorized';
  if (!isDown || (!hasBeenLive && !isGraceOver)) return null;

  const isFinal = connection === 'closed';
  return (
    <div
      className={`connection-banner${isFinal ? ' connection-banner--final' : ''}`}
      role="status"
      data-testid="connection-banner"
    >
      {isFinal ? null : <Spinner size="sm" />}
      <span className="connection-banner__title">{isFinal ? 'Disconnected' : 'Reconnecting…'}</span>
      <span className="connection-banner__detail">
        {isFinal
          ? 'Live updates are paused.'
          : 'Live updates are paused. Messages you send will go out when the connection is back.'}
      </span>
      <button type="button" className="connection-banner__action" onClick={() => store.reconnectNow()}>
        {isFinal ? 'Reconnect' : 'Retry now'}
      </button>
    </div>
  );
}
