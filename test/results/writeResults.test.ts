// The merge: latest outcome per request, input order, exactly one line each, whatever order the sources are in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { LedgerBook, OutcomeIndex, openJournal, writeResults } from '../../src/results/index.ts';
import type { ResultRecord } from '../../src/results/index.ts';
import { resolvePricing, loadCatalog } from '../../src/pricing/index.ts';
import { chatLine, tempDir, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const ledger = () => new LedgerBook({ pricingFor: (model) => resolvePricing(catalog, model), estimateOf: () => undefined, plannedMode: 'batch' });

function ok(id: string, text: string) {
  return { id: `br-${id}`, custom_id: id, response: { status_code: 200, body: { choices: [{ message: { content: text } }], usage: { prompt_tokens: 1000, completion_tokens: 100 } } }, error: null };
}
function fail(id: string, status: number) {
  return { id: `br-${id}`, custom_id: id, response: { status_code: status, body: { error: { message: 'nope', code: status === 429 ? 'rate_limit_exceeded' : 'bad' } } }, error: null };
}

test('results come out in input order, one per request, the latest outcome of each; the rest are skipped', async () => {
  const dir = tempDir();
  const input = writeJsonl(['a', 'b', 'c', 'd', 'e'].map((id) => chatLine(id, id, {}, 'gpt-4.1-mini')));
  // Round 0 output (shuffled) and error file; a sync retry of "c" in the journal; "e" never ran.
  const out0 = join(dir, 'out0.jsonl');
  writeFileSync(out0, [ok('d', 'D'), ok('a', 'A')].map((l) => JSON.stringify(l)).join('\n') + '\n');
  const err0 = join(dir, 'err0.jsonl');
  writeFileSync(err0, [fail('c', 429), fail('b', 400)].map((l) => JSON.stringify(l)).join('\n') + '\n');
  const journalPath = join(dir, 'sync.jsonl');
  const j = openJournal(journalPath);
  const synced: ResultRecord = {
    custom_id: 'c', line: 3, status: 'succeeded', mode: 'sync', batch_id: null, response: { choices: [{ message: { content: 'C' } }] },
    error: null, usage: { prompt_tokens: 1000, completion_tokens: 100 }, cost_usd: 0.5,
  };
  j.append(synced, false);
  j.close();
  // A torn last line, as a kill -9 mid-write leaves it, is ignored.
  writeFileSync(journalPath, readFileSync(journalPath, 'utf8') + '{"retryable":false,"record":{"custom_id":"e","li');

  const index = new OutcomeIndex();
  await index.addBatchFile(out0, 'batch_0');
  await index.addBatchFile(err0, 'batch_0');
  await index.addJournal(journalPath);
  const tally = await writeResults({ inputPath: input, resultsPath: join(dir, 'r.jsonl'), csvPath: join(dir, 'r.csv'), index, ledger: ledger(), plannedMode: 'batch' });

  const rows = readFileSync(join(dir, 'r.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as ResultRecord);
  assert.deepEqual(rows.map((r) => [r.custom_id, r.line, r.status, r.mode]), [
    ['a', 1, 'succeeded', 'batch'], ['b', 2, 'failed', 'batch'], ['c', 3, 'succeeded', 'sync'], ['d', 4, 'succeeded', 'batch'], ['e', 5, 'skipped', 'batch'],
  ]);
  assert.equal(rows[1].error?.code, 'bad');
  assert.equal(rows[4].error?.code, 'no_result');
  // Batch lines are priced at the batch price of the model: 1000 × 0.2/1M + 100 × 0.8/1M for gpt-4.1-mini.
  const { batch, sync } = resolvePricing(catalog, 'gpt-4.1-mini');
  assert.equal(rows[0].cost_usd, (1000 * batch.input + 100 * batch.output) / 1e6);
  // The ledger prices every record from its usage, the journal's too: one figure, computed once.
  assert.equal(rows[2].cost_usd, (1000 * sync.input + 100 * sync.output) / 1e6, 'a sync answer at sync prices');
  assert.deepEqual(tally.counts, { succeeded: 3, failed: 1, expired: 0, cancelled: 0, skipped: 1 });
  assert.ok(Math.abs(tally.ledger.total.actual_usd - (2 * rows[0].cost_usd! + rows[2].cost_usd!)) < 1e-9);
  // At sync prices, the two batch answers cost what the sync one did: the saving is exactly their discount.
  assert.ok(Math.abs(tally.ledger.total.at_sync_prices_usd - 3 * rows[2].cost_usd!) < 1e-9);
  assert.ok(Math.abs(tally.ledger.total.saved_usd - 2 * (rows[2].cost_usd! - rows[0].cost_usd!)) < 1e-9);
  assert.equal(tally.ledger.moved_to_sync, 1);

  const csv = parse(readFileSync(join(dir, 'r.csv')), { columns: true }) as Record<string, string>[];
  assert.deepEqual(csv.map((r) => r.answer), ['A', '', 'C', 'D', '']);
  assert.equal(csv[1].error, 'bad: nope');
  assert.equal(csv[0].input_tokens, '1000');
});
