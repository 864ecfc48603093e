import { useCallback, useMemo, useState } from 'react';
import { type BulkSelection, EMPTY_SELECTION, keepVisible, selectAll, toggleRow } from './bulk-selection.ts';

/** The list's checkbox selection, cut to the rows shown. */
export function useBulkSelection(orderedIds: readonly string[]) {
  const [selection, setSelection] = useState<BulkSelection>(EMPTY_SELECTION);
  const visible = useMemo(() => keepVisible(selection, orderedIds), [selection, orderedIds]);
  const toggle = useCallback(
    (id: string, isRange: boolean) =>
      setSelection((current) => toggleRow(keepVisible(current, orderedIds), orderedIds, id, isRange)),
    [orderedIds],
  );
  const clear = useCallback(() => setSelection(EMPTY_SELECTION), []);
  const all = useCallback(() => setSelection(selectAll(orderedIds)), [orderedIds]);
  return { selected: visible.ids, toggle, clear, selectAll: all };
}
