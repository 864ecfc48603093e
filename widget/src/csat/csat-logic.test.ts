import type { WidgetConversation } from '@parley/api/protocol';
import { describe, expect, test } from 'vitest';
import { describeHistoryRows } from '../history/history-rows.ts';
import type { ConversationView } from '../sync/conversation-store.ts';
import { csatStringsFor } from './csat-strings.ts';
import { findEndedConversationId } from './ended-conversation.ts';
import { readFileName } from './visitor-api.ts';

describe('csat strings', () => {
  test('every language has every string, with five star names; unknown languages get English', () => {
    const en = csatStringsFor('en');
    for (const tag of ['ru', 'es-MX', 'de-AT', 'fr', 'pt-BR', 'ar-EG']) {
      const t = csatStringsFor(tag);
      expect(Object.keys(t).sort(), tag).toEqual(Object.keys(en).sort());
      expect(t.stars, tag).toHaveLength(5);
      expect(t.download, tag).not.toBe(en.download);
      expect(t.rated(4), tag).toContain('4');
    }
    expect(csatStringsFor('ja-JP')).toBe(en);
    expect(csatStringsFor(undefined)).toBe(en);
    expect(csatStringsFor('PT-br').startNew).toBe('Iniciar uma nova conversa');
  });
});

function view(id: string, status: 'open' | 'resolved', createdAt: string): ConversationView {
  return {
    summary: {
      id,
      inboxId: 'inbox',
      status,
      assignee: null,
      visitor: { id: 'v', name: null, email: null },
      lastSeq: 3,
      lastMessage: null,
      createdAt,
      updatedAt: createdAt,
    },
    lastSeq: 3,
    entries: [],
  } as unknown as ConversationView;
}

describe('the ended conversation', () => {
  test('is the newest conversation when it is resolved, else none', () => {
    const older = view('a', 'resolved', '2026-12-01T10:00:00.000Z');
    const newer = view('b', 'open', '2026-12-02T10:00:00.000Z');
    expect(findEndedConversationId([])).toBeNull();
    expect(findEndedConversationId([older])).toBe('a');
    expect(findEndedConversationId([older, newer])).toBeNull();
    expect(findEndedConversationId([older, view('b', 'resolved', '2026-12-02T10:00:00.000Z')])).toBe('b');
  });
});

describe('history rows', () => {
  const t = csatStringsFor('en');
  const base: WidgetConversation = {
    id: 'c1',
    status: 'resolved',
    lastMessage: { body: 'Thanks,\n  all   good', senderType: 'visitor', createdAt: '2026-12-01T09:05:00.000Z' },
    rating: 4,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:06:00.000Z',
  };

  test('say the status, the last message on one line (yours marked), the rating and the date', () => {
    const [row] = describeHistoryRows([base], t, 'You', 'en-GB');
    expect(row).toMatchObject({
      id: 'c1',
      isOpen: false,
      status: 'Resolved',
      preview: 'You: Thanks, all good',
      rating: 'Rated 4 of 5',
    });
    expect(row?.date).toMatch(/2026/);
  });

  test('an open conversation, an agent’s last word, no messages, a long message', () => {
    const rows = describeHistoryRows(
      [
        { ...base, id: 'open', status: 'open', rating: null },
        { ...base, id: 'agent', lastMessage: { ...base.lastMessage!, senderType: 'agent', body: 'See you' } },
        { ...base, id: 'empty', lastMessage: null },
        { ...base, id: 'long', lastMessage: { ...base.lastMessage!, senderType: 'agent', body: 'x'.repeat(200) } },
      ],
      t,
      'You',
      'not a locale!',
    );
    expect(rows.map((row) => [row.isOpen, row.status, row.rating])).toEqual([
      [true, 'Open', null],
      [false, 'Resolved', 'Rated 4 of 5'],
      [false, 'Resolved', 'Rated 4 of 5'],
      [false, 'Resolved', 'Rated 4 of 5'],
    ]);
    expect(rows[1]?.preview).toBe('See you');
    expect(rows[2]?.preview).toBe('No messages');
    expect(rows[3]?.preview).toHaveLength(90);
    expect(rows[3]?.preview.endsWith('…')).toBe(true);
  });
});

describe('transcript file name', () => {
  test('comes from Content-Disposition, or a plain default for anything odd', () => {
    expect(readFileName('attachment; filename="parley-transcript-2026-12-02-1a2b3c4d.txt"')).toBe(
      'parley-transcript-2026-12-02-1a2b3c4d.txt',
    );
    expect(readFileName(null)).toBe('transcript.txt');
    expect(readFileName('attachment; filename="../../etc/passwd"')).toBe('transcript.txt');
    expect(readFileName('attachment; filename="a b<script>.txt"')).toBe('transcript.txt');
  });
});
