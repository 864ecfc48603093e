import type { CannedResponse } from '../../protocol/canned-rest.ts';

export const CANNED_COLUMNS = ['id', 'owner_id', 'shortcut', 'title', 'body', 'created_at', 'updated_at'] as const;

export interface CannedResponseRow {
  id: string;
  owner_id: string | null;
  shortcut: string;
  title: string;
  body: string;
  created_at: Date;
  updated_at: Date;
}

export function presentCannedResponse(row: CannedResponseRow): CannedResponse {
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    body: row.body,
    scope: row.owner_id === null ? 'shared' : 'personal',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
