import type { Label } from '@parley/api/protocol';
import { listLabels } from '../api/label-endpoints.ts';

export interface LabelSettingsData {
  labels: Label[];
}

export async function loadLabelSettingsPage(): Promise<LabelSettingsData> {
  return { labels: (await listLabels()).labels };
}
