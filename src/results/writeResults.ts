// results.jsonl and results.csv: one line per request of the input file, in input order. The input is streamed once;
// each request's latest outcome is read back from its file by position (OutcomeIndex), so memory stays flat however
// many answers there are. Both files are written under a temporary name and renamed, so a reader never sees half.
import { createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { readJsonlLines } from '../requests/index.ts';
import type { Mode } from '../estimate/types.ts';
import type { ModePrice } from '../pricing/index.ts';
import { answerText } from './answerText.ts';
import type { OutcomeIndex } from './outcomeIndex.ts';
import { usageCostUsd, usageTokens } from '../pricing/index.ts';
import type { ResultRecord, ResultStatus } from './types.ts';

export interface WriteResultsOptions {
  inputPath: string;
  resultsPath: string;
  csvPath: string;
  index: OutcomeIndex;
  /** The price of a model in a mode (null: the mode does not exist for it). */
  priceFor: (model: string, mode: Mode) => ModePrice | null;
  /** The mode a request that never ran is reported under. */
  plannedMode: Mode;
}

/** Actual figures per (mode, model), for the report's estimate-vs-actual table. */
export interface ActualGroup {
  mode: Mode;
  model: string;
  requests: number;
  succeeded: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
}

export interface ResultsTally {
  requests: number;
  counts: Record<ResultStatus, number>;
  /** How many requests ended with each error code (failed, expired, cancelled and skipped ones). */
  error_codes: Record<string, number>;
  actual_cost_usd: number;
  groups: ActualGroup[];
}

export const CSV_COLUMNS = ['custom_id', 'line', 'status', 'mode', 'answer', 'input_tokens', 'output_tokens', 'cost_usd', 'error'];

async function write(stream: Writable, chunk: string | unknown[]): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function finish(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export async function writeResults(o: WriteResultsOptions): Promise<ResultsTally> {
  const counts: Record<ResultStatus, number> = { succeeded: 0, failed: 0, expired: 0, cancelled: 0, skipped: 0 };
  const errorCodes: Record<string, number> = {};
  const groups = new Map<string, ActualGroup>();
  let requests = 0;
  let actual = 0;

  const jsonlTmp = `${o.resultsPath}.tmp`;
  const csvTmp = `${o.csvPath}.tmp`;
  const jsonl = createWriteStream(jsonlTmp);
  const csvFile = createWriteStream(csvTmp);
  const csv = stringify({ header: true, columns: CSV_COLUMNS });
  csv.pipe(csvFile);
  try {
    for await (const raw of readJsonlLines(o.inputPath)) {
      // The file was validated before anything ran: every line parses and has a custom_id and a model.
      const req = JSON.parse(raw.text) as { custom_id: string; body: { model: string } };
      const record = toRecord(req.custom_id, raw.line, req.body.model, o);
      requests++;
      counts[record.status]++;
      if (record.error) errorCodes[record.error.code] = (errorCodes[record.error.code] ?? 0) + 1;
      if (record.cost_usd !== null) actual += record.cost_usd;
      const key = `${record.mode}\n${req.body.model}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { mode: record.mode, model: req.body.model, requests: 0, succeeded: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0 }));
      g.requests++;
      if (record.status === 'succeeded') g.succeeded++;
      const tokens = record.usage ? usageTokens(record.usage) : null;
      g.input_tokens += tokens?.input ?? 0;
      g.output_tokens += tokens?.output ?? 0;
      g.cost_usd += record.cost_usd ?? 0;
      await write(jsonl, `${JSON.stringify(record)}\n`);
      await write(csv, [
        record.custom_id, record.line, record.status, record.mode, answerText(record.response),
        tokens?.input ?? '', tokens?.output ?? '', record.cost_usd ?? '', record.error ? `${record.error.code}: ${record.error.message}` : '',
      ]);
    }
  } finally {
    o.index.close();
    await finish(jsonl);
    csv.end();
    await once(csvFile, 'finish');
  }
  renameSync(jsonlTmp, o.resultsPath);
  renameSync(csvTmp, o.csvPath);
  return { requests, counts, error_codes: errorCodes, actual_cost_usd: actual, groups: [...groups.values()] };
}

function toRecord(custom_id: string, line: number, model: string, o: WriteResultsOptions): ResultRecord {
  const found = o.index.read(custom_id);
  if (!found) {
    return {
      custom_id, line, status: 'skipped', mode: o.plannedMode, batch_id: null, response: null,
      error: { code: 'no_result', message: 'no answer came back for this request: it was not sent before batchwise stopped, or its batch returned no line for it' }, usage: null, cost_usd: null,
    };
  }
  if (found.kind === 'journal') {
    const r = found.record;
    // The journal's record is authoritative except for the input line (the journal may predate a renumbering: never).
    const cost = r.cost_usd ?? usageCostUsd(r.usage, o.priceFor(model, r.mode));
    return { ...r, line, cost_usd: cost };
  }
  const x = found.outcome;
  return {
    custom_id, line, status: x.status, mode: 'batch', batch_id: found.batch_id, response: x.response, error: x.error,
    usage: x.usage, cost_usd: x.status === 'succeeded' ? usageCostUsd(x.usage, o.priceFor(model, 'batch')) : null,
  };
}
