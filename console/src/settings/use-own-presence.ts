import type { Member } from '@parley/api/protocol';
import { useMemo } from 'react';
import { useConsoleSnapshot } from '../realtime/console-store-context.tsx';
import { markOwnPresence } from './people.ts';

/** The members with the signed-in agent shown online while their console socket is live. */
export function useMembersWithOwnPresence(members: readonly Member[], myUserId: string): Member[] {
  const { connection } = useConsoleSnapshot();
  const isLive = connection === 'live';
  return useMemo(() => markOwnPresence(members, myUserId, isLive), [members, myUserId, isLive]);
}
