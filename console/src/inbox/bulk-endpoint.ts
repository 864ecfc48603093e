import type { BulkAction, BulkResult } from '@parley/api/protocol';
import { requestJson } from '../api/http.ts';

/** One action on up to 100 conversations; each answers for itself (the changes arrive as live events). */
export function applyBulk(ids: readonly string[], action: BulkAction): Promise<BulkResult> {
  return requestJson('POST', '/v1/conversations/bulk', { ids, action });
}
