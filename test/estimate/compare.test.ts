// `estimate --compare`: the same requests priced on other providers' models, approximate, beside the file's estimate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { parseCompare } from '../../src/estimate/compare.ts';
import type { ComparisonEstimate, Range } from '../../src/estimate/types.ts';
import type { Observation } from '../../src/history/index.ts';
import { loadCatalog, PricingError } from '../../src/pricing/index.ts';
import { estimateToJson } from '../../src/report/estimateJson.ts';
import { estimateToCsv } from '../../src/report/estimateCsv.ts';
import { renderEstimateTable } from '../../src/report/estimateTable.ts';
import { UsageError } from '../../src/shared/usageError.ts';
import { approximateTokens, tokenRatioFor } from '../../src/tokens/approximate.ts';
import { chatLine, cli, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const now = new Date('2026-12-01T12:00:00Z');

// Two gpt-5.4-mini requests of "hello": 3 per message + 1 (role) + 1 (content) + 3 reply priming = 8 input tokens each.
// Effort none: expected output is the 256-token heuristic, capped by the request. a caps at 100; b sets no cap.
const file = writeJsonl([
  chatLine('a', 'hello', { max_completion_tokens: 100, reasoning_effort: 'none' }, 'gpt-5.4-mini'),
  chatLine('b', 'hello', { reasoning_effort: 'none' }, 'gpt-5.4-mini'),
]);

const near = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} ≠ ${expected}`);
const nearRange = (actual: Range, expected: Range, what: string) => {
  for (const k of ['low', 'expected', 'max'] as const) near(actual[k], expected[k], `${what}.${k}`);
};
const find = (c: ComparisonEstimate[] | undefined, to: string) => c!.find((x) => x.to === to)!;

test('parseCompare: every model → targets, MODEL=targets, groups by ";" or new line, repeated values', () => {
  assert.deepEqual(parseCompare('claude-haiku-4-5'), [{ from: null, to: 'claude-haiku-4-5' }]);
  assert.deepEqual(parseCompare('gpt-5.4-mini=claude-haiku-4-5,gemini-3.8-flash;gpt-5.5=claude-sonnet-5-5'), [
    { from: 'gpt-5.4-mini', to: 'claude-haiku-4-5' },
    { from: 'gpt-5.4-mini', to: 'gemini-3.8-flash' },
    { from: 'gpt-5.5', to: 'claude-sonnet-5-5' },
  ]);
  assert.deepEqual(parseCompare(['gpt-5.4-mini=claude-haiku-4-5\n azure/gpt-5.4-mini ', 'gpt-5.4-mini=claude-haiku-4-5', 'azure']), [
    { from: 'gpt-5.4-mini', to: 'claude-haiku-4-5' },
    { from: null, to: 'azure/gpt-5.4-mini' },
    { from: null, to: 'azure' },
  ]);
  assert.throws(() => parseCompare('a=b=c'), UsageError);
  assert.throws(() => parseCompare('gpt-5.4-mini=,claude-haiku-4-5'), UsageError);
  assert.throws(() => parseCompare(' ; '), UsageError);
});

test('an unknown target is a clear error that lists the known models (and a near miss)', () => {
  assert.throws(
    () => parseCompare('gpt-5.4-mini=claude-haiku-4.5'),
    (err: unknown) =>
      err instanceof PricingError &&
      /no price for "claude-haiku-4\.5"/.test(err.message) &&
      /Did you mean "claude-haiku-4-5"\?/.test(err.message) &&
      /anthropic: .*claude-sonnet-5-5/.test(err.message) &&
      /gemini: .*gemini-3\.8-flash.*gemini-2\.5-flash \(shut down 2026-12-01\)/.test(err.message) &&
      /azure\/<OpenAI model>/.test(err.message),
  );
  // From the command line: exit 1, the list on stderr, nothing estimated.
  const r = cli(['estimate', file, '--compare', 'claude-haiku-9']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no price for "claude-haiku-9".*Known models/s);
  assert.equal(r.stdout, '');
});

test('a small file on Claude Haiku 4.5 and Gemini 3.8 Flash: hand-computed tokens and dollars', async () => {
  const e = await estimateFile(file, { catalog, now, detail: true, compare: parseCompare('claude-haiku-4-5,gemini-3.8-flash') });
  assert.deepEqual(e.items!.map((i) => i.input_tokens), [8, 8]);
  assert.equal(e.comparison!.length, 2);

  // Haiku 4.5 (legacy Claude tokenizer, 1.20): input ceil(8 × 1.2) = 10 per request. Output a: min(cap 100, 100 × 1.2)
  // = 100; b: 256 × 1.2 = 307.2 expected, max = Haiku 4.5's limit of 64,000 (no cap set). $1 in / $5 out, batch half.
  const haiku = find(e.comparison, 'claude-haiku-4-5');
  assert.deepEqual([haiku.from, haiku.provider, haiku.requests, haiku.input_tokens, haiku.token_ratio, haiku.approximate], ['gpt-5.4-mini', 'anthropic', 2, 20, 1.2, true]);
  nearRange(haiku.output_tokens, { low: 2, expected: 407.2, max: 64_100 }, 'haiku output');
  nearRange(haiku.cost.sync, { low: (20 * 1 + 2 * 5) / 1e6, expected: (20 * 1 + 407.2 * 5) / 1e6, max: (20 * 1 + 64_100 * 5) / 1e6 }, 'haiku sync');
  nearRange(haiku.cost.batch, { low: (20 * 0.5 + 2 * 2.5) / 1e6, expected: (20 * 0.5 + 407.2 * 2.5) / 1e6, max: (20 * 0.5 + 64_100 * 2.5) / 1e6 }, 'haiku batch');

  // Gemini 3.8 Flash (1.10): ceil(8.8) = 9 per request; b: 256 × 1.1 = 281.6, max 65,536. $0.75 / $3.75, batch half.
  const flash = find(e.comparison, 'gemini-3.8-flash');
  assert.deepEqual([flash.provider, flash.input_tokens], ['gemini', 18]);
  nearRange(flash.output_tokens, { low: 2, expected: 381.6, max: 65_636 }, 'flash output');
  nearRange(flash.cost.sync, { low: (18 * 0.75 + 2 * 3.75) / 1e6, expected: (18 * 0.75 + 381.6 * 3.75) / 1e6, max: (18 * 0.75 + 65_636 * 3.75) / 1e6 }, 'flash sync');
  near(flash.cost.batch.expected, (18 * 0.375 + 381.6 * 1.875) / 1e6, 'flash batch');

  // The baseline: the same requests on gpt-5.4-mini ($0.75 / $4.50, batch half), 356 expected output tokens, max 128,100.
  for (const c of e.comparison!) {
    near(c.baseline.sync.expected, (16 * 0.75 + 356 * 4.5) / 1e6, 'baseline sync');
    near(c.baseline.batch.max, (16 * 0.375 + 128_100 * 2.25) / 1e6, 'baseline batch max');
  }
  assert.ok(haiku.notes.some((n) => /approximate tokens: the OpenAI count × 1\.2/.test(n)));
  assert.ok(haiku.notes.some((n) => /expected output carried over from gpt-5\.4-mini \(2 heuristic\) × 1\.2; max = each request's own cap, clamped to 64,000/.test(n)));
  assert.ok(haiku.notes.some((n) => /1 request\(s\) set no output cap.*Claude requires max_tokens/.test(n)));
  assert.match(haiku.token_basis, /\+16% \(English prose\)/);
});

test('the Claude 4.7+ tokenizer factor; a request cap above the target limit is clamped to it', async () => {
  assert.equal(tokenRatioFor('anthropic', 'claude-sonnet-5-5').ratio, 1.56);
  assert.equal(tokenRatioFor('anthropic', 'claude-opus-4-8').ratio, 1.56);
  assert.equal(tokenRatioFor('anthropic', 'claude-sonnet-4-6').ratio, 1.2);
  assert.equal(tokenRatioFor('anthropic', 'claude-haiku-4-5-20251001').ratio, 1.2);
  assert.equal(tokenRatioFor('gemini', 'gemini-4-carbon').ratio, 1.1);
  assert.equal(approximateTokens(100, tokenRatioFor('gemini', 'x')), 110);
  assert.equal(approximateTokens(8, tokenRatioFor('azure', 'azure/gpt-5.4-mini')), 8);

  const big = writeJsonl([chatLine('a', 'hello', { max_completion_tokens: 100_000, reasoning_effort: 'none' }, 'gpt-5.4-mini')]);
  const e = await estimateFile(big, { catalog, now, compare: parseCompare('claude-haiku-4-5') });
  const c = e.comparison![0];
  assert.equal(c.output_tokens.max, 64_000, 'clamped to Haiku 4.5 limit');
  assert.ok(c.notes.some((n) => /1 request\(s\) ask for more output than claude-haiku-4-5's limit of 64,000/.test(n)));
});

test('output measured by earlier runs carries over to the comparison, and says so', async () => {
  const plain = await estimateFile(file, { catalog, now, detail: true });
  const shape = plain.items![1].shape;
  const history: Observation[] = [{
    v: 1, run_at: '2026-11-30T00:00:00Z', file: 'requests.jsonl', model: 'gpt-5.4-mini', url: '/v1/chat/completions', shape: shape.id,
    prefix_hash: shape.prefix_hash, cap: shape.cap, effort: shape.effort, mode: 'batch', n: 40,
    output: { mean: 50, p10: 40, p50: 50, p90: 60, max: 70 }, reasoning_mean: 0, input_mean: 8, cached_input_mean: 0, cache_write_mean: 0, latency_ms_p50: null,
  }];
  const e = await estimateFile(file, { catalog, now, detail: true, history, compare: parseCompare('claude-haiku-4-5') });
  assert.ok(e.items!.every((i) => i.output_source === 'history'), 'calibrated by history (same model and endpoint)');
  assert.equal(e.items![1].output_tokens.expected, 50, 'the measured mean replaces the 256-token heuristic');
  const c = e.comparison![0];
  const expected = e.items!.reduce((sum, i) => sum + Math.min(i.max_output_tokens <= 100 ? 100 : 64_000, i.output_tokens.expected * 1.2), 0);
  near(c.output_tokens.expected, expected, 'expected output = the calibrated figures × 1.2');
  assert.ok(c.notes.some((n) => /expected output carried over from gpt-5\.4-mini \(2 history\) × 1\.2/.test(n)), c.notes.join('\n'));
});

test('the recommendation and every figure of the file are the same with or without --compare', async () => {
  const without = await estimateFile(file, { catalog, now, minSavingsUsd: 0 });
  const withIt = await estimateFile(file, { catalog, now, minSavingsUsd: 0, compare: parseCompare('claude-haiku-5-5,gemini-3.5-flash-lite,azure') });
  // Haiku 5.5 and Flash-Lite are far cheaper here, and still the pick is a mode of the file's own model.
  assert.ok(find(withIt.comparison, 'claude-haiku-5-5').cost.batch.expected < withIt.cost.batch.expected);
  assert.deepEqual(withIt.recommendation, without.recommendation);
  assert.deepEqual(withIt.cost, without.cost);
  assert.deepEqual(withIt.models, without.models);
  assert.deepEqual(withIt.savings, without.savings);
  assert.equal(without.comparison, undefined);
  assert.ok(!('comparison' in estimateToJson(without)), 'no comparison key without --compare');
});

test('Azure reuses the OpenAI entry: same tokens, same prices as the baseline, labelled as an assumption', async () => {
  const e = await estimateFile(file, { catalog, now, compare: parseCompare('azure,azure/gpt-5.4-nano') });
  const same = find(e.comparison, 'azure/gpt-5.4-mini');
  assert.deepEqual([same.provider, same.priced_as, same.input_tokens, same.token_ratio, same.approximate], ['azure', 'gpt-5.4-mini', 16, 1, true]);
  nearRange(same.cost.batch, same.baseline.batch, 'azure batch = OpenAI batch');
  nearRange(same.cost.sync, same.baseline.sync, 'azure sync = OpenAI standard');
  assert.ok(same.notes.some((n) => /Azure Global Batch bills 50% of the deployment's Global Standard price/.test(n)));
  assert.equal(find(e.comparison, 'azure/gpt-5.4-nano').priced_as, 'gpt-5.4-nano');
  await assert.rejects(estimateFile(file, { catalog, now, compare: parseCompare('azure/gpt-nonexistent-9') }), (err: unknown) => err instanceof PricingError && /^compare azure\/gpt-nonexistent-9:/.test(err.message));
});

test('JSON flags every comparison approximate; shut-down targets and endpoints they cannot take are noted', async () => {
  const mixed = writeJsonl([
    chatLine('a', 'hello', { max_completion_tokens: 100 }, 'gpt-5.4-mini'),
    { custom_id: 'e', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'hello' } },
  ]);
  const e = await estimateFile(mixed, { catalog, now, compare: parseCompare('gemini-2.5-flash;gpt-5.5=claude-sonnet-5-5;text-embedding-3-small=claude-haiku-4-5') });
  const json = estimateToJson(e) as { comparison: Record<string, unknown>[]; notes: string[]; recommendation: unknown };
  assert.ok(json.comparison.length > 0);
  for (const c of json.comparison) {
    assert.equal(c.approximate, true);
    assert.ok(typeof c.token_basis === 'string' && typeof c.token_ratio === 'number');
    assert.deepEqual(Object.keys(c.cost as object), ['sync', 'batch']);
  }
  const dead = json.comparison.find((c) => c.to === 'gemini-2.5-flash')!;
  assert.equal(dead.from, 'gpt-5.4-mini');
  assert.ok((dead.notes as string[]).some((n) => /gemini-2\.5-flash was shut down on 2026-12-01.*compare with gemini-3\.5-flash-lite instead/.test(n)));
  // Every model → gemini-2.5-flash: the embeddings model has nothing it can take, said once in the file's notes.
  assert.ok(json.notes.some((n) => /text-embedding-3-small not compared with gemini-2\.5-flash: its \/v1\/embeddings requests/.test(n)));
  // Asked for by name, the embeddings comparison stays, with 0 requests and the reason.
  const asked = json.comparison.find((c) => c.from === 'text-embedding-3-small')!;
  assert.equal(asked.requests, 0);
  assert.ok((asked.notes as string[]).some((n) => /1 \/v1\/embeddings request\(s\) of text-embedding-3-small not compared/.test(n)));
  // A model the file does not have.
  assert.ok(json.notes.some((n) => /--compare: "gpt-5\.5" is not a model of this file/.test(n)));
});

test('table and CSV show the comparison rows; a plain CSV keeps its columns', async () => {
  const e = await estimateFile(file, { catalog, now, compare: parseCompare('claude-haiku-4-5') });
  const table = renderEstimateTable(e);
  assert.match(table, /same requests on other models \(expected, no cache discounts; never picked\):/);
  assert.match(table, /gpt-5\.4-mini \(no cache\)/);
  // Batch expected: $0.001028 on Haiku 4.5 against $0.000807 on gpt-5.4-mini: +27%.
  assert.match(table, /→ claude-haiku-4-5 +\$0\.0021 +\$0\.001 +\$0\.16 +\+27%/);
  assert.match(table, /tokens × 1\.2: Claude tokenizer before 4\.7/);
  for (const line of table.split('\n')) assert.ok(line.length <= 80, `fits 80 columns: ${line}`);

  const csv = estimateToCsv(e).trim().split('\n');
  assert.equal(csv[0], 'file,model,mode,requests,input_tokens,output_low,output_expected,output_max,cost_low_usd,cost_expected_usd,cost_max_usd,compared_from,provider,approximate');
  const rows = csv.filter((l) => l.includes(',claude-haiku-4-5,'));
  assert.equal(rows.length, 2);
  assert.match(rows[1], /,claude-haiku-4-5,batch,2,20,2,407,64100,.*,gpt-5\.4-mini,anthropic,1$/);
  const plain = estimateToCsv(await estimateFile(file, { catalog, now })).split('\n')[0];
  assert.equal(plain, 'file,model,mode,requests,input_tokens,output_low,output_expected,output_max,cost_low_usd,cost_expected_usd,cost_max_usd');
});
