// The ledger on hand-made usage: every price rule in the actual cost, the saving against sync prices, like-with-like
// estimate errors, and what may be claimed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, resolvePricing } from '../../src/pricing/index.ts';
import { LedgerBook, combineLedgers, savingClaim } from '../../src/results/index.ts';
import type { ResultRecord } from '../../src/results/index.ts';
import type { LineEstimate, Mode } from '../../src/estimate/types.ts';

const catalog = loadCatalog();
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

function record(line: number, mode: Mode, usage: Record<string, unknown> | null, status: ResultRecord['status'] = 'succeeded'): ResultRecord {
  return { custom_id: `r${line}`, line, status, mode, batch_id: null, response: null, error: null, usage, cost_usd: null };
}

function book(plannedMode: Mode = 'batch', estimates: Record<number, Partial<LineEstimate>> = {}, region = false) {
  return new LedgerBook({
    pricingFor: (m) => resolvePricing(catalog, m),
    estimateOf: (line) => estimates[line] as LineEstimate | undefined,
    plannedMode,
    ctx: { region },
  });
}

function add(b: LedgerBook, r: ResultRecord, model: string) {
  const priced = b.price(r, model);
  b.add(r, model, priced);
  return priced;
}

test('actual cost per rule: cached, cache-write, reasoning, long context, region, priority — and the same usage at sync prices', () => {
  const b = book('sync');
  // gpt-5.6-terra: $2 in / $0.20 cached / $2.50 write / $12 out; batch half.
  const u56 = { input_tokens: 10_000, output_tokens: 1_000, input_tokens_details: { cached_tokens: 4_000, cache_write_tokens: 2_000 }, output_tokens_details: { reasoning_tokens: 600 } };
  const p1 = add(b, record(1, 'batch', u56), 'gpt-5.6-terra');
  close(p1.actual!, (4_000 * 1 + 4_000 * 0.1 + 2_000 * 1.25 + 1_000 * 6) / 1e6, 'batch with cache read and write');
  close(p1.atSync!, (4_000 * 2 + 4_000 * 0.2 + 2_000 * 2.5 + 1_000 * 12) / 1e6, 'same usage at sync');
  // gpt-5.5 over 272K input: 2× input and cached, 1.5× output, batch too.
  const long = { prompt_tokens: 300_000, completion_tokens: 2_000, prompt_tokens_details: { cached_tokens: 100_000 } };
  const p2 = add(b, record(2, 'batch', long), 'gpt-5.5');
  close(p2.actual!, (200_000 * 2.5 * 2 + 100_000 * 0.25 * 2 + 2_000 * 15 * 1.5) / 1e6, 'long context in batch');
  // Priority at the Fast table's price; at sync prices it is the standard rate, so the "saving" is negative.
  const p3 = add(b, record(3, 'priority', { prompt_tokens: 1_000, completion_tokens: 100 }), 'gpt-5.5');
  close(p3.actual!, (1_000 * 12.5 + 100 * 75) / 1e6, 'priority');
  close(p3.atSync!, (1_000 * 5 + 100 * 30) / 1e6, 'priority at sync');
  const l = b.close();
  close(l.total.actual_usd, p1.actual! + p2.actual! + p3.actual!, 'total');
  close(l.total.saved_usd, l.total.at_sync_prices_usd - l.total.actual_usd, 'saved = at sync − actual');
  assert.equal(l.total.cache_write_tokens, 2_000);
  assert.equal(l.total.reasoning_tokens, 600);
  assert.ok(l.by_mode.priority!.saved_usd < 0, 'priority costs more');

  const r = book('sync', {}, true);
  const pr = add(r, record(1, 'sync', { prompt_tokens: 1_000, completion_tokens: 100 }), 'gpt-5.5');
  close(pr.actual!, 1.1 * (1_000 * 5 + 100 * 30) / 1e6, 'regional uplift on gpt-5.5');
  const old = add(r, record(2, 'sync', { prompt_tokens: 1_000, completion_tokens: 100 }), 'gpt-4o');
  close(old.actual!, (1_000 * 2.5 + 100 * 10) / 1e6, 'none on gpt-4o');
});

test('a batch whose safety net moved everything to sync claims no saving, and says how many moved', () => {
  const b = book('batch');
  for (let i = 1; i <= 24; i++) add(b, record(i, 'sync', { prompt_tokens: 500, completion_tokens: 200 }), 'gpt-4.1-mini');
  const l = b.close();
  assert.equal(l.moved_to_sync, 24);
  close(l.total.saved_usd, 0, 'nothing saved');
  assert.equal(savingClaim(l.total, l.by_mode, l.moved_to_sync).kind, 'none');
});

test('a partial run compares like with like: only billed requests, each with its estimate in the mode it ran', () => {
  const est = (input: number, out: number, batchUsd: number, syncUsd: number): Partial<LineEstimate> => ({
    input_tokens: input, output_tokens: { low: 1, expected: out, max: 1000 },
    cost: { sync: { low: 0, expected: syncUsd, max: 1 }, batch: { low: 0, expected: batchUsd, max: 1 }, flex: null, priority: null },
  });
  const estimates: Record<number, Partial<LineEstimate>> = { 1: est(1000, 100, 0.001, 0.002), 2: est(1000, 100, 0.001, 0.002), 3: est(1000, 100, 0.001, 0.002) };
  const b = book('batch', estimates);
  add(b, record(1, 'batch', { prompt_tokens: 1000, completion_tokens: 150 }), 'gpt-4.1-mini');
  add(b, record(2, 'sync', { prompt_tokens: 1000, completion_tokens: 50 }), 'gpt-4.1-mini');
  add(b, record(3, 'batch', null, 'cancelled'), 'gpt-4.1-mini');
  const l = b.close();
  assert.equal(l.total.requests, 3);
  assert.equal(l.total.billed, 2);
  close(l.total.estimated_usd, 0.001 + 0.002, 'the estimate of the two billed requests, each in its mode');
  assert.equal(l.total.estimated_output_tokens, 200);
  assert.equal(l.total.estimate_error.output, 0, '150 + 50 against 100 + 100');
  assert.equal(l.total.estimate_error.input, 0);
  assert.equal(typeof l.total.estimate_error.cost, 'number');
});

test('ledgers of several files add up; the claim is computed from the sums', () => {
  const a = book('batch');
  add(a, record(1, 'batch', { prompt_tokens: 1000, completion_tokens: 100 }), 'gpt-4.1-mini');
  const b = book('sync');
  add(b, record(1, 'sync', { prompt_tokens: 1000, completion_tokens: 100 }), 'gpt-4.1-mini');
  const [la, lb] = [a.close(), b.close()];
  const c = combineLedgers([la, lb]);
  close(c.total.actual_usd, la.total.actual_usd + lb.total.actual_usd, 'actual');
  close(c.total.saved_usd, la.total.saved_usd, 'only the batch saved');
  const claim = savingClaim(c.total, c.by_mode, c.moved_to_sync);
  assert.equal(claim.kind, 'saved');
  close(claim.share, la.total.saved_usd / c.total.at_sync_prices_usd, 'share of what sync prices would have been');
});
