/** The ids picked for a bulk action, and the row a shift-click extends from. */
export interface BulkSelection {
  readonly ids: ReadonlySet<string>;
  readonly anchorId: string | null;
}

export const EMPTY_SELECTION: BulkSelection = { ids: new Set(), anchorId: null };

/**
 * A click on a row's checkbox: toggles that row; with shift, every row from the anchor to it takes the
 * state the clicked row gets. `orderedIds` is the list as shown.
 */
export function toggleRow(
  selection: BulkSelection,
  orderedIds: readonly string[],
  id: string,
  isRange = false,
): BulkSelection {
  const willSelect = !selection.ids.has(id);
  const ids = new Set(selection.ids);
  const from = selection.anchorId ? orderedIds.indexOf(selection.anchorId) : -1;
  const to = orderedIds.indexOf(id);
  const range =
    isRange && from !== -1 && to !== -1 ? orderedIds.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
  for (const rowId of range) {
    if (willSelect) ids.add(rowId);
    else ids.delete(rowId);
  }
  return { ids, anchorId: id };
}

/** Keeps only rows still in the list (a filter changed, a conversation moved to another view). */
export function keepVisible(selection: BulkSelection, orderedIds: readonly string[]): BulkSelection {
  const visible = new Set(orderedIds);
  if ([...selection.ids].every((id) => visible.has(id))) return selection;
  const ids = new Set([...selection.ids].filter((id) => visible.has(id)));
  return { ids, anchorId: selection.anchorId && visible.has(selection.anchorId) ? selection.anchorId : null };
}

export function selectAll(orderedIds: readonly string[]): BulkSelection {
  return { ids: new Set(orderedIds), anchorId: orderedIds[0] ?? null };
}
