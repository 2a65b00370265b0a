// `batchwise join` (and `run --join`): the user's table again, every column kept, with each row's answer, status,
// tokens, cost and error — matched by custom_id with prepare's rule. Answers that should have parsed and did not are
// written as requests ready to run again.
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { readJsonlLines } from '../requests/index.ts';
import { compileTemplate, readDataColumns, readDataRows, rowCustomId } from '../prepare/index.ts';
import type { DataRow } from '../prepare/index.ts';
import { JoinError } from './errors.ts';
import { answerParser } from './parseAnswer.ts';
import type { AnswerParser } from './parseAnswer.ts';
import { ResultIndex } from './readResults.ts';
import type { JoinedResult } from './readResults.ts';
import { UnparsedRequests } from './unparsedRequests.ts';
import type { IdSample, JoinOptions, JoinSummary } from './types.ts';

/** The request file a `batchwise run` DIR was made from (its state.json says), when it is still where it was: then
 *  unparsed answers can be written again as the very request lines that ran, without --requests. */
function requestFileOfRun(resultsPath: string): string | undefined {
  try {
    const state = JSON.parse(readFileSync(join(dirname(resultsPath), 'state.json'), 'utf8')) as { input_file?: unknown };
    return typeof state.input_file === 'string' && existsSync(state.input_file) ? state.input_file : undefined;
  } catch {
    return undefined; // no state.json (results from elsewhere): prepare's options or nothing
  }
}

/** Ids shown in a summary; the rest are counted. */
const SAMPLE = 10;
const RESULT_COLUMNS = ['answer', 'status', 'input_tokens', 'output_tokens', 'cost_usd', 'error'] as const;

export async function joinResults(given: JoinOptions): Promise<JoinSummary> {
  const opts = { ...given, requests: given.requests ?? requestFileOfRun(given.results) };
  // A wrong --requests is found before results.csv is replaced, not after.
  if (opts.requests !== undefined && !existsSync(opts.requests)) throw new JoinError(`--requests ${opts.requests}: no such file`);
  const parser = await chooseParser(opts);
  const dataColumns = await readDataColumns(opts.data, { format: opts.format });
  if (opts.idColumn !== undefined && !dataColumns.includes(opts.idColumn)) {
    throw new JoinError(`--id-column "${opts.idColumn}" is not a column of ${opts.data} (columns: ${dataColumns.join(', ')})`);
  }
  const index = await ResultIndex.build(opts.results, parser);
  const names = outputNames(dataColumns, opts.idColumn === undefined, index.fieldColumns);
  const template = opts.prepare && !opts.requests ? compileTemplate(opts.prepare) : null;
  const unparsed = new UnparsedRequests(opts.unparsedOut ?? join(dirname(opts.results), 'unparsed.jsonl'), opts.requests, template);

  const statuses: Record<string, number> = {};
  const unparsedIds: string[] = [];
  let unparsedCount = 0;
  let rows = 0;
  let matched = 0;
  let cost = 0;
  let unparsed_path: string | null = null;

  await mkdir(dirname(opts.out), { recursive: true });
  const temp = join(dirname(opts.out), `.${basename(opts.out)}.${process.pid}.partial`);
  // No BOM, like the run's results.csv (one CSV dialect for both).
  const csv = stringify({ header: true, columns: names.header });
  const written = pipeline(csv, createWriteStream(temp));
  // Awaited after the rows; until then a write error must not surface as an unhandled rejection.
  written.catch(() => {});
  try {
    for await (const row of readDataRows(opts.data, { format: opts.format })) {
      rows++;
      const rowId = rowCustomId(row, opts.idColumn);
      const id = 'id' in rowId ? rowId.id : null;
      const result = id === null ? undefined : index.take(id);
      const status = result?.status ?? 'missing';
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (result) {
        matched++;
        cost += result.cost_usd ?? 0;
        if (result.unparsed !== null) {
          if (unparsedIds.length < SAMPLE) unparsedIds.push(id!);
          unparsedCount++;
          await unparsed.add(id!, row);
        }
      }
      const missing = 'problem' in rowId ? rowId.problem : `no result for custom_id ${JSON.stringify(id)}`;
      if (!csv.write(outputRow(row, id, result, names, index.fieldColumns, missing))) await once(csv, 'drain');
    }
    csv.end();
    await written;
    if (index.size > 0 && matched === 0) throw noneMatched(index.firstIds(3), opts);
    await rename(temp, opts.out);
    unparsed_path = await unparsed.finish();
  } catch (err) {
    csv.destroy();
    await unparsed.abort();
    await rm(temp, { force: true });
    throw err;
  } finally {
    index.close();
  }
  const unmatched = index.unmatched();
  return {
    out: opts.out,
    rows,
    columns: names.header,
    statuses,
    parsed: index.parsed,
    parse: parser?.kind ?? (index.parsed > 0 || unparsedCount > 0 ? 'json' : null),
    unparsed: { count: unparsedCount, ids: unparsedIds },
    unparsed_path,
    unmatched_results: sample(unmatched),
    cost_usd: cost,
  };
}

/** --parse wins; else JSON exactly when the requests asked for structured outputs. */
async function chooseParser(opts: JoinOptions): Promise<AnswerParser | null> {
  if (opts.parse !== undefined) return answerParser(opts.parse);
  if (opts.prepare?.responseFormat !== undefined) return answerParser('json');
  if (opts.requests !== undefined) {
    // One file is one kind of request (prepare writes them so); its first line tells.
    for await (const raw of readJsonlLines(opts.requests)) {
      try {
        const body = (JSON.parse(raw.text) as { body?: { response_format?: { type?: string }; text?: { format?: { type?: string } } } }).body;
        const type = body?.response_format?.type ?? body?.text?.format?.type;
        if (type === 'json_schema' || type === 'json_object') return answerParser('json');
      } catch {
        // Not ours to validate here; the run already did.
      }
      break;
    }
  }
  return null;
}

interface OutputNames {
  header: string[];
  /** Our columns (answer, status…, and parsed fields) under the names they got beside the table's own. */
  result: Record<string, string>;
  fields: Record<string, string>;
  /** The custom_id column's name, or null when the table's own id column says it. */
  customId: string | null;
}

/** The table's columns first, unchanged; ours after. A name the table already uses gets a `result_` prefix. */
function outputNames(dataColumns: string[], withCustomId: boolean, fieldColumns: string[]): OutputNames {
  const taken = new Set(dataColumns);
  const claim = (name: string) => {
    let n = name;
    for (let i = 2; taken.has(n); i++) n = i === 2 ? `result_${name}` : `result_${name}_${i}`;
    taken.add(n);
    return n;
  };
  const header = [...dataColumns];
  // Without an id column the table has no key of its own: custom_id (row-N) says which request a row was.
  const customId = withCustomId ? claim('custom_id') : null;
  if (customId) header.push(customId);
  const result: Record<string, string> = {};
  const fields: Record<string, string> = {};
  result.answer = claim('answer');
  header.push(result.answer);
  for (const f of fieldColumns) header.push((fields[f] = claim(f)));
  for (const c of RESULT_COLUMNS.slice(1)) header.push((result[c] = claim(c)));
  return { header, result, fields, customId };
}

function outputRow(
  row: DataRow,
  id: string | null,
  r: JoinedResult | undefined,
  names: OutputNames,
  fieldColumns: string[],
  missing: string,
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...row.values };
  if (names.customId) out[names.customId] = id ?? '';
  const n = names.result;
  out[n.answer] = r?.answer ?? '';
  for (const f of fieldColumns) out[names.fields[f]] = r?.fields?.[f] ?? '';
  out[n.status] = r?.status ?? 'missing';
  out[n.input_tokens] = r?.input_tokens ?? '';
  out[n.output_tokens] = r?.output_tokens ?? '';
  out[n.cost_usd] = r?.cost_usd ?? '';
  out[n.error] = r ? (r.error || (r.unparsed !== null ? `unparsed: ${r.unparsed}` : '')) : missing;
  return out;
}

function noneMatched(firstIds: string[], opts: JoinOptions): JoinError {
  const some = firstIds.map((id) => JSON.stringify(id)).join(', ');
  const rule = opts.idColumn === undefined ? 'row-1, row-2, … (no --id-column)' : `the values of column "${opts.idColumn}"`;
  return new JoinError(
    `no result matches a row of ${opts.data}: results have custom_ids like ${some}, the rows give ${rule}. ` +
      `Pass the --id-column that prepare used.`,
  );
}

function sample(ids: string[]): IdSample {
  return { count: ids.length, ids: ids.slice(0, SAMPLE) };
}
