import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costUsd, loadCatalog, resolvePricing } from '../../src/pricing/index.ts';

const catalog = loadCatalog();

test('seed 000: gpt-3.5-turbo-0125, 42 input + 19 output tokens', () => {
  const p = resolvePricing(catalog, 'gpt-3.5-turbo-0125');
  assert.equal(costUsd(p.sync, { input: 42, output: 19 }), (42 * 0.5 + 19 * 1.5) / 1e6);
  assert.equal(costUsd(p.batch, { input: 42, output: 19 }), (42 * 0.25 + 19 * 0.75) / 1e6);
  // Batch is half of sync for this model, to the last bit here.
  assert.equal(costUsd(p.batch, { input: 42, output: 19 }) * 2, costUsd(p.sync, { input: 42, output: 19 }));
});

test('cached tokens are part of input and bill at the cached rate', () => {
  const p = resolvePricing(catalog, 'gpt-5');
  // 1000 input of which 400 cached: 600 at 1.25, 400 at 0.125, 50 output at 10.
  assert.equal(costUsd(p.sync, { input: 1000, cached_input: 400, output: 50 }), (600 * 1.25 + 400 * 0.125 + 50 * 10) / 1e6);
  assert.equal(costUsd(p.batch, { input: 1000, cached_input: 400, output: 50 }), (600 * 0.625 + 400 * 0.0625 + 50 * 5) / 1e6);
  assert.ok(costUsd(p.sync, { input: 1000, cached_input: 400, output: 50 }) < costUsd(p.sync, { input: 1000, output: 50 }));
});

test('where a mode has no cache discount, cached tokens bill at that mode\'s input rate', () => {
  const p = resolvePricing(catalog, 'gpt-4o');
  assert.equal(p.batch.cached_input, null);
  assert.equal(costUsd(p.batch, { input: 1000, cached_input: 1000, output: 0 }), costUsd(p.batch, { input: 1000, output: 0 }));
  assert.equal(costUsd(p.batch, { input: 1000, cached_input: 1000, output: 0 }), (1000 * 1.25) / 1e6);
});

test('one million tokens cost the listed price', () => {
  for (const model of ['gpt-4.1', 'o3', 'text-embedding-3-large']) {
    const p = resolvePricing(catalog, model);
    assert.equal(costUsd(p.sync, { input: 1e6, output: 0 }), p.sync.input);
    assert.equal(costUsd(p.sync, { input: 0, output: 1e6 }), p.sync.output);
  }
});

test('moderation costs $0 for any amount', () => {
  const p = resolvePricing(catalog, 'omni-moderation-latest');
  assert.equal(costUsd(p.sync, { input: 123456, output: 0 }), 0);
  assert.equal(costUsd(p.batch, { input: 123456, output: 0 }), 0);
});

test('impossible token counts are programming errors', () => {
  const p = resolvePricing(catalog, 'gpt-4o').sync;
  assert.throws(() => costUsd(p, { input: 10, cached_input: 11, output: 0 }), RangeError);
  assert.throws(() => costUsd(p, { input: -1, output: 0 }), RangeError);
  assert.throws(() => costUsd(p, { input: 1, output: Number.NaN }), RangeError);
});
