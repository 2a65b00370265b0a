// The one rule that ties a row to its request and back (prepare writes it, join matches by it): the id column's value,
// or `row-N` for the N-th data row.
import type { DataRow } from './types.ts';

export type RowId = { id: string } | { problem: string };

export function rowCustomId(row: DataRow, idColumn?: string): RowId {
  if (idColumn === undefined) return { id: `row-${row.row}` };
  if (!(idColumn in row.values)) return { problem: `row ${row.row} has no id column "${idColumn}"` };
  const id = row.values[idColumn];
  // An id of spaces looks empty in every table viewer; the API would take it, a person could not find it.
  if (id.trim().length === 0) return { problem: `row ${row.row} has an empty id in column "${idColumn}"` };
  return { id };
}

/** Remembers the row each id came from (a Map of ids only, never the rows) to name both rows of a duplicate. */
export class IdRegistry {
  private readonly first = new Map<string, { row: number; line: number }>();

  /** Null when the id is new; else the problem, naming the earlier row. */
  add(id: string, row: DataRow): string | null {
    const seen = this.first.get(id);
    if (seen) return `row ${row.row} repeats the id ${JSON.stringify(id)} of row ${seen.row} (line ${seen.line})`;
    this.first.set(id, { row: row.row, line: row.line });
    return null;
  }
}
