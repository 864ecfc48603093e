/** Something that checks its peer and pings it once per interval. */
export interface HeartbeatMember {
  beat(): void;
}

const SLOTS = 16;

interface Clock {
  slots: Set<HeartbeatMember>[];
  next: number;
  tick: number;
  timer: NodeJS.Timeout | undefined;
  size: number;
}

const clocks = new Map<number, Clock>();

/**
 * One timer per heartbeat interval for all sockets, instead of one each: thousands of idle sockets cost a
 * set entry apiece, not a timer. Members are spread over 16 slots and one slot beats every interval / 16,
 * so pings go out in small groups rather than all at once. Returns the function that leaves the clock.
 */
export function joinHeartbeat(intervalMs: number, member: HeartbeatMember): () => void {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { slots: Array.from({ length: SLOTS }, () => new Set()), next: 0, tick: 0, timer: undefined, size: 0 };
    clocks.set(intervalMs, clock);
  }
  const own = clock;
  const slot = own.slots[own.next] as Set<HeartbeatMember>;
  own.next = (own.next + 1) % SLOTS;
  slot.add(member);
  own.size++;
  own.timer ??= setInterval(() => beatSlot(own), Math.max(1, Math.floor(intervalMs / SLOTS)));
  own.timer.unref();
  return () => {
    if (!slot.delete(member)) return;
    own.size--;
    if (own.size > 0) return;
    clearInterval(own.timer);
    clocks.delete(intervalMs);
  };
}

function beatSlot(clock: Clock): void {
  const slot = clock.slots[clock.tick] as Set<HeartbeatMember>;
  clock.tick = (clock.tick + 1) % SLOTS;
  for (const member of slot) member.beat();
}
