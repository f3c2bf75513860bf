'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

// Which rows of the dashboard's current page are selected for a bulk action. The checkboxes are controlled so
// that "Select all" can show all, some (indeterminate) or none; the form submits whichever are checked.

type Selection = {
  /** The selected ids among the rows shown now (a selection never leaks onto another page or filter). */
  selectedIds: string[];
  rowIds: string[];
  setRow: (id: string, checked: boolean) => void;
  setAll: (checked: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function DashboardSelectionProvider({ rowIds, children }: { rowIds: string[]; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const setRow = useCallback((id: string, checked: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const setAll = useCallback((checked: boolean) => setSelected(new Set(checked ? rowIds : [])), [rowIds]);
  const clear = useCallback(() => setSelected(new Set()), []);
  const value = useMemo(
    () => ({ selectedIds: rowIds.filter((id) => selected.has(id)), rowIds, setRow, setAll, clear }),
    [rowIds, selected, setRow, setAll, clear],
  );
  return <SelectionContext value={value}>{children}</SelectionContext>;
}

export function useDashboardSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('useDashboardSelection needs a DashboardSelectionProvider above it.');
  return selection;
}

const checkboxClass = 'size-4 accent-accent-600';

export function DashboardSelectAll() {
  const { selectedIds, rowIds, setAll } = useDashboardSelection();
  const all = rowIds.length > 0 && selectedIds.length === rowIds.length;
  const some = selectedIds.length > 0 && !all;
  return (
    <input
      type="checkbox"
      aria-label="Select all"
      className={checkboxClass}
      checked={all}
      ref={(input) => {
        if (input) input.indeterminate = some;
      }}
      onChange={(event) => setAll(event.target.checked)}
    />
  );
}

export function DashboardRowCheckbox({ id, title }: { id: string; title: string }) {
  const { selectedIds, setRow } = useDashboardSelection();
  return (
    <input
      type="checkbox"
      name="ids"
      value={id}
      aria-label={`Select ${title}`}
      className={checkboxClass}
      checked={selectedIds.includes(id)}
      onChange={(event) => setRow(id, event.target.checked)}
    />
  );
}
