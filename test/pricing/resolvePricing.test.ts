import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCatalog, resolvePricing, findCatalogKey, PricingError } from '../../src/pricing/index.ts';

const catalog = loadCatalog();

test('dated snapshots resolve to their family, at the family price', () => {
  const snapshots: Record<string, string> = {
    'gpt-3.5-turbo-0125': 'gpt-3.5-turbo',
    'gpt-4o-2024-08-06': 'gpt-4o',
    'gpt-4o-mini-2024-07-18': 'gpt-4o-mini',
    'gpt-4.1-2025-04-14': 'gpt-4.1',
    'gpt-5-2025-08-07': 'gpt-5',
    'o3-2025-04-16': 'o3',
    'o4-mini-2025-04-16': 'o4-mini',
  };
  for (const [snapshot, family] of Object.entries(snapshots)) {
    const p = resolvePricing(catalog, snapshot);
    assert.equal(p.model, family, snapshot);
    assert.deepEqual(p, resolvePricing(catalog, family), snapshot);
  }
});

test('gpt-4o-2024-05-13 keeps its own $5/$15 price, never gpt-4o\'s', () => {
  const old = resolvePricing(catalog, 'gpt-4o-2024-05-13');
  const current = resolvePricing(catalog, 'gpt-4o');
  assert.equal(old.model, 'gpt-4o-2024-05-13');
  assert.deepEqual([old.sync.input, old.sync.output], [5, 15]);
  assert.notDeepEqual(old.sync, current.sync);
  assert.ok(!catalog.models['gpt-4o'].snapshots.includes('gpt-4o-2024-05-13'));
});

test('modes come from the right columns', () => {
  const p = resolvePricing(catalog, 'gpt-5-mini');
  const e = catalog.models['gpt-5-mini'];
  assert.deepEqual(p.sync, { input: e.input, cached_input: e.cached_input, output: e.output });
  assert.deepEqual(p.batch, { input: e.batch_input, cached_input: e.batch_cached_input, output: e.batch_output });
  assert.deepEqual(p.flex, e.flex);
  assert.equal(p.reasoning, true);
  assert.equal(p.encoding, 'o200k_base');
  assert.equal(resolvePricing(catalog, 'gpt-4o').flex, null);
});

test('an unknown model is a PricingError that shows how to add a price', () => {
  assert.throws(
    () => resolvePricing(catalog, 'my-local-llama'),
    (err: unknown) => {
      assert.ok(err instanceof PricingError);
      assert.equal(err.model, 'my-local-llama');
      assert.match(err.message, /No price for model "my-local-llama"/);
      assert.match(err.message, /--pricing FILE/);
      assert.match(err.message, /pricing-file/);
      // The example must be JSON the user can paste.
      const example = err.message.split('\n').find((l) => l.trim().startsWith('{'));
      assert.ok(example, 'message carries a JSON example');
      const parsed = JSON.parse(example);
      assert.ok(parsed.models['my-local-llama'].input > 0 && parsed.models['my-local-llama'].output > 0);
      return true;
    },
  );
});

test('an unlisted dated name of a known family is an error, with the family\'s price as a guarded hint', () => {
  assert.throws(() => resolvePricing(catalog, 'gpt-4o-2099-01-01'), (err: unknown) => {
    assert.ok(err instanceof PricingError);
    assert.match(err.message, /"gpt-4o" is priced/);
    assert.match(err.message, /"input": 2\.5/);
    return true;
  });
});

test('fine-tunes are an error unless listed, even when the base model is priced', () => {
  const ft = 'ft:gpt-4o-mini-2024-07-18:acme::abc123';
  assert.throws(() => resolvePricing(catalog, ft), (err: unknown) => {
    assert.ok(err instanceof PricingError);
    assert.match(err.message, /fine-tuned model of "gpt-4o-mini-2024-07-18"/);
    return true;
  });
});

test('names match exactly; a near miss gets a suggestion, not a price', () => {
  for (const name of ['GPT-4o', ' gpt-4o', 'gpt-4o ']) {
    assert.throws(() => resolvePricing(catalog, name), /Did you mean "gpt-4o"\?/);
  }
  assert.equal(findCatalogKey(catalog, 'gpt-4o'), 'gpt-4o');
  assert.equal(findCatalogKey(catalog, 'gpt-4o-2024-08-06'), 'gpt-4o');
  assert.equal(findCatalogKey(catalog, 'nope'), null);
});

test('names that are properties of every JS object are not models', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.throws(() => resolvePricing(catalog, name), PricingError);
  }
});

test('loadCatalog hands out copies: changing one does not change the next', () => {
  const a = loadCatalog();
  a.models['gpt-4o'].input = 999;
  a.models['gpt-4o'].snapshots.push('x');
  const b = loadCatalog();
  assert.equal(b.models['gpt-4o'].input, 2.5);
  assert.ok(!b.models['gpt-4o'].snapshots.includes('x'));
});
