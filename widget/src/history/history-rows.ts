import type { WidgetConversation } from '@parley/api/protocol';
import type { CsatStrings } from '../csat/csat-strings.ts';

export interface HistoryRow {
  id: string;
  isOpen: boolean;
  date: string;
  status: string;
  /** The last message on one line ("You: …" for the visitor's own). */
  preview: string;
  rating: string | null;
}

const PREVIEW_LENGTH = 90;

function createDateFormat(locale: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/** What each row of "Previous conversations" says, newest first as the api lists them. */
export function describeHistoryRows(
  conversations: readonly WidgetConversation[],
  t: CsatStrings,
  you: string,
  locale: string | undefined,
): HistoryRow[] {
  const dateFormat = createDateFormat(locale);
  return conversations.map((conversation) => {
    const last = conversation.lastMessage;
    const line = last ? last.body.replace(/\s+/g, ' ').trim() : '';
    const short = line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
    const isOpen = conversation.status !== 'resolved';
    return {
      id: conversation.id,
      isOpen,
      date: dateFormat.format(new Date(last?.createdAt ?? conversation.createdAt)),
      status: isOpen ? t.open : t.resolved,
      preview: !last ? t.noMessages : last.senderType === 'visitor' ? `${you}: ${short}` : short,
      rating: conversation.rating === null ? null : t.ratedShort(conversation.rating),
    };
  });
}
