import type { MentionList, MentionReadResult } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

export function listMentions(): Promise<MentionList> {
  return requestJson('GET', '/v1/mentions?limit=100');
}

/** The ones named, or every unread mention when `ids` is absent. */
export function markMentionsRead(ids?: string[]): Promise<MentionReadResult> {
  return requestJson('POST', '/v1/mentions/read', ids ? { ids } : {});
}
