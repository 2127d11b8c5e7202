// The audit finding as the store keeps it (the shape src/audit produces).
export interface FindingLocation {
  /** the node (src/audit/types.ts FindingPlace): the table's catalogue id, the row's index and code, the cell's column */
  tableId?: string;
  rowIndex?: number;
  rowCode?: string;
  columnKey?: string;
  section?: string;
  /** the table's printed name, for reading only */
  table?: string;
  row?: string;
  line?: number;
  column?: number | string;
}

export interface Finding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location: FindingLocation;
  related?: unknown;
  expected?: unknown;
  actual?: unknown;
  tolerance?: unknown;
}
