// `batchwise pricing`: the catalog as rows (every mode, checked date, shutdown relative to today) and as a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageLine, catalogRows, shutdownStatus } from '../../src/pricing/update/catalogRows.ts';
import { renderCatalogTable } from '../../src/pricing/update/renderCatalog.ts';
import type { Catalog, PriceEntry } from '../../src/pricing/types.ts';

function entry(fields: Partial<PriceEntry>): PriceEntry {
  return {
    input: 1, cached_input: null, cache_write: null, output: 2,
    batch_input: 0.5, batch_cached_input: null, batch_cache_write: null, batch_output: 1,
    flex: null, priority: null, long_context: null, regional_uplift: null, media: null,
    max_output_tokens: null, context_window: null, reasoning: false, endpoints: [], snapshots: [],
    released: null, shutdown: null, replacement: null, as_of: '2026-11-21', source: 'https://developers.openai.com/api/docs/pricing',
    ...fields,
  };
}

const CATALOG: Catalog = {
  as_of: '2026-11-21',
  source: 'https://developers.openai.com/api/docs/pricing',
  models: {
    'gpt-5.5': entry({
      input: 5, cached_input: 0.5, cache_write: null, output: 30, batch_input: 2.5, batch_cached_input: 0.25, batch_output: 15,
      flex: { input: 2.5, cached_input: 0.25, output: 15 }, priority: { input: 12.5, cached_input: 1.25, cache_write: null, output: 75 },
      snapshots: ['gpt-5.5-2026-04-23'],
    }),
    'gpt-5': entry({ input: 1.25, cached_input: 0.125, output: 10, shutdown: '2026-12-11', replacement: 'gpt-6.1-sol' }),
    'o4-mini': entry({ input: 1.1, output: 4.4, shutdown: '2026-10-23', replacement: 'gpt-5.6-terra', as_of: '2026-09-22' }),
    'my-model': entry({ origin: 'user', as_of: '2026-12-01', source: 'prices.json' }),
  },
};

test('one row per model in name order: each mode, the checked date, days to shutdown, replacement', () => {
  const listing = catalogRows(CATALOG, '2026-12-01');
  assert.deepEqual([listing.as_of, listing.age_days], ['2026-11-21', 10]);
  assert.deepEqual(listing.models.map((r) => r.model), ['gpt-5', 'gpt-5.5', 'my-model', 'o4-mini']);
  const g55 = listing.models[1];
  assert.deepEqual(g55.sync, { input: 5, cached_input: 0.5, output: 30 });
  assert.deepEqual(g55.batch, { input: 2.5, cached_input: 0.25, output: 15 });
  assert.deepEqual(g55.flex, { input: 2.5, cached_input: 0.25, output: 15 });
  assert.deepEqual(g55.priority, { input: 12.5, cached_input: 1.25, output: 75 });
  assert.equal(listing.models[0].flex, null);
  assert.deepEqual([listing.models[0].shutdown, listing.models[0].days_to_shutdown, listing.models[0].replacement], ['2026-12-11', 10, 'gpt-6.1-sol']);
  assert.equal(listing.models[3].days_to_shutdown, -39);
  assert.equal(g55.days_to_shutdown, null);
  assert.deepEqual(listing.models.map((r) => r.origin), ['catalog', 'catalog', 'user', 'catalog']);
});

test('--model keeps names (or snapshots) containing the text, in any case', () => {
  assert.deepEqual(catalogRows(CATALOG, '2026-12-01', { model: 'GPT-5' }).models.map((r) => r.model), ['gpt-5', 'gpt-5.5']);
  assert.deepEqual(catalogRows(CATALOG, '2026-12-01', { model: '2026-04-23' }).models.map((r) => r.model), ['gpt-5.5']);
  const none = catalogRows(CATALOG, '2026-12-01', { model: 'claude' });
  assert.deepEqual([none.models.length, none.age_days], [0, 10], 'the age is the catalog\'s, filter or not');
});

test('shutdown and age read relative to today', () => {
  assert.equal(shutdownStatus(10), 'in 10 days');
  assert.equal(shutdownStatus(1), 'in 1 day');
  assert.equal(shutdownStatus(0), 'shut down', 'the shutdown day itself: the model no longer answers');
  assert.equal(shutdownStatus(-39), 'shut down');
  assert.equal(shutdownStatus(null), null);
  assert.equal(ageLine({ as_of: '2026-12-01', age_days: 0 }), 'prices checked 2026-12-01, 0 days ago');
  assert.equal(ageLine({ as_of: '2026-11-30', age_days: 1 }), 'prices checked 2026-11-30, 1 day ago');
  assert.equal(ageLine(catalogRows(CATALOG, '2026-12-01')), 'prices checked 2026-11-21, 10 days ago');
});

test('the table: "—" where a mode or price does not exist, shutdowns relative to today, origin when not all catalog', () => {
  const text = renderCatalogTable(catalogRows(CATALOG, '2026-12-01'), 'prices.json');
  assert.match(text, /^prices checked 2026-11-21, 10 days ago \(with prices\.json laid over\); USD per 1M tokens, input \/ cached \/ output\n/);
  const line = (model: string) => text.split('\n').find((l) => l.startsWith(`${model} `))!;
  assert.match(line('gpt-5.5'), /5 \/ 0\.5 \/ 30\s+2\.5 \/ 0\.25 \/ 15\s+2\.5 \/ 0\.25 \/ 15\s+12\.5 \/ 1\.25 \/ 75\s+2026-11-21\s+—\s+—\s+catalog$/);
  assert.match(line('gpt-5'), /1\.25 \/ 0\.125 \/ 10\s+0\.5 \/ — \/ 1\s+—\s+—\s+2026-11-21\s+2026-12-11 \(in 10 days\)\s+gpt-6\.1-sol/);
  assert.match(line('o4-mini'), /2026-10-23 \(shut down\)\s+gpt-5\.6-terra/);
  assert.match(line('my-model'), /user$/);
  const header = text.split('\n')[2];
  assert.match(header, /^model\s+sync\s+batch\s+flex\s+priority\s+checked\s+shutdown\s+replacement\s+origin$/);
  assert.doesNotMatch(renderCatalogTable(catalogRows({ ...CATALOG, models: { 'gpt-5': CATALOG.models['gpt-5'] } }, '2026-12-01')), /origin/);
});
