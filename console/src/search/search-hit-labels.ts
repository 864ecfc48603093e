import type { Member, SearchHit } from '@parley/api/protocol';
import { formatVisitorName } from '../lib/display-names.ts';
import { formatClockTime } from '../lib/format-time.ts';

// The words around a search hit: who the conversation is with, who wrote the message, who has the
// conversation, when, and where opening it goes. Pure.

/** The conversation at the hit's message: `/conversations/:id?at=<seq>` (under Resolved when it is). */
export function toHitLink(hit: Pick<SearchHit, 'conversationId' | 'seq' | 'conversation'>): string {
  const params = new URLSearchParams();
  if (hit.conversation.status === 'resolved') params.set('status', 'resolved');
  params.set('at', String(hit.seq));
  return `/conversations/${encodeURIComponent(hit.conversationId)}?${params}`;
}

/** The visitor's name; for an anonymous one the same "Visitor 3fa9c1" as the conversation list. */
export function describeVisitor(hit: SearchHit): string {
  const { visitorId, visitorName, visitorEmail } = hit.conversation;
  return formatVisitorName({ id: visitorId, name: visitorName, email: visitorEmail });
}

/** "Olga Owner replied", "Jane wrote", "The visitor wrote", "System message". */
export function describeSender(hit: SearchHit): string {
  switch (hit.sender.type) {
    case 'agent':
      return `${hit.sender.name?.trim() || 'An agent'} replied`;
    case 'visitor':
      return `${hit.conversation.visitorName?.trim() || 'The visitor'} wrote`;
    case 'system':
      return 'System message';
  }
}

/** "Assigned to you", "Assigned to Arne Agent", "Unassigned". */
export function describeAssignee(assigneeId: string | null, members: readonly Member[], myUserId: string): string {
  if (!assigneeId) return 'Unassigned';
  if (assigneeId === myUserId) return 'Assigned to you';
  const member = members.find((candidate) => candidate.userId === assigneeId);
  return member ? `Assigned to ${member.name}` : 'Assigned';
}

/** When a message was written, as a result list shows it: "14:05" today, "Yesterday", "Mar 4", "Mar 4, 2023". */
export function formatHitTime(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const dayDiff = Math.round((startOfDay(now) - startOfDay(date)) / 86_400_000);
  if (dayDiff <= 0) return formatClockTime(iso, locale);
  if (dayDiff === 1) return 'Yesterday';
  if (date.getFullYear() === now.getFullYear()) {
    return date.toLocaleDateString(locale, { month: 'short', day: 'numeric' });
  }
  return date.toLocaleDateString(locale, { month: 'short', day: 'numeric', year: 'numeric' });
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
