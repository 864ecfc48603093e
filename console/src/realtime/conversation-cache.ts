import type {
  ConversationAppended,
  ConversationDetail,
  ConversationEvent,
  ConversationSummary,
} from '@parley/api/protocol';

/** One conversation as the console knows it. */
export interface ConversationEntry {
  readonly summary: ConversationSummary;
  /** Contiguous events in seq order ending at summary.lastSeq; null until the conversation is opened. */
  readonly events: readonly ConversationEvent[] | null;
  /** Whether events older than the first held one exist. */
  readonly hasMore: boolean;
}

/** Immutable: every change returns a new state, and only the entries that changed are new objects. */
export interface CacheState {
  readonly conversations: ReadonlyMap<string, ConversationEntry>;
  /** Conversations being reloaded over REST, with the live events that arrived meanwhile. */
  readonly reloading: ReadonlyMap<string, readonly ConversationEvent[]>;
}

/** A new state plus the conversations whose reload over REST must start now. */
export interface CacheUpdate {
  readonly state: CacheState;
  readonly reload: readonly string[];
}

export type ConversationFilter = 'open' | 'pending' | 'snoozed' | 'resolved' | 'all';

export interface ResumeEntry {
  conversationId: string;
  lastSeq: number;
}

export const EMPTY_CACHE: CacheState = { conversations: new Map(), reloading: new Map() };

const RESUME_MAX_ITEMS = 200;

/** Applies a live or replayed event: seq === last + 1 is applied, seq <= last ignored, a gap reloads. */
export function applyEvent(state: CacheState, event: ConversationEvent): CacheUpdate {
  const id = event.data.conversationId;
  const buffered = state.reloading.get(id);
  if (buffered) {
    return { state: withReloading(state, id, [...buffered, event]), reload: [] };
  }
  const entry = state.conversations.get(id);
  if (!entry) {
    if (event.type === 'conversation.created' && event.data.seq === 1) {
      const summary = { ...event.data.conversation, lastSeq: 1 };
      return { state: withEntry(state, id, { summary, events: [event], hasMore: false }), reload: [] };
    }
    return { state: withReloading(state, id, [event]), reload: [id] };
  }
  const last = entry.summary.lastSeq;
  if (event.data.seq <= last) return { state, reload: [] };
  if (event.data.seq > last + 1) return { state: withReloading(state, id, [event]), reload: [id] };
  const next: ConversationEntry = {
    summary: summarizeEvent(entry.summary, event),
    events: entry.events ? [...entry.events, event] : null,
    hasMore: entry.hasMore,
  };
  return { state: withEntry(state, id, next), reload: [] };
}

/** Starts reloading a conversation over REST; live events for it are held until the detail arrives. */
export function startReload(state: CacheState, id: string): CacheUpdate {
  if (state.reloading.has(id)) return { state, reload: [] };
  return { state: withReloading(state, id, []), reload: [id] };
}

/** Gives up a reload (the request failed); the next gap will try again. */
export function abortReload(state: CacheState, id: string): CacheState {
  if (!state.reloading.has(id)) return state;
  const reloading = new Map(state.reloading);
  reloading.delete(id);
  return { ...state, reloading };
}

/** Takes a freshly loaded newest page, keeps older held events that connect to it, then replays held events. */
export function applyDetail(state: CacheState, detail: ConversationDetail): CacheUpdate {
  const id = detail.conversation.id;
  const existing = state.conversations.get(id);
  const events = joinContiguous(existing?.events ?? [], detail.events);
  const newest = events.at(-1)?.data.seq ?? detail.conversation.lastSeq;
  const isExistingNewer =
    existing !== undefined &&
    existing.summary.lastSeq === newest &&
    existing.summary.lastSeq > detail.conversation.lastSeq;
  const summary = isExistingNewer ? existing.summary : { ...detail.conversation, lastSeq: newest };
  const hasMore = events.length > 0 ? (events[0]?.data.seq ?? 1) > 1 : detail.hasMore;

  const buffered = state.reloading.get(id) ?? [];
  const reloading = new Map(state.reloading);
  reloading.delete(id);
  let next: CacheState = withEntry({ ...state, reloading }, id, { summary, events, hasMore });
  const reload: string[] = [];
  for (const event of buffered) {
    const update = applyEvent(next, event);
    next = update.state;
    reload.push(...update.reload);
  }
  return { state: next, reload };
}

/** Adds an older page (loaded with beforeSeq) in front of the held events; the summary is left alone. */
export function applyOlderPage(state: CacheState, detail: ConversationDetail): CacheState {
  const id = detail.conversation.id;
  const entry = state.conversations.get(id);
  if (!entry?.events) return state;
  const events = joinContiguous(entry.events, detail.events);
  if (events.length === entry.events.length) return state;
  const hasMore = (events[0]?.data.seq ?? 1) > 1;
  return withEntry(state, id, { ...entry, events, hasMore });
}

/**
 * Merges a conversation list from REST. Unknown conversations are added; a held summary that is
 * behind is replaced, or, when its events are held, the conversation is reloaded so none are skipped.
 */
export function mergeSummaries(state: CacheState, summaries: readonly ConversationSummary[]): CacheUpdate {
  let next = state;
  const reload: string[] = [];
  for (const summary of summaries) {
    const entry = next.conversations.get(summary.id);
    const isHeldUpToDate = entry !== undefined && entry.summary.lastSeq >= summary.lastSeq;
    if (next.reloading.has(summary.id) || isHeldUpToDate) continue;
    if (!entry) {
      next = withEntry(next, summary.id, { summary, events: null, hasMore: false });
    } else if (entry.events) {
      next = withReload(next, summary.id, reload);
    } else {
      next = withEntry(next, summary.id, { ...entry, summary });
    }
  }
  return { state: next, reload };
}

/**
 * Takes the batched summaries of `conversations.changed`. A conversation whose events are held is left to
 * its events when the socket follows it, and reloaded (which follows it) when it does not.
 */
export function applyChangedSummaries(
  state: CacheState,
  summaries: readonly ConversationSummary[],
  isFollowed: (conversationId: string) => boolean,
): CacheUpdate {
  let next = state;
  const reload: string[] = [];
  for (const summary of summaries) {
    const entry = next.conversations.get(summary.id);
    if (next.reloading.has(summary.id) || (entry && entry.summary.lastSeq >= summary.lastSeq)) continue;
    if (!entry?.events) {
      next = withEntry(next, summary.id, { summary, events: null, hasMore: false });
    } else if (!isFollowed(summary.id)) {
      next = withReload(next, summary.id, reload);
    }
  }
  return { state: next, reload };
}

/**
 * Takes what messages alone changed (the `appended` of `conversations.changed`). It applies to a held summary at
 * most one seq behind its first message; a summary further behind, or none, waits for the whole one, which the
 * api sends again within 20 s. A conversation whose events are held is treated as for whole summaries.
 */
export function applyAppended(
  state: CacheState,
  changes: readonly ConversationAppended[],
  isFollowed: (conversationId: string) => boolean,
): CacheUpdate {
  let next = state;
  const reload: string[] = [];
  for (const change of changes) {
    const entry = next.conversations.get(change.id);
    if (!entry || next.reloading.has(change.id) || entry.summary.lastSeq >= change.lastSeq) continue;
    if (entry.events) {
      if (!isFollowed(change.id)) next = withReload(next, change.id, reload);
      continue;
    }
    if (entry.summary.lastSeq < change.fromSeq - 1) continue;
    const { lastSeq, updatedAt, lastMessage } = change;
    const summary = { ...entry.summary, lastSeq, updatedAt, ...(lastMessage ? { lastMessage } : {}) };
    next = withEntry(next, change.id, { ...entry, summary });
  }
  return { state: next, reload };
}

/** All of one `conversations.changed` frame: its whole summaries, then what messages alone changed. */
export function applyChangedFrame(
  state: CacheState,
  data: { conversations: readonly ConversationSummary[]; appended?: readonly ConversationAppended[] },
  isFollowed: (conversationId: string) => boolean,
): CacheUpdate {
  const summaries = applyChangedSummaries(state, data.conversations, isFollowed);
  if (!data.appended) return summaries;
  const appended = applyAppended(summaries.state, data.appended, isFollowed);
  return { state: appended.state, reload: [...summaries.reload, ...appended.reload] };
}

/** What to put in `hello.resume`: every conversation whose events are held, most recent first. */
export function selectResume(state: CacheState): ResumeEntry[] {
  return [...state.conversations.values()]
    .filter((entry) => entry.events !== null)
    .sort(compareByRecency)
    .slice(0, RESUME_MAX_ITEMS)
    .map((entry) => ({ conversationId: entry.summary.id, lastSeq: entry.summary.lastSeq }));
}

/** The conversation list for a filter, most recently updated first. */
export function selectConversations(state: CacheState, filter: ConversationFilter): ConversationSummary[] {
  const entries = [...state.conversations.values()];
  const shown = filter === 'all' ? entries : entries.filter((entry) => entry.summary.status === filter);
  return shown.sort(compareByRecency).map((entry) => entry.summary);
}

/** Whether a message with this clientId is among the held events of its conversation. */
export function hasMessageWithClientId(state: CacheState, conversationId: string, clientId: string): boolean {
  const events = state.conversations.get(conversationId)?.events;
  if (!events) return false;
  return events.some((event) => event.type === 'message.created' && event.data.message.clientId === clientId);
}

export function summarizeEvent(summary: ConversationSummary, event: ConversationEvent): ConversationSummary {
  const base = { ...summary, lastSeq: event.data.seq, updatedAt: event.data.at };
  switch (event.type) {
    case 'conversation.created':
      return { ...event.data.conversation, lastSeq: event.data.seq };
    case 'message.created': {
      const { message } = event.data;
      // An internal note is never the preview, as in the api's summaries.
      if (message.kind === 'note') return base;
      return {
        ...base,
        lastMessage: { body: message.body, senderType: message.sender.type, createdAt: message.createdAt },
      };
    }
    case 'conversation.assigned':
      return { ...base, assignee: event.data.assignee };
    case 'conversation.unassigned':
      return { ...base, assignee: null };
    case 'conversation.resolved':
      return { ...base, status: 'resolved' };
    case 'conversation.reopened':
      return { ...base, status: 'open' };
    case 'conversation.rated':
      return { ...base, rating: event.data.rating };
    case 'conversation.seq_skipped':
      return base;
    case 'conversation.status_changed':
      return { ...base, status: event.data.status, snoozedUntil: event.data.snoozedUntil };
    case 'conversation.priority_changed':
      return { ...base, priority: event.data.priority ?? 'none' };
    case 'conversation.team_changed':
      return { ...base, teamId: event.data.team?.id ?? null };
  }
}

/** Union of two event runs by seq, cut down to the contiguous run that ends at the newest seq. */
function joinContiguous(
  held: readonly ConversationEvent[],
  incoming: readonly ConversationEvent[],
): ConversationEvent[] {
  const bySeq = new Map<number, ConversationEvent>();
  for (const event of held) bySeq.set(event.data.seq, event);
  for (const event of incoming) bySeq.set(event.data.seq, event);
  const sorted = [...bySeq.values()].sort((a, b) => a.data.seq - b.data.seq);
  let start = sorted.length - 1;
  while (start > 0 && (sorted[start - 1]?.data.seq ?? 0) === (sorted[start]?.data.seq ?? 0) - 1) start--;
  return sorted.slice(Math.max(0, start));
}

function compareByRecency(a: ConversationEntry, b: ConversationEntry): number {
  const byTime = Date.parse(b.summary.updatedAt) - Date.parse(a.summary.updatedAt);
  return byTime !== 0 ? byTime : a.summary.id < b.summary.id ? 1 : -1;
}

/** startReload, collecting the conversation to reload into `reload`. */
function withReload(state: CacheState, id: string, reload: string[]): CacheState {
  const update = startReload(state, id);
  reload.push(...update.reload);
  return update.state;
}

function withEntry(state: CacheState, id: string, entry: ConversationEntry): CacheState {
  const conversations = new Map(state.conversations);
  conversations.set(id, entry);
  return { ...state, conversations };
}

function withReloading(state: CacheState, id: string, buffered: readonly ConversationEvent[]): CacheState {
  const reloading = new Map(state.reloading);
  reloading.set(id, buffered);
  return { ...state, reloading };
}
