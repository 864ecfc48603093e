import { useEffect, useRef } from 'react';

/**
 * Runs `refresh` when the window gets the focus back and when the tab becomes visible again. Label changes
 * arrive on the socket at once, and the lists are read again after every reconnect; this is the fallback
 * for the rare frame that arrives out of order (two api processes, or a REST answer overtaking a frame).
 */
export function useRefreshWhileVisible(refresh: () => void): void {
  const latest = useRef(refresh);
  latest.current = refresh;

  useEffect(() => {
    const run = () => {
      if (document.visibilityState === 'visible') latest.current();
    };
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', run);
    return () => {
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', run);
    };
  }, []);
}
