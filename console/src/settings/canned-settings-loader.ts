import type { CannedResponse } from '@parley/api/protocol';
import { listCannedResponses } from '../api/canned-endpoints.ts';

export interface CannedSettingsData {
  cannedResponses: CannedResponse[];
}

/** The shared responses and the agent's own (at most 200, the api's limit). */
export async function loadCannedSettingsPage(): Promise<CannedSettingsData> {
  return { cannedResponses: (await listCannedResponses()).cannedResponses };
}
