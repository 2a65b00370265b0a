// The long tail: prices for a model the catalog lacks, from the data bundled in @pydantic/genai-prices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { derivedEntry, LONG_TAIL_VERSION } from '../../src/pricing/longTail.ts';
import { parsePricingFile } from '../../src/pricing/index.ts';
import { REQUIRED_ENTRY_FIELDS } from '../../src/pricing/parsePricingFile.ts';
import bundled from '../../data/pricing.json' with { type: 'json' };

const TODAY = '2026-12-01';

test('a model only the library knows: its standard and cached prices, batch at 50%, no flex or priority, origin derived', () => {
  // o1-mini: long gone from OpenAI's pricing page and from our catalog, still in the library.
  const names = Object.entries(bundled.models as Record<string, { snapshots?: string[] }>).flatMap(([k, e]) => [k, ...(e.snapshots ?? [])]);
  assert.ok(!names.includes('o1-mini'), 'the test needs a model the bundled catalog lacks');

  const e = derivedEntry('o1-mini', 'openai', TODAY)!;
  assert.deepEqual([e.input, e.cached_input, e.output], [1.1, 0.55, 4.4]);
  assert.deepEqual([e.batch_input, e.batch_output], [0.55, 2.2]);
  assert.equal(e.batch_cached_input, null, 'no batch cache discount assumed');
  assert.deepEqual([e.flex, e.priority, e.cache_write, e.batch_cache_write, e.long_context], [null, null, null, null, null]);
  assert.deepEqual([e.regional_uplift, e.media, e.released, e.shutdown, e.replacement, e.max_output_tokens], [null, null, null, null, null, null]);
  assert.deepEqual([e.context_window, e.reasoning, e.endpoints, e.snapshots], [128_000, false, [], []]);
  assert.equal(e.encoding, undefined);
  assert.deepEqual([e.origin, e.as_of], ['derived', TODAY]);
  assert.match(e.note!, new RegExp(`@pydantic/genai-prices ${LONG_TAIL_VERSION.replaceAll('.', '\\.')}`));
  assert.match(e.note!, /50% of standard/);
  assert.match(e.note!, /no date: as_of is the day it was looked up/);

  // A complete entry: every field the bundled catalog must state, each passing the pricing-file checks.
  for (const field of REQUIRED_ENTRY_FIELDS) assert.ok(Object.hasOwn(e, field), field);
  parsePricingFile({ models: { 'o1-mini': e } }, 'derived');
});

test('batch is exactly half of standard, cache writes included; the 272K tier becomes the long-context rule', () => {
  const e = derivedEntry('gpt-6-sol', 'openai', TODAY)!;
  assert.deepEqual([e.input, e.cached_input, e.cache_write, e.output], [2, 0.2, 2.5, 10]);
  assert.deepEqual([e.batch_input, e.batch_cache_write, e.batch_output], [e.input / 2, e.cache_write! / 2, e.output / 2]);
  assert.deepEqual(e.long_context, { above_input_tokens: 272_000, input: 2, output: 1.5 });
  assert.equal(e.context_window, 1_050_000);
  // The library encodes "<272K" as a tier from 271999; the rule keeps its number (both mean "more than start").
  assert.deepEqual(derivedEntry('gpt-5.5', 'openai', TODAY)!.long_context, { above_input_tokens: 271_999, input: 2, output: 1.5 });
});

test('the library matches dated names and picks the price in force on the day asked', () => {
  const dated = derivedEntry('gpt-5.5-2026-04-23', 'openai', TODAY)!;
  assert.equal(dated.input, 5);
  assert.match(dated.note!, /its entry "gpt-5\.5"/);
  // GPT-5.6 Sol's $4/$20 price from 2026-08-21 in the library's dated entries; $5/$30 before.
  assert.deepEqual([derivedEntry('gpt-5.6-sol', 'openai', '2026-07-01')!.input, derivedEntry('gpt-5.6-sol', 'openai', '2026-09-01')!.input], [5, 4]);
});

test('an unknown model, or a provider the library does not know, is null', () => {
  assert.equal(derivedEntry('no-such-model-xyz', 'openai', TODAY), null);
  assert.equal(derivedEntry('gpt-4o', 'no-such-provider', TODAY), null);
});

test('works offline: neither loading the library nor a lookup fetches anything', () => {
  // A fresh process whose fetch fails loudly, installed before the library is even loaded.
  const script = [
    `let calls = 0;`,
    `globalThis.fetch = () => { calls++; throw new Error('no network'); };`,
    `const { derivedEntry } = await import(${JSON.stringify(new URL('../../src/pricing/longTail.ts', import.meta.url).href)});`,
    `const e = derivedEntry('codex-mini', 'openai', '${TODAY}');`,
    `await new Promise((r) => setTimeout(r, 50));`,
    `console.log(JSON.stringify({ input: e.input, calls }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { input: 1.5, calls: 0 });
});

test('the version named in notes is the installed one', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../node_modules/@pydantic/genai-prices/package.json', import.meta.url), 'utf8'));
  assert.equal(LONG_TAIL_VERSION, pkg.version);
});
