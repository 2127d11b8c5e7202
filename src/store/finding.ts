// The audit finding as the store keeps it (the shape src/audit produces).
export interface FindingLocation {
  section?: string;
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
