// The bundled catalog against its sources (shared/reference/batch-api.md §2) and against its own rules.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCatalog, resolvePricing, ENCODINGS } from '../../src/pricing/index.ts';

const catalog = loadCatalog();
const entries = Object.entries(catalog.models);

const REQUIRED_MODELS = [
  'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'gpt-4', 'gpt-4-turbo', 'gpt-4o', 'gpt-4o-mini', 'gpt-4.1', 'gpt-4.1-mini',
  'gpt-4.1-nano', 'o1', 'o3', 'o3-mini', 'o4-mini', 'gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'text-embedding-3-small',
  'text-embedding-3-large', 'text-embedding-ada-002', 'omni-moderation-latest',
];

// Standard and Batch rows of batch-api.md §2 "Per-1M-token prices" ([input, cached, output]; null = "-").
const REFERENCE: Record<string, { sync: [number, number | null, number]; batch: [number, number | null, number] }> = {
  'gpt-4o': { sync: [2.5, 1.25, 10], batch: [1.25, null, 5] },
  'gpt-4o-mini': { sync: [0.15, 0.075, 0.6], batch: [0.075, null, 0.3] },
  'gpt-4.1': { sync: [2, 0.5, 8], batch: [1, null, 4] },
  'gpt-4.1-mini': { sync: [0.4, 0.1, 1.6], batch: [0.2, null, 0.8] },
  'gpt-4.1-nano': { sync: [0.1, 0.025, 0.4], batch: [0.05, null, 0.2] },
  o3: { sync: [2, 0.5, 8], batch: [1, null, 4] },
  'o4-mini': { sync: [1.1, 0.275, 4.4], batch: [0.55, null, 2.2] },
  'gpt-5': { sync: [1.25, 0.125, 10], batch: [0.625, 0.0625, 5] },
  'gpt-5-mini': { sync: [0.25, 0.025, 2], batch: [0.125, 0.0125, 1] },
  'gpt-5-nano': { sync: [0.05, 0.005, 0.4], batch: [0.025, 0.0025, 0.2] },
  'text-embedding-3-small': { sync: [0.02, null, 0], batch: [0.01, null, 0] },
  'text-embedding-3-large': { sync: [0.13, null, 0], batch: [0.065, null, 0] },
};
// Flex rows of batch-api.md §2 (the only models with flex).
const REFERENCE_FLEX: Record<string, [number, number, number]> = {
  'gpt-5': [0.625, 0.0625, 5],
  'gpt-5-mini': [0.125, 0.0125, 1],
  'gpt-5-nano': [0.025, 0.0025, 0.2],
  o3: [1, 0.25, 4],
  'o4-mini': [0.55, 0.138, 2.2],
};

test('every model the estimate must know resolves', () => {
  for (const model of REQUIRED_MODELS) {
    const p = resolvePricing(catalog, model);
    assert.ok(p.sync.input >= 0 && p.sync.output >= 0, model);
  }
});

test('prices match the reference tables', () => {
  for (const [model, ref] of Object.entries(REFERENCE)) {
    const p = resolvePricing(catalog, model);
    assert.deepEqual([p.sync.input, p.sync.cached_input, p.sync.output], ref.sync, `${model} standard`);
    assert.deepEqual([p.batch.input, p.batch.cached_input, p.batch.output], ref.batch, `${model} batch`);
  }
});

test('flex exists exactly for the models the reference lists, at its prices', () => {
  for (const [model, e] of entries) {
    const ref = REFERENCE_FLEX[model];
    if (ref === undefined) assert.equal(e.flex, null, `${model} must not have an invented flex row`);
    else assert.deepEqual(e.flex && [e.flex.input, e.flex.cached_input, e.flex.output], ref, model);
  }
});

test('legacy prices from the brief, with batch at 50% and a note saying so', () => {
  const legacy: Record<string, [number, number | null, number]> = {
    'gpt-3.5-turbo-0125': [0.5, null, 1.5],
    'gpt-4': [30, null, 60],
    'gpt-4-turbo': [10, null, 30],
    o1: [15, 7.5, 60],
    'o3-mini': [1.1, 0.55, 4.4],
    'text-embedding-ada-002': [0.1, null, 0],
  };
  for (const [model, [input, cached, output]] of Object.entries(legacy)) {
    const p = resolvePricing(catalog, model);
    assert.deepEqual([p.sync.input, p.sync.cached_input, p.sync.output], [input, cached, output], model);
    assert.equal(p.batch.input, input / 2, model);
    assert.equal(p.batch.output, output / 2, model);
    assert.match(p.note ?? '', /legacy table/, model);
    assert.match(p.note ?? '', /50%/, model);
  }
});

test('moderation is free on purpose, and says so', () => {
  const p = resolvePricing(catalog, 'omni-moderation-latest');
  assert.deepEqual(p.sync, { input: 0, cached_input: null, output: 0 });
  assert.deepEqual(p.batch, { input: 0, cached_input: null, output: 0 });
  assert.match(p.note ?? '', /free/i);
  // $0 anywhere else would be a silent gap, not a price.
  for (const [model, e] of entries) {
    if (model !== 'omni-moderation-latest') assert.ok(e.input > 0, `${model} input must not be $0`);
  }
});

test('batch and flex never cost more than sync', () => {
  for (const [model, e] of entries) {
    assert.ok(e.batch_input <= e.input, `${model} batch_input`);
    assert.ok(e.batch_output <= e.output, `${model} batch_output`);
    if (e.batch_cached_input !== null) assert.ok(e.batch_cached_input <= (e.cached_input ?? e.input), `${model} batch cached`);
    if (e.cached_input !== null) assert.ok(e.cached_input <= e.input, `${model} cached_input`);
    if (e.flex) {
      assert.ok(e.flex.input <= e.input && e.flex.output <= e.output, `${model} flex`);
      if (e.flex.cached_input !== null) assert.ok(e.flex.cached_input <= e.flex.input, `${model} flex cached`);
    }
  }
});

test('dates are ISO, not in the future, and the catalog date is the newest entry date', () => {
  const today = new Date().toISOString().slice(0, 10);
  let newest = '';
  for (const [model, e] of entries) {
    assert.match(e.as_of, /^\d{4}-\d{2}-\d{2}$/, model);
    assert.equal(new Date(e.as_of).toISOString().slice(0, 10), e.as_of, model);
    assert.ok(e.as_of <= today, `${model} as_of ${e.as_of} is in the future`);
    if (e.as_of > newest) newest = e.as_of;
  }
  assert.equal(catalog.as_of, newest);
});

test('sources are https URLs on the OpenAI docs', () => {
  for (const [model, e] of [['(catalog)', catalog] as const, ...entries]) {
    const url = new URL(e.source);
    assert.equal(url.protocol, 'https:', model);
    assert.equal(url.hostname, 'developers.openai.com', model);
  }
});

test('model facts the token and estimate stages rely on', () => {
  for (const [model, e] of entries) {
    const reasoningFamily = /^(o\d|gpt-5)/.test(model);
    assert.equal(e.reasoning, reasoningFamily, `${model} reasoning`);
    if (e.encoding !== undefined) assert.ok(ENCODINGS.includes(e.encoding), model);
    else assert.equal(model, 'omni-moderation-latest', `${model} needs an encoding`);
    const expected = /^(gpt-3\.5|gpt-4(-|$)|text-embedding)/.test(model) ? 'cl100k_base' : 'o200k_base';
    if (e.encoding !== undefined) assert.equal(e.encoding, expected, `${model} encoding`);
    const embeds = e.endpoints.includes('/v1/embeddings');
    // A model that generates text has an output limit (the worst case of a request without max_tokens).
    if (!embeds && model !== 'omni-moderation-latest') assert.ok(Number.isInteger(e.max_output_tokens), `${model} max_output_tokens`);
    if (e.max_output_tokens !== null && e.context_window !== null) assert.ok(e.max_output_tokens <= e.context_window, model);
    assert.ok(e.endpoints.length > 0, `${model} endpoints`);
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
  assert.equal(catalog.models['gpt-4o'].input, onDisk.models['gpt-4o'].input);
  assert.equal(catalog.as_of, onDisk.as_of);
});
