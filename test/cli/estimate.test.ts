import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, chatLine, tempDir, writeJsonl } from '../helpers.ts';

test('estimate prints the comparison table', () => {
  const r = cli(['estimate', 'examples/requests.jsonl']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /examples\/requests\.jsonl: 12 requests/);
  assert.match(r.stdout, /^sync/m);
  assert.match(r.stdout, /^batch/m);
  assert.match(r.stdout, /recommended: /);
});

test('--format json is one parseable object', () => {
  const r = cli(['estimate', 'examples/hello.jsonl', '--format', 'json', '--detail']);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.input_tokens, 42);
  assert.equal(j.items.length, 2);
});

test('--latency-budget changes the recommendation, and a bad one is a clear error', () => {
  const r = cli(['estimate', 'examples/requests.jsonl', '--format', 'json', '--latency-budget', '20m']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).recommendation.mode, 'sync');
  const bad = cli(['estimate', 'examples/requests.jsonl', '--latency-budget', 'soon']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /invalid --latency-budget "soon"/);
  assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/, 'no stack trace for a user mistake');
});

test('an invalid file exits 1 listing every bad line as file:line: reason', () => {
  const file = writeJsonl([chatLine('a', 'x'), '{"custom_id": "a"', chatLine('a', 'dup')]);
  const r = cli(['estimate', file]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`${file.replace(/[.]/g, '\\.')}:2: `));
  assert.match(r.stderr, /:3: duplicate custom_id "a" \(first on line 1\)/);
});

test('--pricing adds a model the catalog lacks; without it the error says how', () => {
  const file = writeJsonl([chatLine('a', 'x', { max_tokens: 10 }, 'my-finetune-model')]);
  const missing = cli(['estimate', file]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /my-finetune-model/);
  assert.match(missing.stderr, /--pricing/);
  const prices = join(tempDir(), 'prices.json');
  writeFileSync(prices, JSON.stringify({ models: { 'my-finetune-model': { input: 1, output: 2, encoding: 'o200k_base' } } }));
  const ok = cli(['estimate', file, '--pricing', prices, '--format', 'json']);
  assert.equal(ok.code, 0, ok.stderr);
  const j = JSON.parse(ok.stdout);
  assert.ok(j.cost.sync.max > 0);
  assert.ok(Math.abs(j.cost.batch.max - j.cost.sync.max / 2) < 1e-12, 'batch defaults to half of sync');
});

test('csv and markdown formats', () => {
  const csv = cli(['estimate', 'examples/hello.jsonl', '--format', 'csv']);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stdout.split('\n')[0], /^file,model,mode,requests,input_tokens/);
  const md = cli(['estimate', 'examples/hello.jsonl', '--format', 'markdown']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\| mode \| low \| expected \| max \|/);
});

test('a missing file is one clear line', () => {
  const r = cli(['estimate', 'no/such/file.jsonl']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /no\/such\/file\.jsonl/);
  assert.doesNotMatch(r.stderr, /internal error/);
});

test('bad flags and bad files: one clear line each, never a stack', () => {
  const cases: [string[], RegExp][] = [
    [['estimate', 'examples/hello.jsonl', '--workers', 'abc'], /--workers .*expected a whole number/],
    [['estimate', 'examples/hello.jsonl', '--workers', '-1'], /--workers .*expected a whole number/],
    [['estimate', 'examples/hello.jsonl', '--min-savings', 'x'], /--min-savings .*expected a number/],
    [['estimate', 'examples/hello.jsonl', '--format', 'xml'], /--format/],
    [['estimate', 'examples'], /cannot use examples: is a directory/],
  ];
  const badPricing = join(tempDir(), 'prices.json');
  writeFileSync(badPricing, '{"models": {"x": {"input": -1, "output": 2}}}');
  cases.push([['estimate', 'examples/hello.jsonl', '--pricing', badPricing], /prices\.json.*input/]);
  const notJson = join(tempDir(), 'prices.json');
  writeFileSync(notJson, '{nope');
  cases.push([['estimate', 'examples/hello.jsonl', '--pricing', notJson], /prices\.json/]);
  for (const [args, pattern] of cases) {
    const r = cli(args);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, `no stack for: ${args.join(' ')}`);
  }
});

test('a model name with a newline or terminal escapes stays on one quoted line', () => {
  const file = writeJsonl([chatLine('a', 'x', {}, 'evil\n**model** \u001b[31m')]);
  const r = cli(['estimate', file]);
  assert.equal(r.code, 1);
  const first = r.stderr.split('\n')[0];
  assert.match(first, /No price for model "evil\\n\*\*model\*\* \\u001b\[31m"/);
  assert.doesNotMatch(r.stderr, /\u001b/);
});

test('history: --history FILE calibrates, BATCHWISE_HISTORY sets the default, --no-history and "off" turn it off', () => {
  const dir = tempDir();
  const history = join(dir, 'h.jsonl');
  const obs = { v: 1, run_at: '2026-11-30T00:00:00.000Z', file: 'requests.jsonl', model: 'gpt-5.4-mini', url: '/v1/chat/completions', shape: 'x', prefix_hash: 'y', cap: 5, effort: 'none', mode: 'batch', n: 50, output: { mean: 2, p10: 1, p50: 2, p90: 3, max: 5 }, reasoning_mean: 0, input_mean: 40, cached_input_mean: 0, cache_write_mean: 0, latency_ms_p50: null };
  writeFileSync(history, JSON.stringify(obs) + '\n');
  const source = (args: string[], env: Record<string, string> = {}) => JSON.parse(cli(['estimate', 'examples/requests.jsonl', '--format', 'json', ...args], env).stdout).output_tokens.source;
  assert.equal(source(['--history', history]), 'history');
  assert.equal(source([], { BATCHWISE_HISTORY: history }), 'history');
  assert.equal(source(['--no-history'], { BATCHWISE_HISTORY: history }), 'heuristic');
  assert.equal(source([], { BATCHWISE_HISTORY: 'off' }), 'heuristic');
});
