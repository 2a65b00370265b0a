// The bundled catalog (data/pricing.json) against its own rules and against the figures of OpenAI's own pages that
// were checked for it (src/pricing/SOURCES.md lists every source and disagreement).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCatalog, resolvePricing, ENCODINGS, lifecycleOf } from '../../src/pricing/index.ts';
import type { PriceEntry } from '../../src/pricing/index.ts';

const catalog = loadCatalog();
const entries = Object.entries(catalog.models);
const CHECKED = '2026-12-01';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

// [input, cached, output] per mode, as OpenAI's pricing page (Standard / Batch / Flex / Fast tables) prints them.
const OPENAI_PAGE: Record<string, { sync: number[]; batch: number[]; flex: number[] | null; priority: number[] | null }> = {
  'gpt-5.5': { sync: [5, 0.5, 30], batch: [2.5, 0.25, 15], flex: [2.5, 0.25, 15], priority: [12.5, 1.25, 75] },
  'gpt-5.4': { sync: [2.5, 0.25, 15], batch: [1.25, 0.13, 7.5], flex: [1.25, 0.13, 7.5], priority: [5, 0.5, 30] },
  'gpt-5.4-mini': { sync: [0.75, 0.075, 4.5], batch: [0.375, 0.0375, 2.25], flex: [0.375, 0.0375, 2.25], priority: [1.5, 0.15, 9] },
  'gpt-5.4-nano': { sync: [0.2, 0.02, 1.25], batch: [0.1, 0.01, 0.625], flex: [0.1, 0.01, 0.625], priority: null },
  'gpt-5.6-terra': { sync: [2, 0.2, 12], batch: [1, 0.1, 6], flex: [1, 0.1, 6], priority: [4, 0.4, 24] },
  'gpt-6-astra': { sync: [10, 1, 50], batch: [5, 0.5, 25], flex: [5, 0.5, 25], priority: [20, 2, 100] },
  'gpt-5-mini': { sync: [0.25, 0.025, 2], batch: [0.125, 0.0125, 1], flex: [0.125, 0.0125, 1], priority: [0.45, 0.045, 3.6] },
  'gpt-4.1': { sync: [2, 0.5, 8], batch: [1, null as unknown as number, 4], flex: null, priority: [3.5, 0.875, 14] },
  'gpt-4o-mini': { sync: [0.15, 0.075, 0.6], batch: [0.075, null as unknown as number, 0.3], flex: null, priority: [0.25, 0.125, 1] },
  'text-embedding-3-small': { sync: [0.02, null as unknown as number, 0], batch: [0.01, null as unknown as number, 0], flex: null, priority: null },
};

const triple = (m: { input: number; cached_input: number | null; output: number } | null) => (m ? [m.input, m.cached_input, m.output] : null);

test('every entry states every price (or an explicit null), a checked date and a source', () => {
  const required: (keyof PriceEntry)[] = [
    'input', 'cached_input', 'cache_write', 'output', 'batch_input', 'batch_cached_input', 'batch_cache_write', 'batch_output',
    'flex', 'priority', 'long_context', 'regional_uplift', 'media', 'max_output_tokens', 'context_window', 'reasoning',
    'endpoints', 'snapshots', 'released', 'shutdown', 'replacement', 'as_of', 'source',
  ];
  const raw = JSON.parse(readFileSync(new URL('../../data/pricing.json', import.meta.url), 'utf8')) as { models: Record<string, Record<string, unknown>> };
  for (const [model, e] of Object.entries(raw.models)) {
    for (const field of required) assert.ok(Object.hasOwn(e, field), `${model}.${field} must be stated (null where it does not exist)`);
    assert.equal(e.as_of, CHECKED, `${model}: as_of is the day the figures were checked`);
    assert.ok(typeof e.note === 'string' && e.note.length > 20, `${model}: the note says where the figures come from`);
    const url = new URL(e.source as string);
    assert.equal(url.hostname, 'developers.openai.com', `${model}: OpenAI's own page is the source`);
    for (const d of ['released', 'shutdown'] as const) if (e[d] !== null) assert.match(e[d] as string, ISO, `${model}.${d}`);
  }
  assert.equal(catalog.as_of, CHECKED);
});

test('today\'s models are priced as OpenAI\'s page prints them, in every mode', () => {
  for (const [model, ref] of Object.entries(OPENAI_PAGE)) {
    const p = resolvePricing(catalog, model);
    assert.deepEqual(triple(p.sync), ref.sync, `${model} standard`);
    assert.deepEqual(triple(p.batch), ref.batch, `${model} batch`);
    assert.deepEqual(triple(p.flex), ref.flex, `${model} flex`);
    assert.deepEqual(triple(p.priority), ref.priority, `${model} priority`);
  }
});

test('the price rules of today sit on the models that have them', () => {
  // Long context (2× input, 1.5× output above 272K) on 5.4 / 5.5 / 5.6 / 6.x, not on mini, nano, 5.2 or older.
  for (const model of ['gpt-5.5', 'gpt-5.4', 'gpt-5.6-sol', 'gpt-6-astra', 'gpt-6.1-sol']) {
    assert.deepEqual(resolvePricing(catalog, model).long_context, { above_input_tokens: 272_000, input: 2, output: 1.5 }, model);
  }
  for (const model of ['gpt-5.4-mini', 'gpt-5.4-nano', 'gpt-5.2', 'gpt-5', 'gpt-4.1', 'gpt-4o-mini']) assert.equal(resolvePricing(catalog, model).long_context, null, model);
  // Cache writes at 1.25× input on GPT-5.6 and later only, batch included.
  for (const [model, e] of entries) {
    const newFamily = /^gpt-(5\.6|6)/.test(model);
    if (newFamily) {
      assert.ok(Math.abs(e.cache_write! - 1.25 * e.input) < 1e-9, `${model} cache_write`);
      assert.ok(Math.abs(e.batch_cache_write! - 1.25 * e.batch_input) < 1e-9, `${model} batch_cache_write`);
    } else {
      assert.equal(e.cache_write, null, `${model} bills no cache writes`);
    }
  }
  // Regional processing +10% for text models released on or after 2026-03-05.
  for (const [model, e] of entries) {
    if (e.regional_uplift !== null) {
      assert.equal(e.regional_uplift, 1.1, model);
      assert.ok(e.released !== null && e.released >= '2026-03-05', `${model} released ${e.released}`);
    } else if (e.released !== null && e.released >= '2026-03-05' && e.endpoints.includes('/v1/responses')) {
      assert.fail(`${model} is released after 2026-03-05 and has no regional uplift`);
    }
  }
});

test('lifecycle: what is shut down and what shuts down soon, with OpenAI\'s replacement', () => {
  const today = new Date(`${CHECKED}T12:00:00Z`);
  const status = (model: string) => lifecycleOf(model, resolvePricing(catalog, model), today)?.status ?? 'active';
  for (const model of ['gpt-4.1-nano', 'o4-mini', 'o1', 'o3-mini', 'gpt-4-turbo', 'gpt-4', 'gpt-3.5-turbo', 'gpt-4o-2024-05-13']) assert.equal(status(model), 'shut_down', model);
  for (const model of ['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'o3', 'gpt-4o', 'gpt-4o-mini', 'gpt-4.1']) assert.equal(status(model), 'shutting_down', model);
  for (const model of ['gpt-5.5', 'gpt-5.4-mini', 'gpt-6.1-sol', 'text-embedding-3-small']) assert.equal(status(model), 'active', model);
  for (const [model, e] of entries) {
    if (e.replacement !== null) assert.ok(Object.hasOwn(catalog.models, e.replacement), `${model}'s replacement ${e.replacement} is priced too`);
    if (e.shutdown !== null && e.shutdown <= CHECKED && !/^sora/.test(model)) assert.ok(e.replacement !== null, `${model} names a replacement`);
  }
});

test('the old models still price as before (seed requests among them)', () => {
  const legacy: Record<string, [number, number | null, number]> = {
    'gpt-3.5-turbo-0125': [0.5, null, 1.5],
    'gpt-4': [30, null, 60],
    'gpt-4-turbo': [10, null, 30],
    o1: [15, 7.5, 60],
    'o3-mini': [1.1, 0.55, 4.4],
    'o4-mini': [1.1, 0.275, 4.4],
    'gpt-4o': [2.5, 1.25, 10],
    'gpt-4o-2024-05-13': [5, null, 15],
    'gpt-5': [1.25, 0.125, 10],
    'text-embedding-ada-002': [0.1, null, 0],
  };
  for (const [model, [input, cached, output]] of Object.entries(legacy)) {
    const p = resolvePricing(catalog, model);
    assert.deepEqual(triple(p.sync), [input, cached, output], model);
    assert.equal(p.batch.input, input / 2, model);
    assert.equal(p.batch.output, output / 2, model);
  }
});

test('moderation is free on purpose, and says so; $0 nowhere else but video tokens', () => {
  const p = resolvePricing(catalog, 'omni-moderation-latest');
  assert.deepEqual(triple(p.sync), [0, null, 0]);
  assert.deepEqual(triple(p.batch), [0, null, 0]);
  assert.match(p.note ?? '', /free/i);
  for (const [model, e] of entries) {
    if (model === 'omni-moderation-latest' || e.media?.unit === 'second') continue;
    assert.ok(e.input > 0, `${model} input must not be $0`);
  }
});

test('batch and flex never cost more than sync; priority never less', () => {
  for (const [model, e] of entries) {
    assert.ok(e.batch_input <= e.input, `${model} batch_input`);
    assert.ok(e.batch_output <= e.output, `${model} batch_output`);
    if (e.batch_cached_input !== null) assert.ok(e.batch_cached_input <= (e.cached_input ?? e.input), `${model} batch cached`);
    if (e.cached_input !== null) assert.ok(e.cached_input <= e.input, `${model} cached_input`);
    if (e.flex) assert.ok(e.flex.input <= e.input && e.flex.output <= e.output, `${model} flex`);
    if (e.priority) assert.ok(e.priority.input >= e.input && e.priority.output >= e.output, `${model} priority`);
    if (e.media) for (const [k, v] of Object.entries(e.media.batch)) assert.ok(v <= (e.media.sync[k] ?? Infinity), `${model} media ${k}`);
  }
});

test('model facts the token and estimate stages rely on', () => {
  for (const [model, e] of entries) {
    if (e.encoding !== undefined) assert.ok(ENCODINGS.includes(e.encoding), model);
    else assert.ok(model === 'omni-moderation-latest' || e.media !== null || /^gpt-image/.test(model), `${model} needs an encoding`);
    const text = e.endpoints.includes('/v1/chat/completions') || e.endpoints.includes('/v1/responses');
    // A model that generates text has an output limit (the worst case of a request without max_tokens).
    if (text) assert.ok(Number.isInteger(e.max_output_tokens), `${model} max_output_tokens`);
    if (e.max_output_tokens !== null && e.context_window !== null) assert.ok(e.max_output_tokens <= e.context_window, model);
    assert.ok(e.endpoints.length > 0, `${model} endpoints`);
    if (/^(o\d|gpt-5|gpt-6)/.test(model)) assert.equal(e.reasoning, true, `${model} reasons`);
  }
});

test('each name resolves one way: no snapshot listed twice or also a key', () => {
  const seen = new Set<string>(Object.keys(catalog.models));
  for (const [model, e] of entries) {
    for (const s of e.snapshots) {
      assert.ok(!seen.has(s), `${s} (snapshot of ${model}) is listed twice`);
      seen.add(s);
    }
  }
});

test('the imported catalog is the data/pricing.json on disk', () => {
  const onDisk = JSON.parse(readFileSync(new URL('../../data/pricing.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(catalog.models), Object.keys(onDisk.models));
  assert.equal(catalog.models['gpt-5.5'].input, onDisk.models['gpt-5.5'].input);
  assert.equal(catalog.as_of, onDisk.as_of);
});
