// results.jsonl and results.csv: one line per request of the input file, in input order. The input is streamed once;
// each request's latest outcome is read back from its file by position (OutcomeIndex), so memory stays flat however
// many answers there are. Both files are written under a temporary name and renamed, so a reader never sees half.
import { createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { readJsonlLines } from '../requests/index.ts';
import type { Mode } from '../estimate/types.ts';
import { answerText } from './answerText.ts';
import type { OutcomeIndex } from './outcomeIndex.ts';
import { usageTokens } from '../pricing/index.ts';
import { roundUsd } from './ledger/index.ts';
import type { LedgerBook } from './ledger/index.ts';
import type { Ledger } from './ledger/index.ts';
import type { ResultRecord, ResultStatus } from './types.ts';
import { scrub } from '../shared/secrets.ts';

export interface WriteResultsOptions {
  inputPath: string;
  resultsPath: string;
  csvPath: string;
  index: OutcomeIndex;
  /** Prices every record once and keeps the run's money (the ledger). */
  ledger: LedgerBook;
  /** The mode a request that never ran is reported under. */
  plannedMode: Mode;
  /** Sees every record as it is written (the run's history observations are gathered here, in the same pass). */
  onRecord?: (record: ResultRecord) => void;
}

export interface ResultsTally {
  requests: number;
  counts: Record<ResultStatus, number>;
  /** How many requests ended with each error code (failed, expired, cancelled and skipped ones). */
  error_codes: Record<string, number>;
  ledger: Ledger;
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
  let requests = 0;

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
      const found = toRecord(req.custom_id, raw.line, o);
      // One pricing per request: the record's cost_usd is the ledger's figure (a batch line's cost only when it
      // succeeded: a failed line's usage, if any, is what the API reported, priced the same way).
      const priced = o.ledger.price(found, req.body.model);
      const record: ResultRecord = { ...found, cost_usd: priced.actual === null ? null : roundUsd(priced.actual) };
      o.ledger.add(record, req.body.model, priced);
      o.onRecord?.(record);
      requests++;
      counts[record.status]++;
      if (record.error) errorCodes[record.error.code] = (errorCodes[record.error.code] ?? 0) + 1;
      const tokens = record.usage ? usageTokens(record.usage) : null;
      // results.jsonl and .csv are published (artifact, commit): scrubbed, whatever a server echoed into them.
      await write(jsonl, `${scrub(JSON.stringify(record))}\n`);
      await write(csv, [
        record.custom_id, record.line, record.status, record.mode, scrub(answerText(record.response)),
        tokens?.input ?? '', tokens?.output ?? '', record.cost_usd ?? '', record.error ? scrub(`${record.error.code}: ${record.error.message}`) : '',
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
  return { requests, counts, error_codes: errorCodes, ledger: o.ledger.close() };
}


function toRecord(custom_id: string, line: number, o: WriteResultsOptions): ResultRecord {
  const found = o.index.read(custom_id);
  if (!found) {
    return {
      custom_id, line, status: 'skipped', mode: o.plannedMode, batch_id: null, response: null,
      error: { code: 'no_result', message: 'no answer came back for this request: it was not sent before batchwise stopped, or its batch returned no line for it' }, usage: null, cost_usd: null,
    };
  }
  if (found.kind === 'journal') {
    // The journal's record is authoritative except for the input line and the cost, which the ledger sets.
    return { ...found.record, line };
  }
  const x = found.outcome;
  return {
    custom_id, line, status: x.status, mode: 'batch', batch_id: found.batch_id, response: x.response, error: x.error,
    usage: x.usage, cost_usd: null,
  };
}
