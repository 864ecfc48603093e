import { useEffect, useRef } from 'react';
import { useConsoleStore } from '../realtime/console-store-context.tsx';
import { selectShownStatus } from '../realtime/team-state.ts';
import { AutoAway } from './auto-away.ts';
import { IdleTimer } from './idle-timer.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'focus'] as const;
/** pointermove fires constantly: one reset a second is plenty. */
const ACTIVITY_THROTTLE_MS = 1_000;

/** Sets the agent away after `minutes` idle (0 = off) and back online on activity if it was automatic. */
export function useAutoAway(minutes: number): void {
  const store = useConsoleStore();
  const timerRef = useRef<IdleTimer | null>(null);

  useEffect(() => {
    const autoAway = new AutoAway(
      () => selectShownStatus(store.getSnapshot().team),
      (status) => store.setPresence(status),
    );
    const timer = new IdleTimer({
      idleMs: 0,
      onIdle: () => void autoAway.idle(),
      onActive: () => void autoAway.active(),
    });
    timerRef.current = timer;
    let lastActivity = 0;
    const onActivity = () => {
      const now = Date.now();
      if (!timer.isIdle && now - lastActivity < ACTIVITY_THROTTLE_MS) return;
      lastActivity = now;
      timer.activity();
    };
    // A hidden tab gets no pointer or key events, so its time counts as idle; coming back is activity.
    const onVisibility = () => {
      if (document.visibilityState === 'visible') timer.activity();
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity);
      document.removeEventListener('visibilitychange', onVisibility);
      timer.stop();
      timerRef.current = null;
    };
  }, [store]);

  useEffect(() => {
    timerRef.current?.setIdleMs(minutes * 60_000);
  }, [minutes]);
}
