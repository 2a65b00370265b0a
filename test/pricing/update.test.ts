// `pricing update`: OpenAI's pricing page (real captures in fixtures/) read into catalog entries and diffed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePricingPage } from '../../src/pricing/update/parsePricingPage.ts';
import { catalogFromPage } from '../../src/pricing/update/catalogFromPage.ts';
import { diffCatalog } from '../../src/pricing/update/diffCatalog.ts';
import { updateFromPage } from '../../src/pricing/update/updateFromPage.ts';
import { changeLine, renderUpdate } from '../../src/pricing/update/renderUpdate.ts';
import { parsePricingFile, PricingFileError } from '../../src/pricing/index.ts';
import { REQUIRED_ENTRY_FIELDS } from '../../src/pricing/parsePricingFile.ts';
import type { Catalog, PriceEntry } from '../../src/pricing/types.ts';

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
/** English, after 2026-09-22: Standard and Batch tables (the capture ends at the Flex tab). */
const PAGE_EN = fixture('openai-pricing-2026-09-22.md');
/** Mid-September 2026, headers translated: Standard, Batch, Flex, Fast and Cyber tables. */
const PAGE_ZH = fixture('openai-pricing-2026-09-mid.zh-excerpt.md');
const CTX = { today: '2026-12-01', source: 'https://developers.openai.com/api/docs/pricing.md' };

/** A complete catalog entry with the given prices and metadata. */
function entry(fields: Partial<PriceEntry>): PriceEntry {
  return {
    input: 1, cached_input: null, cache_write: null, output: 2,
    batch_input: 0.5, batch_cached_input: null, batch_cache_write: null, batch_output: 1,
    flex: null, priority: null, long_context: null, regional_uplift: null, media: null,
    max_output_tokens: null, context_window: null, reasoning: false, endpoints: [], snapshots: [],
    released: null, shutdown: null, replacement: null, as_of: '2026-09-22', source: 'https://developers.openai.com/api/docs/pricing',
    ...fields,
  };
}

test('the English page: every model of the Standard and Batch tables, with long-context and cache-write cells', () => {
  const page = parsePricingPage(PAGE_EN, 'page.md');
  assert.deepEqual(page.tables, { sync: 1, batch: 1, flex: 0, priority: 0 });
  assert.equal(page.models.size, 39);
  const sol = page.models.get('gpt-6-sol')!;
  assert.deepEqual(sol.sync!.short, { input: 2, cached_input: 0.2, cache_write: 2.5, output: 10 });
  assert.deepEqual(sol.sync!.long, { input: 4, cached_input: 0.4, cache_write: 5, output: 15 });
  assert.deepEqual(sol.batch!.short, { input: 1, cached_input: 0.1, cache_write: 1.25, output: 5 });
  // "gpt-5.5 (<272K context length)": the id without the remark, the threshold from it.
  const g55 = page.models.get('gpt-5.5')!;
  assert.equal(g55.sync!.above_input_tokens, 272_000);
  assert.deepEqual(g55.sync!.short, { input: 5, cached_input: 0.5, cache_write: null, output: 30 });
  assert.equal(page.models.get('gpt-5.4')!.batch!.short.cached_input, 0.13, 'the cell as printed, not 0.125');
  assert.equal(page.models.get('gpt-5.5-pro')!.sync!.short.cached_input, null, '"-" is no cached price');
  assert.equal(page.models.get('gpt-4.1')!.batch!.short.cached_input, null);
  assert.equal(page.models.get('gpt-5.4-mini')!.sync!.long, null, 'all "-" long cells: no long-context tier');
  assert.equal(page.models.get('gpt-3.5-turbo-instruct')!.batch, undefined, 'not in the Batch table');
  assert.deepEqual(page.warnings, []);
});

test('the translated page: tiers from the tab labels, the 2026 columns by position, Flex and Fast prices', () => {
  const page = parsePricingPage(PAGE_ZH, 'page.zh.md');
  assert.deepEqual(page.tables, { sync: 1, batch: 1, flex: 1, priority: 1 });
  const g55 = page.models.get('gpt-5.5')!;
  assert.deepEqual(g55.flex!.short, { input: 2.5, cached_input: 0.25, cache_write: null, output: 15 });
  assert.deepEqual(g55.priority!.short, { input: 12.5, cached_input: 1.25, cache_write: null, output: 75 });
  assert.equal(g55.priority!.long, null, 'Fast has no long-context cells for gpt-5.5');
  assert.equal(page.models.get('o3')!.flex!.short.cached_input, 0.25);
  assert.equal(page.models.get('gpt-4o')!.priority!.short.input, 4.25);
  assert.equal(page.models.get('gpt-4.1')!.flex, undefined, 'gpt-4.1 has no flex row');
  assert.equal(page.models.get('gpt-6-astra')!.priority!.short.cache_write, 25);
  // The Cyber table has neither a tab label nor English headers, and the realtime table has a Modality column.
  assert.equal(page.models.has('gpt-5.6-cyber'), false);
  assert.equal(page.models.has('gpt-realtime-2.1'), false);
  assert.ok(page.warnings.every((w) => /read by position/.test(w)), page.warnings.join('\n'));
});

test('a page without a table it recognises is one clear error naming the source and the Markdown URL', () => {
  for (const text of ['<html><body>Pricing</body></html>', '# Pricing\n\nNo tables here.\n', PAGE_EN.replace(/### Standard pricing data[\s\S]*?\n\n(?=Regional)/, '')]) {
    assert.throws(
      () => parsePricingPage(text, 'https://example.com/pricing'),
      (err: unknown) =>
        err instanceof PricingFileError &&
        /^https:\/\/example\.com\/pricing: holds no price table batchwise recognises/.test(err.message) &&
        err.message.includes('https://developers.openai.com/api/docs/pricing.md'),
    );
  }
});

test('English headers in other shapes: Category tables, free and output-less rows, Ultrafast skipped, untabbed = Standard', () => {
  const page = parsePricingPage(
    [
      '# Pricing', '', 'Standard', '', '### Standard pricing data', '',
      '| Model | Short context input | Short context cached input | Short context cache writes | Short context output |',
      '| --- | --- | --- | --- | --- |',
      '| **gpt-x** | $2.00 | $0.20 | $2.50 | $10.00 |',
      '| gpt-y (&lt;128K context length) | $1,000.00 | - | - | $2,000.00 |',
      '', 'Ultrafast', '', '### Ultrafast pricing data', '',
      '| Model | Input | Cached input | Output |', '|---|---|---|---|', '| gpt-x | $12.00 | $1.20 | $60.00 |',
      '', 'Cyber models', '', '### Grouped Pricing Table data', '',
      '| Model | Input | Cached input | Output |', '| :--- | ---: | ---: | ---: |', '| `gpt-x-cyber` | $12.50 | $1.25 | $75.00 |',
      '', 'Specialized models', '', 'Standard', '', '### Grouped Pricing Table data', '',
      '| Category | Model | Input | Cached input | Output |', '| --- | --- | --- | --- | --- |',
      '| Embedding | text-embedding-3-small | $0.02 | - | - |',
      '| Moderation | omni-moderation-latest | Free | - | - |',
      '| Search | gpt-z | $1.25 | $0.125 | - |',
      '', 'Batch', '', '### Batch pricing data', '',
      '| Model | Modality | Input | Cached input | Output |', '| --- | --- | --- | --- | --- |', '| gpt-x | Text | $1.00 | $0.10 | $5.00 |',
    ].join('\n'),
    'snippet.md',
  );
  assert.deepEqual(page.models.get('gpt-x')!.sync!.short, { input: 2, cached_input: 0.2, cache_write: 2.5, output: 10 }, 'not the Ultrafast row');
  assert.equal(page.models.get('gpt-x')!.batch, undefined, 'a Modality table is not a text-token price table');
  assert.equal(page.models.get('gpt-y')!.sync!.short.input, 1000);
  assert.equal(page.models.get('gpt-y')!.sync!.above_input_tokens, 128_000);
  assert.equal(page.models.get('gpt-x-cyber')!.sync!.short.output, 75, 'a section without tabs shows Standard prices');
  assert.equal(page.models.get('text-embedding-3-small')!.sync!.short.output, 0, 'embeddings produce no output: $0');
  assert.equal(page.models.get('omni-moderation-latest')!.sync!.short.input, 0, '"Free"');
  assert.equal(page.models.has('gpt-z'), false, 'a chat model without an output price is not guessed');
  assert.ok(page.warnings.some((w) => /Ultrafast table was skipped/.test(w)));
  assert.ok(page.warnings.some((w) => /gpt-z has no output price/.test(w)));
});

test('catalog entries: page prices, the long-context rule, metadata carried over, snapshots folded into their alias', () => {
  const bundled: Record<string, PriceEntry> = {
    'gpt-5.5': entry({ input: 5, output: 30, context_window: 1_050_000, reasoning: true, encoding: 'o200k_base', snapshots: ['gpt-5.5-2026-04-23'], released: '2026-04-23', regional_uplift: 1.1,
      flex: { input: 2.5, cached_input: 0.25, cache_write: null, output: 15 } }),
    'gpt-4': entry({ input: 30, output: 60, snapshots: ['gpt-4-0613'], shutdown: '2026-10-23', replacement: 'gpt-5.6-sol' }),
    'gpt-3.5-turbo': entry({ input: 0.5, output: 1.5, snapshots: ['gpt-3.5-turbo-0125'] }),
  };
  const { catalog, folded } = catalogFromPage(parsePricingPage(PAGE_EN, 'page.md'), bundled, CTX);
  const sol = catalog.models['gpt-6-sol'];
  assert.deepEqual(sol.long_context, { above_input_tokens: 272_000, input: 2, output: 1.5 });
  assert.deepEqual([sol.cache_write, sol.batch_cache_write], [2.5, 1.25]);
  assert.deepEqual([sol.as_of, sol.source, sol.origin], [CTX.today, CTX.source, 'catalog']);
  assert.match(sol.note!, /New on the pricing page/);

  const g55 = catalog.models['gpt-5.5'];
  assert.deepEqual([g55.context_window, g55.reasoning, g55.encoding, g55.released, g55.regional_uplift], [1_050_000, true, 'o200k_base', '2026-04-23', 1.1]);
  assert.deepEqual(g55.snapshots, ['gpt-5.5-2026-04-23']);

  // The page names gpt-4-0613 (the catalog's snapshot of gpt-4): its prices go to gpt-4, with gpt-4's metadata.
  assert.equal(catalog.models['gpt-4-0613'], undefined);
  assert.deepEqual([catalog.models['gpt-4'].input, catalog.models['gpt-4'].batch_input, catalog.models['gpt-4'].shutdown], [30, 15, '2026-10-23']);
  // gpt-3.5-turbo has no Batch row, its snapshot -0125 has: the alias bills as the snapshot.
  assert.equal(catalog.models['gpt-3.5-turbo-0125'], undefined);
  assert.deepEqual([catalog.models['gpt-3.5-turbo'].batch_input, catalog.models['gpt-3.5-turbo'].batch_output], [0.25, 0.75]);
  assert.deepEqual(folded, { 'gpt-4-0613': 'gpt-4', 'gpt-3.5-turbo-0125': 'gpt-3.5-turbo' });

  // No Batch row anywhere: batch at 50%, said so.
  const instruct = catalog.models['gpt-3.5-turbo-instruct'];
  assert.deepEqual([instruct.batch_input, instruct.batch_output, instruct.batch_cached_input], [0.75, 1, null]);
  assert.match(instruct.note!, /50% of standard/);

  // The English capture has no Flex or Fast table: a known model keeps its bundled flex, a new one has none.
  assert.deepEqual(g55.flex, { input: 2.5, cached_input: 0.25, cache_write: null, output: 15 });
  assert.match(g55.note!, /Flex and Fast prices from the bundled catalog/);
  assert.equal(catalog.models['gpt-6-sol'].flex, null);

  // Every entry is complete and passes the pricing-file checks, so the file can be used with --pricing or bundled.
  for (const [model, e] of Object.entries(catalog.models)) {
    for (const field of REQUIRED_ENTRY_FIELDS) assert.ok(Object.hasOwn(e, field), `${model}.${field}`);
  }
  parsePricingFile(JSON.parse(JSON.stringify(catalog)), 'out.json');
});

test('a dated name the page prices differently from its alias becomes an entry of its own', () => {
  const bundled = { 'gpt-4o': entry({ input: 2.5, output: 10, snapshots: ['gpt-4o-2024-05-13', 'gpt-4o-2024-08-06'] }) };
  const { catalog } = catalogFromPage(parsePricingPage(PAGE_EN, 'page.md'), bundled, CTX);
  assert.equal(catalog.models['gpt-4o-2024-05-13'].input, 5);
  assert.deepEqual(catalog.models['gpt-4o'].snapshots, ['gpt-4o-2024-08-06'], 'one name resolves one way');
});

test('Flex and Fast rows become flex and priority; long-context cells missing from Fast are noted', () => {
  const { catalog } = catalogFromPage(parsePricingPage(PAGE_ZH, 'page.zh.md'), {}, CTX);
  const g55 = catalog.models['gpt-5.5'];
  assert.deepEqual(g55.flex, { input: 2.5, cached_input: 0.25, cache_write: null, output: 15 });
  assert.deepEqual(g55.priority, { input: 12.5, cached_input: 1.25, cache_write: null, output: 75 });
  assert.match(g55.note!, /Fast table shows no long-context prices/);
  assert.equal(catalog.models['gpt-4.1'].flex, null);
  assert.deepEqual(catalog.models['gpt-6-astra'].priority, { input: 20, cached_input: 2, cache_write: 25, output: 100 });
  // The page rounds gpt-5.4's batch cached input to $0.13: not a disagreement worth a note.
  assert.doesNotMatch(catalog.models['gpt-5.4'].note!, /differ/);
});

test('the diff: new models, models not on the page, and one line per changed price', () => {
  const before: Record<string, PriceEntry> = {
    'gpt-5.5': entry({ input: 5, cached_input: 0.5, output: 30, batch_input: 2.5, batch_cached_input: 0.25, batch_output: 15,
      long_context: { above_input_tokens: 272_000, input: 2, output: 1.5 }, flex: { input: 2.5, cached_input: 0.25, cache_write: null, output: 15 } }),
    'text-embedding-3-small': entry({ input: 0.02, output: 0 }),
  };
  // OpenAI cuts gpt-5.5's batch input price.
  const page = PAGE_ZH.replace('| gpt-5.5 (<272K context length) | $2.50 | $0.25 | - | $15.00 | $5.00 |', '| gpt-5.5 (<272K context length) | $2.25 | $0.25 | - | $15.00 | $5.00 |');
  const current: Catalog = { as_of: '2026-09-22', source: 'https://developers.openai.com/api/docs/pricing', models: before };
  const update = updateFromPage(page, current, CTX);
  const { diff } = update;
  assert.ok(diff.added.includes('gpt-6-astra') && diff.added.includes('o3'));
  assert.deepEqual(diff.removed, ['text-embedding-3-small']);
  const lines = diff.changed.map(changeLine);
  assert.ok(lines.includes('gpt-5.5 batch.input 2.5 → 2.25'), lines.join('\n'));
  assert.ok(lines.includes('gpt-5.5 priority — → 12.5 / 1.25 / 75'), lines.join('\n'));
  assert.equal(lines.filter((l) => l.startsWith('gpt-5.5 ')).length, 2, lines.join('\n'));

  const text = renderUpdate(update, 'prices.json');
  assert.match(text, /^\d+ models on https:\/\/developers\.openai\.com\/api\/docs\/pricing\.md \(Standard, Batch, Flex, Fast tables\), read 2026-12-01\./);
  assert.match(text, /1 not on the page, 2 prices changed/);
  assert.match(text, /^ {2}gpt-5\.5 batch\.input 2\.5 → 2\.25$/m);
  assert.match(text, /^Wrote prices\.json\.$/m);
});

test('diffCatalog compares every mode field by field and the long-context rule', () => {
  const a = entry({ input: 1, flex: { input: 0.5, cached_input: null, output: 1 }, long_context: { above_input_tokens: 272_000, input: 2, output: 1.5 } });
  const b = entry({ input: 1.25, flex: { input: 0.5, cached_input: 0.05, output: 1 }, long_context: null, priority: { input: 2, cached_input: null, output: 4 } });
  const lines = diffCatalog({ m: a }, { m: b }).changed.map(changeLine);
  assert.deepEqual(lines, [
    'm sync.input 1 → 1.25',
    'm flex.cached_input — → 0.05',
    'm priority — → 2 / — / 4',
    'm long_context.above_input_tokens 272000 → —',
    'm long_context.input 2 → —',
    'm long_context.output 1.5 → —',
  ]);
  assert.deepEqual(diffCatalog({ m: a }, { m: a }), { added: [], removed: [], changed: [] });
});
