// The one reader of users' tables: CSV (RFC 4180 via csv-parse) or JSONL (via the requests stage's JSONL reader),
// both streamed so a 200 MB table never sits in memory.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import type { CsvError } from 'csv-parse';
import { readJsonlLines } from '../requests/index.ts';
import type { LineProblem } from '../requests/types.ts';
import { DataFileError, TemplateError } from './errors.ts';
import type { DataFormat, DataRow } from './types.ts';

export interface ReadRowsOptions {
  format?: DataFormat;
  /** How the file is named in messages (default: the path). */
  displayName?: string;
  /** Problems that spoil one row but not the rest (a JSONL line that is not an object). Without it they throw. */
  onProblem?: (problem: LineProblem) => void;
}

/** --format wins; else the extension decides (.csv, .jsonl, .ndjson). Anything else is the user's to say. */
export function dataFormatOf(path: string, format?: string): DataFormat {
  if (format !== undefined) {
    if (format === 'csv' || format === 'jsonl') return format;
    throw new TemplateError(`unknown data format "${format}" (csv or jsonl)`);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  throw new TemplateError(`cannot tell the format of ${path} from its extension; pass --format csv or --format jsonl`);
}

export function readDataRows(path: string, opts: ReadRowsOptions = {}): AsyncGenerator<DataRow> {
  const format = dataFormatOf(path, opts.format);
  const name = opts.displayName ?? path;
  return format === 'csv' ? readCsvRows(path, name) : readJsonlRows(path, name, opts.onProblem);
}

/** The columns of a table, in order: a CSV's header; for JSONL, every key any row has, in first-seen order (one
 *  streamed pass — rows of a JSONL table need not share keys). */
export async function readDataColumns(path: string, opts: ReadRowsOptions = {}): Promise<string[]> {
  const format = dataFormatOf(path, opts.format);
  const name = opts.displayName ?? path;
  if (format === 'csv') {
    let header: string[] = [];
    const { stream, parser } = openCsv(path, csvParser(name, (h) => (header = h)));
    try {
      // The header is known once the first record is (or the file ends: a header and no rows).
      for await (const _ of parser) break;
      return header;
    } catch (err) {
      throw asDataFileError(err, name);
    } finally {
      stream.destroy();
    }
  }
  const seen = new Set<string>();
  for await (const row of readJsonlRows(path, name, () => {})) for (const key of Object.keys(row.values)) seen.add(key);
  return [...seen];
}

/** The file piped into the parser, with a read error (no such file, a directory) passed on to the parser: `.pipe`
 *  alone leaves it unhandled, and the process dies with a stack. */
function openCsv(path: string, parser: ReturnType<typeof parse>) {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  // A read error on a directory carries no path: add it, so the message names what the user gave.
  stream.on('error', (err: NodeJS.ErrnoException) => parser.destroy(Object.assign(err, { path: err.path ?? path })));
  return { stream, parser: stream.pipe(parser) };
}

function csvParser(name: string, onHeader?: (header: string[]) => void) {
  return parse({
    bom: true,
    skip_empty_lines: true,
    info: true,
    // Two columns with one name would silently lose one of them; refuse the header instead.
    // Names are trimmed: `id, question ,note` is a common header, and {{ question }} could never name " question ".
    columns: (raw: string[]) => {
      const header = raw.map((column) => column.trim());
      const first = new Map<string, number>();
      header.forEach((column, i) => {
        if (first.has(column)) {
          throw new DataFileError(name, [
            { line: 1, reason: `the header names column "${column}" twice (columns ${first.get(column)! + 1} and ${i + 1})` },
          ]);
        }
        first.set(column, i);
      });
      onHeader?.(header);
      return header;
    },
  });
}

async function* readCsvRows(path: string, name: string): AsyncGenerator<DataRow> {
  const { parser } = openCsv(path, csvParser(name));
  let row = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines; an editor shows one.
  let crlfSoFar = 0;
  try {
    for await (const r of parser) {
      const { record, info } = r as { record: Record<string, string>; info: { lines: number } };
      row++;
      // info.lines is where the record ends; a quoted field with line breaks started it earlier.
      let breaks = 0;
      for (const v of Object.values(record)) {
        if (!v.includes('\n') && !v.includes('\r')) continue;
        breaks += v.match(LINE_BREAK)?.length ?? 0;
        crlfSoFar += v.match(CRLF)?.length ?? 0;
      }
      yield { row, line: info.lines - crlfSoFar - breaks, values: record };
    }
  } catch (err) {
    throw asDataFileError(err, name, crlfSoFar);
  }
}

const LINE_BREAK = /\r\n|\r|\n/g;
const CRLF = /\r\n/g;

function asDataFileError(err: unknown, name: string, crlfSoFar = 0): unknown {
  if (err instanceof DataFileError) return err;
  const csv = err as CsvError & { lines?: number };
  if (typeof csv?.code === 'string' && csv.code.startsWith('CSV_')) {
    // csv-parse ends its messages with "… on line N"; the line goes in front, as everywhere else.
    const reason = csv.message.replace(/,? (at|on) line \d+$/, '').replace(/\.$/, '');
    return new DataFileError(name, [{ line: (csv.lines ?? 0) - crlfSoFar, reason: `not valid CSV: ${reason}` }]);
  }
  return err;
}

async function* readJsonlRows(path: string, name: string, onProblem?: (p: LineProblem) => void): AsyncGenerator<DataRow> {
  let row = 0;
  for await (const raw of readJsonlLines(path)) {
    row++;
    let value: unknown;
    let reason: string | null = null;
    try {
      value = JSON.parse(raw.text);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) reason = 'a row must be a JSON object';
    } catch (err) {
      reason = `not valid JSON: ${(err as Error).message}`;
    }
    if (reason !== null) {
      const problem = { line: raw.line, reason };
      if (!onProblem) throw new DataFileError(name, [problem]);
      onProblem(problem);
      continue;
    }
    const values: Record<string, string> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) values[key] = cellText(v);
    yield { row, line: raw.line, values };
  }
}

/** A JSONL value as a prompt shows it: strings as is (no quotes), null as empty, anything else as JSON. */
export function cellText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
