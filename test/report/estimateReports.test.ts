import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { estimateToJson } from '../../src/report/estimateJson.ts';
import { estimateToCsv } from '../../src/report/estimateCsv.ts';
import { renderEstimateTable } from '../../src/report/estimateTable.ts';
import { renderEstimateMarkdown } from '../../src/report/estimateMarkdown.ts';
import { codeSpan, escapeHtml, escapeMarkdown, linkUrl } from '../../src/report/format.ts';
import { rmSync, writeFileSync } from 'node:fs';
import { ROOT, chatLine, tempDir, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const NOW = new Date('2026-12-01T12:00:00Z');
const hello = () => estimateFile(join(ROOT, 'examples/hello.jsonl'), { catalog, detail: true, displayName: 'requests.jsonl', now: NOW });

test('json has exactly the contract of shared/DESIGN.md', async () => {
  const j = estimateToJson(await hello()) as any;
  for (const key of ['file', 'requests', 'input_tokens', 'output_tokens', 'models', 'cost', 'recommendation', 'pricing', 'items']) {
    assert.ok(key in j, key);
  }
  assert.equal(j.file, 'requests.jsonl');
  assert.equal(j.input_tokens, 42);
  assert.deepEqual(Object.keys(j.output_tokens), ['low', 'expected', 'max', 'source', 'sample']);
  assert.deepEqual([j.output_tokens.source, j.output_tokens.sample], ['heuristic', 0]);
  assert.deepEqual(Object.keys(j.cost), ['sync', 'batch', 'flex', 'priority']);
  assert.equal(j.cost.flex, null);
  assert.equal(j.cost.priority, null);
  for (const r of [j.cost.sync, j.cost.batch]) assert.deepEqual(Object.keys(r), ['low', 'expected', 'max']);
  const m = j.models[0];
  assert.equal(m.model, 'gpt-3.5-turbo-0125');
  assert.deepEqual(Object.keys(m.cost), ['sync', 'batch', 'flex', 'priority']);
  const { cost: itemCost, ...item } = j.items[0];
  assert.deepEqual(item, {
    line: 1, custom_id: 'request-1', model: 'gpt-3.5-turbo-0125', input_tokens: 20, input_tokens_source: 'exact', max_output_tokens: 1000,
    url: '/v1/chat/completions', unbounded: false, output_tokens: { low: 1, expected: 256, max: 1000 },
    output_source: 'heuristic', cached_input_tokens: 0, long_context: false,
  });
  assert.equal(itemCost.sync.max, (20 * 0.5 + 1000 * 1.5) / 1e6);
  // gpt-3.5-turbo is shut down: the estimate still prices it, and says so.
  assert.match(m.warnings[0], /shut down on 2026-10-23; OpenAI recommends gpt-5\.6-terra/);
  assert.match(j.pricing.as_of, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(j.pricing.source, /^https:\/\//);
  assert.deepEqual(Object.keys(j.recommendation), ['mode', 'reason']);
  // OpenAI's tokenizer counts exactly: said in every output that shows input tokens.
  assert.equal(j.input_tokens_source, 'exact');
  assert.equal(j.input_tokens_approximate, false);
  assert.equal(m.input_tokens_source, 'exact');
});

test('the table fits 80 columns, long fine-tune names and every note included, and names the recommendation', async () => {
  const longName = 'ft:gpt-4o-mini-2024-07-18:acme-research:sentiment-v2:9fXk2abc';
  const prices = join(tempDir(), 'prices.json');
  writeFileSync(prices, JSON.stringify({ models: { [longName]: { input: 0.3, output: 1.2, encoding: 'o200k_base' } } }));
  const file = writeJsonl([
    chatLine('a', 'hi', {}, 'gpt-4o-mini'),
    chatLine('b', 'hi', {}, 'gpt-5-mini'),
    chatLine('c', 'x', {}, 'o4-mini'),
    chatLine('d', 'x', { max_tokens: 10 }, longName),
    { ...chatLine('e', 'x', { max_tokens: 10 }), typo_key: 1 },
  ]);
  const text = renderEstimateTable(await estimateFile(file, { catalog: loadCatalog(prices), latencyBudgetMs: 2 * 3_600_000 }));
  for (const line of text.split('\n')) assert.ok(line.length <= 80, `too wide (${line.length}): ${line}`);
  assert.match(text, /^recommended: /m);
  assert.match(text, /per model/);
  assert.match(text, /  ft:gpt-4o-mini-2024-0… /);
  assert.match(text, /^warning: /m);
});

test('csv round-trips through a CSV parser', async () => {
  const rows = parse(estimateToCsv(await hello()), { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, 2, 'with --detail: one row per request');
  assert.equal(rows[1].custom_id, 'request-2');
  assert.equal(rows[1].input_tokens, '22');
  const e = await hello();
  delete e.items;
  const summary = parse(estimateToCsv(e), { columns: true }) as Record<string, string>[];
  assert.deepEqual(summary.map((r) => `${r.model}/${r.mode}`), [
    'gpt-3.5-turbo-0125/sync', 'gpt-3.5-turbo-0125/batch', '(total)/sync', '(total)/batch',
  ]);
});

test('csv quotes custom_ids with commas and quotes so they round-trip (newlines are refused before)', async () => {
  const ids = ['a,b', 'say "hi"', 'semi;colon', '한국어'];
  const file = writeJsonl(ids.map((id) => chatLine(id, 'x', { max_tokens: 5 })));
  const rows = parse(estimateToCsv(await estimateFile(file, { catalog, detail: true })), { columns: true }) as Record<string, string>[];
  assert.deepEqual(rows.map((r) => r.custom_id), ids);
});

test('markdown escapes what a request file controls', async () => {
  const file = writeJsonl([chatLine('a', 'hi')], '@team <img src=x> [x](e).jsonl');
  const md = renderEstimateMarkdown(await estimateFile(file, { catalog, minSavingsUsd: 0 }));
  assert.doesNotMatch(md, /@team/);
  assert.doesNotMatch(md, /<img/);
  assert.doesNotMatch(md, /\[x\]\(e\)/);
  assert.match(md, /\| \*\*batch\*\* ✓ \|/);
  assert.equal(escapeMarkdown('a|b'), 'a\\|b');
});

test('escapeMarkdown: entities cannot smuggle a mention, and every line ending becomes a space', () => {
  assert.equal(escapeMarkdown('&commat;octo/team'), '&amp;commat;octo/team');
  assert.equal(escapeMarkdown('a\rb| c'), 'a b\\| c');
  assert.equal(escapeMarkdown('x\u2028y\r\nz'), 'x y z');
});

test('one escaping per context: Markdown text, HTML, code spans and link targets', () => {
  // Markdown text: punctuation escaped; a bare URL, www. address or mention broken by a zero-width space.
  assert.equal(escapeMarkdown('see http://evil.example or www.evil.example, @team'), 'see http:\u200b//evil\\.example or www\u200b\\.evil\\.example, @\u200bteam');
  // HTML (<summary>): entities, no backslashes, the same breaks.
  assert.equal(escapeHtml('a_b [x](https://e.example) <i>"q"</i> @u'), 'a_b [x](https:\u200b//e.example) &lt;i&gt;&quot;q&quot;&lt;/i&gt; @\u200bu');
  // Code: a fence longer than any backtick run inside, padded where the text starts or ends with one.
  assert.equal(codeSpan('batch_abc'), '`batch_abc`');
  assert.equal(codeSpan('a`b'), '``a`b``');
  assert.equal(codeSpan('`x``'), '``` `x`` ```');
  assert.equal(codeSpan('two\nlines'), '`two lines`');
  // Link targets: http(s) only, nothing that ends the target early.
  assert.equal(linkUrl('https://developers.openai.com/api/docs/pricing'), 'https://developers.openai.com/api/docs/pricing');
  assert.equal(linkUrl('https://e.example/a)b(c'), 'https://e.example/a%29b%28c');
  assert.equal(linkUrl('javascript:alert(1)'), null);
  assert.equal(linkUrl('prices.json'), null);
});

test('the job summary and the PR comment mark an approximate input count with ≈ (exact counts stay as they were)', async () => {
  const { modesTable } = await import('../../src/report/summary.ts');
  const { fileTable } = await import('../../src/report/prComment.ts');
  const { providerCatalog } = await import('../../src/pricing/index.ts');
  const path = writeJsonl([chatLine('a', 'hello', { max_tokens: 10 }, 'claude-haiku-4-5')]);
  try {
    const approx = await estimateFile(path, { catalog: providerCatalog('anthropic', catalog), now: NOW });
    const exact = await hello();
    const summary = modesTable([approx], ['sync'], 'recommended');
    assert.match(summary[0], /\| input tokens \(≈ approximate\) \|/);
    assert.match(summary[2], new RegExp(`^\\| sync \\| 1 \\| ≈${approx.input_tokens} \\|`));
    assert.doesNotMatch(modesTable([exact], ['sync']).join('\n'), /≈/);
    const rows = fileTable({ path: 'evals/a.jsonl', base: exact, head: approx, changed: true });
    assert.ok(rows.some((r) => new RegExp(`^\\| input tokens \\| 42 \\| ≈${approx.input_tokens} \\|`).test(r)), rows.join('\n'));
  } finally {
    rmSync(dirname(path), { recursive: true, force: true });
  }
});
