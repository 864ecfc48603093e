import { useEffect, useId } from 'react';
import { listConversations } from '../api/endpoints.ts';
import { listLabels } from '../api/label-endpoints.ts';
import type { ConversationFilter } from '../realtime/conversation-cache.ts';
import { useRefreshWhileVisible } from './label-refresh.ts';
import { rememberWorkspaceLabels, useWorkspaceLabels } from './label-store.ts';
import './label-picker.css';

interface LabelFilterProps {
  labelId: string | null;
  listFilter: ConversationFilter;
  onChange(labelId: string | null): void;
}

/**
 * "Any label" or one label, beside the status filter; the labels come from the label store, kept live by
 * `labels.changed` frames. When the window comes back it rereads them and the list's conversations (a
 * fallback: the socket normally brings every change at once).
 */
export function LabelFilter({ labelId, listFilter, onChange }: LabelFilterProps) {
  const labels = useWorkspaceLabels();
  const selectId = useId();

  const loadLabels = () =>
    void listLabels().then(
      (list) => rememberWorkspaceLabels(list.labels),
      () => {},
    );
  useEffect(loadLabels, []);
  useRefreshWhileVisible(() => {
    loadLabels();
    void listConversations(listFilter).catch(() => {});
  });

  // A label that was deleted (or a link from another workspace) shows as unknown, and can be cleared.
  const isUnknown = labelId !== null && labels.length > 0 && !labels.some((label) => label.id === labelId);
  if (labels.length === 0 && !labelId) return null;
  return (
    <div className="label-filter">
      <label className="visually-hidden" htmlFor={selectId}>
        Filter by label
      </label>
      <select
        id={selectId}
        className="label-filter__select"
        value={labelId ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
        data-testid="label-filter"
      >
        <option value="">Any label</option>
        {labels.map((label) => (
          <option key={label.id} value={label.id}>
            {label.name}
          </option>
        ))}
        {isUnknown ? <option value={labelId}>Deleted label</option> : null}
      </select>
    </div>
  );
}
