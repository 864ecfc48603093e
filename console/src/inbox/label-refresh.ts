import { useEffect, useRef } from 'react';

const REFRESH_EVERY_MS = 30_000;

/**
 * Runs `refresh` when the window gets the focus back, when the tab becomes visible again, and every 30 s
 * while it is visible. Label changes carry no seq and no socket frame, so this is how one agent sees
 * another's without a reload.
 */
export function useRefreshWhileVisible(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(() => {
    const run = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    const timer = setInterval(run, REFRESH_EVERY_MS);
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, []);
}
