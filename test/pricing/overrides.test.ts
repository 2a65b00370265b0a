// A user's --pricing file over the bundled catalog.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, resolvePricing, PricingFileError } from '../../src/pricing/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'batchwise-pricing-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function pricingFile(content: unknown): string {
  const path = join(dir, `pricing-${++n}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function throwsFileError(content: unknown, field: string | null, reason: RegExp): void {
  const path = pricingFile(content);
  assert.throws(() => loadCatalog(path), (err: unknown) => {
    assert.ok(err instanceof PricingFileError, String(err));
    assert.equal(err.file, path);
    assert.equal(err.field, field);
    assert.ok(err.message.startsWith(`${path}: `), err.message);
    assert.match(err.message, reason);
    return true;
  });
}

test('a new model needs only input and output; batch defaults to 50%, flex to none', () => {
  const path = pricingFile({ models: { 'my-llama': { input: 0.8, output: 2.4 } } });
  utimesSync(path, new Date('2026-12-15T12:00:00Z'), new Date('2026-12-15T12:00:00Z'));
  const catalog = loadCatalog(path);
  const p = resolvePricing(catalog, 'my-llama');
  assert.deepEqual(p.sync, { input: 0.8, cached_input: null, output: 2.4 });
  assert.deepEqual(p.batch, { input: 0.4, cached_input: null, output: 1.2 });
  assert.equal(p.flex, null);
  assert.equal(p.reasoning, false);
  assert.equal(p.max_output_tokens, null);
  assert.equal(p.source, path);
  assert.equal(p.as_of, '2026-12-15', 'dated by the file when it says nothing');
  assert.match(p.note ?? '', /50%/);
  assert.equal(catalog.overrides, path);
  assert.equal(catalog.as_of, '2026-12-15', 'the catalog date is the newest entry');
  // The bundled models are still there.
  assert.equal(resolvePricing(catalog, 'gpt-4o').sync.input, 2.5);
});

test('a new model can state batch, flex, limits, snapshots and dates', () => {
  const path = pricingFile({
    as_of: '2026-10-01',
    source: 'https://example.com/prices',
    models: {
      'ft:gpt-4o-mini-2024-07-18:acme::abc': {
        input: 0.3, cached_input: 0.15, output: 1.2, batch_input: 0.15, batch_output: 0.6,
        flex: { input: 0.15, output: 0.6 }, max_output_tokens: 16384, snapshots: ['acme-mini'],
      },
    },
  });
  const catalog = loadCatalog(path);
  const p = resolvePricing(catalog, 'acme-mini');
  assert.equal(p.model, 'ft:gpt-4o-mini-2024-07-18:acme::abc');
  assert.deepEqual(p.flex, { input: 0.15, cached_input: null, output: 0.6 });
  assert.equal(p.batch.cached_input, null, 'no batch cache discount unless stated');
  assert.equal(p.max_output_tokens, 16384);
  assert.equal(p.as_of, '2026-10-01');
  assert.equal(p.source, 'https://example.com/prices');
  assert.equal(p.note, undefined, 'nothing was derived');
});

test('a partial entry for a known model overrides only its fields', () => {
  const path = pricingFile({ as_of: '2026-11-20', models: { 'gpt-4o': { input: 2, max_output_tokens: 4096 } } });
  const catalog = loadCatalog(path);
  const p = resolvePricing(catalog, 'gpt-4o-2024-08-06');
  const bundled = resolvePricing(loadCatalog(), 'gpt-4o');
  assert.equal(p.sync.input, 2);
  assert.equal(p.max_output_tokens, 4096);
  assert.equal(p.sync.output, bundled.sync.output);
  assert.deepEqual(p.batch, bundled.batch, 'batch is not re-derived from an overridden input');
  assert.equal(p.as_of, '2026-11-20');
  assert.match(p.note ?? '', /input, max_output_tokens from .*pricing-\d+\.json/);
  // Other models keep their own dates and sources.
  assert.equal(resolvePricing(catalog, 'gpt-5').as_of, bundled.as_of);
});

test('an override can give flex to a model, or price a snapshot on its own', () => {
  const path = pricingFile({
    models: { 'gpt-4.1': { flex: { input: 1, cached_input: 0.25, output: 4 } }, 'gpt-4o-2024-08-06': { input: 3, output: 12 } },
  });
  const catalog = loadCatalog(path);
  assert.deepEqual(resolvePricing(catalog, 'gpt-4.1').flex, { input: 1, cached_input: 0.25, output: 4 });
  const snap = resolvePricing(catalog, 'gpt-4o-2024-08-06');
  assert.equal(snap.model, 'gpt-4o-2024-08-06');
  assert.equal(snap.sync.input, 3);
  assert.ok(!catalog.models['gpt-4o'].snapshots.includes('gpt-4o-2024-08-06'));
  assert.equal(resolvePricing(catalog, 'gpt-4o').sync.input, 2.5);
});

test('a snapshot claimed by a user entry moves to it', () => {
  const path = pricingFile({ models: { 'gpt-5-custom': { input: 1, output: 8, snapshots: ['gpt-5-2025-08-07'] } } });
  const catalog = loadCatalog(path);
  assert.equal(resolvePricing(catalog, 'gpt-5-2025-08-07').model, 'gpt-5-custom');
  assert.equal(resolvePricing(catalog, 'gpt-5').model, 'gpt-5');
});

test('invalid pricing files end in one clear error naming the file and the field', () => {
  throwsFileError({ models: { 'x-1': { input: 1 } } }, 'models["x-1"].output', /required for a model the catalog does not know/);
  throwsFileError({ models: { 'x-1': { output: 1 } } }, 'models["x-1"].input', /required/);
  throwsFileError({ models: { 'x-1': { input: -1, output: 1 } } }, 'models["x-1"].input', /number >= 0.*got -1/);
  throwsFileError({ models: { 'x-1': { input: '0.5', output: 1 } } }, 'models["x-1"].input', /got "0\.5"/);
  throwsFileError({ models: { 'x-1': { input: 1, output: null } } }, 'models["x-1"].output', /number >= 0/);
  throwsFileError({ models: { 'gpt-4o': { inptu: 1 } } }, 'models["gpt-4o"].inptu', /unknown field/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, flex: { input: 1 } } } }, 'models["x-1"].flex.output', /required/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, flex: { input: 1, output: 1, batch: 1 } } } }, 'models["x-1"].flex.batch', /unknown field/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, as_of: '22/11/2026' } } }, 'models["x-1"].as_of', /ISO date/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, as_of: '2026-02-30' } } }, 'models["x-1"].as_of', /ISO date/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, encoding: 'p50k_base' } } }, 'models["x-1"].encoding', /o200k_base, cl100k_base/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, max_output_tokens: 1.5 } } }, 'models["x-1"].max_output_tokens', /whole number/);
  throwsFileError({ models: { 'x-1': { input: 1, output: 1, snapshots: ['gpt-4o'] } } }, 'models["x-1"].snapshots', /also a model of its own/);
  throwsFileError({ models: { ' x-1': { input: 1, output: 1 } } }, 'models[" x-1"]', /surrounding spaces/);
  throwsFileError({ 'gpt-4o': { input: 1 } }, 'gpt-4o', /unknown field \(allowed: as_of, source, notes, models\)/);
  throwsFileError({}, 'models', /must be an object/);
  throwsFileError([], null, /must be a JSON object/);
  throwsFileError('{"models": {', null, /is not valid JSON/);
});

test('an unreadable pricing file says which file and why', () => {
  const missing = join(dir, 'nope.json');
  assert.throws(() => loadCatalog(missing), (err: unknown) => {
    assert.ok(err instanceof PricingFileError);
    assert.equal(err.message, `${missing}: cannot read the pricing file: no such file`);
    return true;
  });
  assert.throws(() => loadCatalog(dir), /is a directory/);
});

test('a BOM at the start of the file is fine', () => {
  const path = pricingFile(`\uFEFF${JSON.stringify({ models: { 'bom-model': { input: 1, output: 2 } } })}`);
  assert.equal(resolvePricing(loadCatalog(path), 'bom-model').sync.output, 2);
});
