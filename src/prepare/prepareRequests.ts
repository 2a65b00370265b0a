// `batchwise prepare`: one request line per row of a table. Every row is checked (columns, ids, the request itself)
// before the output appears: lines stream to a temporary file beside it, renamed into place only when all is well.
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { validateLine } from '../requests/index.ts';
import type { LineProblem } from '../requests/types.ts';
import { IdRegistry, rowCustomId } from './customId.ts';
import { DataFileError, TemplateError } from './errors.ts';
import { missingColumns } from './placeholders.ts';
import { dataFormatOf, readDataColumns, readDataRows } from './readDataRows.ts';
import { compileTemplate } from './requestTemplate.ts';
import type { RequestTemplate } from './requestTemplate.ts';
import type { DataRow, PrepareOptions, PrepareResult } from './types.ts';

/** Lines are written in chunks of about this many characters: fewer syscalls, little memory. */
const CHUNK_CHARS = 1 << 16;

export async function prepareRequests(opts: PrepareOptions): Promise<PrepareResult> {
  const template = compileTemplate(opts);
  const format = dataFormatOf(opts.data, opts.format);
  const name = opts.data;
  if (format === 'csv') checkHeader(await readDataColumns(opts.data, { format }), template, opts, name);

  const problems: LineProblem[] = [];
  const ids = new IdRegistry();
  const warnings = new Map<string, number>();
  await mkdir(dirname(opts.out), { recursive: true });
  const temp = join(dirname(opts.out), `.${basename(opts.out)}.${process.pid}.partial`);
  const out = createWriteStream(temp, { encoding: 'utf8' });
  // A write error (disk full) is kept and thrown below, never left as an unhandled 'error' event.
  let writeError: Error | null = null;
  out.on('error', (err) => (writeError = err));
  let chunk = '';
  let requests = 0;
  try {
    const rows = readDataRows(opts.data, { format, displayName: name, onProblem: (p) => problems.push(p) });
    for await (const row of rows) {
      const line = requestLine(row, template, opts.idColumn, ids, problems, warnings);
      // After the first problem nothing more is written, but every row is still checked: all mistakes in one pass.
      if (line === null || problems.length > 0) continue;
      requests++;
      chunk += line + '\n';
      if (chunk.length >= CHUNK_CHARS) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    if (writeError) throw writeError;
    if (problems.length > 0) throw new DataFileError(name, problems);
    if (requests === 0) throw new TemplateError(`${name} has no rows: nothing to prepare`);
    out.end(chunk);
    await once(out, 'finish');
    await rename(temp, opts.out);
  } catch (err) {
    out.destroy();
    await rm(temp, { force: true });
    throw err;
  }

  const notes = [...template.notes];
  for (const [warning, count] of warnings) notes.push(count > 1 ? `${warning} (${count} requests)` : warning);
  return { path: opts.out, requests, endpoint: template.url, model: template.model, notes };
}

/** One request line for a row, or null when the row has problems (added to `problems`). */
function requestLine(
  row: DataRow,
  template: RequestTemplate,
  idColumn: string | undefined,
  ids: IdRegistry,
  problems: LineProblem[],
  warnings: Map<string, number>,
): string | null {
  const before = problems.length;
  const at = (reason: string) => problems.push({ line: row.line, reason });
  const rowId = rowCustomId(row, idColumn);
  if ('problem' in rowId) at(rowId.problem);
  else {
    const dup = ids.add(rowId.id, row);
    if (dup) at(dup);
  }
  for (const column of missingColumns(template.columns, row.values)) {
    at(`row ${row.row} has no column "${column}" (used as {{${column}}} in the template)`);
  }
  if (problems.length > before || 'problem' in rowId) return null;

  // JSON.stringify leaves non-ASCII as is: Korean stays readable in the file (and UTF-8 on disk).
  const line = JSON.stringify({ custom_id: rowId.id, method: 'POST', url: template.url, body: template.build(row.values) });
  // A self-check with the same rules the estimate and the run apply: what prepare writes, they accept.
  const check = validateLine(line, row.line);
  for (const reason of check.problems) at(`row ${row.row}: the request would be refused: ${reason}`);
  for (const warning of check.warnings) {
    // "custom_id is 70 characters…" on 10,000 rows is one note with a count.
    const key = warning.replace(/ is \d+ characters/, ' is long');
    warnings.set(key, (warnings.get(key) ?? 0) + 1);
  }
  return check.problems.length > 0 ? null : line;
}

/** A CSV's columns are the same on every row, so a template naming a column the header lacks is one mistake, said
 *  once — not once per row. */
function checkHeader(columns: string[], template: RequestTemplate, opts: PrepareOptions, name: string): void {
  const have = new Set(columns);
  const problems: LineProblem[] = [];
  const list = columns.map((c) => JSON.stringify(c)).join(', ');
  for (const column of template.columns) {
    if (!have.has(column)) problems.push({ line: 1, reason: `the template uses {{${column}}} but the header has no column "${column}" (columns: ${list})` });
  }
  if (opts.idColumn !== undefined && !have.has(opts.idColumn)) {
    problems.push({ line: 1, reason: `--id-column "${opts.idColumn}" is not a column (columns: ${list})` });
  }
  if (problems.length > 0) throw new DataFileError(name, problems);
}
