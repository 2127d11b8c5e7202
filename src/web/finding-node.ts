// Which node of the model a stored finding points at: the table by its catalogue id, its row by index (checked
// against the row's code) and the cell by column key, as the auditor wrote them in the finding's location. Nothing
// is guessed from a table's printed title or a row's label, so a finding lands on the table it was found in.
import type { Cell, Disclosure, Table, TableRow } from '../model/schema.js';
import type { FindingRecord } from '../store/queries.js';

export interface FindingNode {
  table: Table;
  row?: TableRow;
  cell?: Cell;
}

/** The node fields of a finding's location (src/audit/types.ts FindingPlace), read defensively from stored JSON. */
interface NodeFields {
  tableId?: string;
  rowIndex?: number;
  rowCode?: string;
  columnKey?: string;
}

function nodeFields(finding: Pick<FindingRecord, 'table_id' | 'detail'>): NodeFields {
  const raw = (finding.detail?.location ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return {
    tableId: str(raw.tableId) ?? finding.table_id ?? undefined,
    rowIndex: typeof raw.rowIndex === 'number' && Number.isInteger(raw.rowIndex) ? raw.rowIndex : undefined,
    rowCode: str(raw.rowCode),
    columnKey: str(raw.columnKey),
  };
}

/** A row's code as the auditor and the store write it (classification code, fixed-row key, organisation code). */
function codeOf(row: TableRow): string | undefined {
  return row.classification?.code ?? row.key ?? row.orgCode;
}

/** The row at the index when its code agrees with the one the finding recorded (a model re-read may reorder rows). */
function rowAt(table: Table, at: NodeFields): TableRow | undefined {
  if (at.rowIndex === undefined) return undefined;
  const row = table.rows[at.rowIndex];
  return row && (at.rowCode === undefined || codeOf(row) === at.rowCode) ? row : undefined;
}

/**
 * The table, row and cell a finding points at, or undefined when it points at no table of this model. When a
 * model holds two tables with one id (a joined disclosure repeating a table), the one whose row at the index
 * matches the finding's code and line is taken.
 */
export function findingNode(
  doc: Disclosure,
  finding: Pick<FindingRecord, 'table_id' | 'line' | 'detail'>,
): FindingNode | undefined {
  const at = nodeFields(finding);
  if (!at.tableId) return undefined;
  const tables = doc.tables.filter((t) => t.id === at.tableId);
  if (!tables.length) return undefined;
  const fits = (t: Table) => {
    const row = rowAt(t, at);
    return row !== undefined && (finding.line === null || row.at.line === finding.line);
  };
  const table = (tables.length > 1 ? (tables.find(fits) ?? tables.find((t) => rowAt(t, at))) : undefined) ?? tables[0];
  const row = rowAt(table, at);
  const cell = row && at.columnKey ? row.cells.find((c) => c.column === at.columnKey) : undefined;
  return { table, ...(row ? { row } : {}), ...(cell ? { cell } : {}) };
}
