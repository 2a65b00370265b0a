// The PR comment and job summary builders: shape, escaping, truncation. Estimates come from real request files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import type { FileEstimate } from '../../src/estimate/types.ts';
import type { Mode } from '../../src/estimate/types.ts';
import { loadCatalog, resolvePricing } from '../../src/pricing/index.ts';
import { LedgerBook } from '../../src/results/index.ts';
import type { ResultRecord } from '../../src/results/index.ts';
import { formatUsd } from '../../src/shared/money.ts';
import { COST_REPORT_MARKER, MAX_COMMENT_CHARS, prHeadline, renderPrComment } from '../../src/report/prComment.ts';
import type { FileComparison } from '../../src/report/prComment.ts';
import { renderEstimateSummary, renderInFlightSummary, renderRunSummary, runHeadline } from '../../src/report/summary.ts';
import type { SummaryRun } from '../../src/report/summary.ts';
import { chatLine, writeJsonl } from '../helpers.ts';
import { renderedLinks, summariesOf } from './rendered.ts';

const catalog = loadCatalog();
/** The day these reports are made on (model shutdowns are counted from it). */
const TODAY = new Date('2026-12-01T12:00:00Z');

async function estimateOf(lines: object[], name: string, now = TODAY): Promise<FileEstimate> {
  return estimateFile(writeJsonl(lines), { catalog, displayName: name, now });
}

const small = () => estimateOf([chatLine('a', 'Hello there', { max_tokens: 100 })], 'evals/small.jsonl');
const bigger = () =>
  estimateOf(
    Array.from({ length: 20 }, (_, i) => chatLine(`q${i}`, 'Summarise the following text. '.repeat(20), { max_tokens: 500 })),
    'evals/small.jsonl',
  );

/** The rows of the comment's table of changed files, as cells. */
function changedRows(body: string): string[][] {
  const lines = body.split('\n');
  const at = lines.findIndex((l) => l.startsWith('| file | model | requests |'));
  if (at < 0) return [];
  const rows: string[][] = [];
  for (const l of lines.slice(at + 2)) {
    if (!l.startsWith('|')) break;
    rows.push(l.slice(2, -2).split(' | '));
  }
  return rows;
}

/** The text of the fold whose summary is `summary`. */
function fold(body: string, summary: string): string {
  const at = body.indexOf(`<details><summary>${summary}</summary>`);
  assert.ok(at >= 0, `no fold "${summary}" in:\n${body}`);
  return body.slice(at, body.indexOf('\n</details>', at));
}

test('the PR comment: marker, a headline with base → head and why, one row per changed file, the rest folded', async () => {
  const base = await small();
  const head = await bigger();
  const files: FileComparison[] = [{ path: 'evals/small.jsonl', base, head, changed: true }];
  const body = renderPrComment(files);
  assert.ok(body.startsWith(COST_REPORT_MARKER));
  const headline = prHeadline(files);
  // The estimates' own figures, base → head with the change, and the cause.
  const sync = `sync ${formatUsd(base.cost.sync.expected)} → ${formatUsd(head.cost.sync.expected)} (+${formatUsd(head.cost.sync.expected - base.cost.sync.expected)}, `;
  assert.ok(headline.startsWith(`This pull request changes 1 request file; expected cost per run: ${sync}`), headline);
  assert.match(headline, /, batch \$[\d.]+ → \$[\d.]+ \(\+\$[\d.]+, \d+×\)\. Why: evals\/small\\\.jsonl: 1 → 20 requests\.$/);
  assert.ok(body.includes(`**${headline.split(' Why:')[0]}** Why:`), 'the money sentence is bold');
  assert.deepEqual(changedRows(body), [[
    'evals/small\\.jsonl', 'gpt\\-4o\\-mini', '1\u00a0→ 20',
    `${formatUsd(base.cost.sync.expected)}\u00a0→ ${formatUsd(head.cost.sync.expected)}`,
    `${formatUsd(base.cost.batch.expected)}\u00a0→ ${formatUsd(head.cost.batch.expected)}`,
    `+${formatUsd(head.cost.batch.expected - base.cost.batch.expected)} (${Math.round(head.cost.batch.expected / base.cost.batch.expected)}×)`,
  ]]);
  // The details: base and head row by row, max included, and the estimate at head with its recommendation.
  const details = fold(body, 'Details of evals/small.jsonl');
  assert.ok(details.includes('| requests | 1 | 20 | +19 (20×) |'), details);
  assert.match(details, /\| sync, max \| \$[\d.]+ \| \$[\d.]+ \| \+\$/);
  assert.match(details, /\| batch, max \| \$[\d.]+ \| \$[\d.]+ \| \+\$/);
  assert.match(details, /Recommended: \*\*sync\*\* — /);
  assert.equal(details.match(/Recommended/g)?.length, 1, 'said once');
});

test('10 files, 1 changed model: the headline and the table say it, first; the 9 others are one folded line', async () => {
  const same = await bigger();
  const base = await estimateOf([chatLine('a', 'Label the review.', { max_tokens: 100 }, 'gpt-4o-mini')], 'evals/old.jsonl');
  const head = await estimateOf([chatLine('a', 'Label the review.', { max_tokens: 100 }, 'gpt-5.5')], 'evals/old.jsonl');
  const files: FileComparison[] = Array.from({ length: 10 }, (_, i) => ({ path: `evals/f${i}.jsonl`, base: same, head: same, changed: false }));
  files[6] = { path: 'evals/old.jsonl', base, head, changed: true };
  const body = renderPrComment(files);
  const lines = body.split('\n');
  const headline = lines.find((l) => l.startsWith('**This pull request'))!;
  assert.match(headline, /^\*\*This pull request changes 1 of 10 request files; expected cost per run: sync .*\*\* Why: evals\/old\\\.jsonl: gpt\\-4o\\-mini → gpt\\-5\\\.5\.$/);
  // The table: the changed file only, its head model in bold.
  const rows = changedRows(body);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][0], 'evals/old\\.jsonl');
  assert.equal(rows[0][1], 'gpt\\-4o\\-mini\u00a0→ **gpt\\-5\\.5**');
  assert.match(rows[0][5], /^\+\$[\d.]+ \(\d+×\)$/);
  // On the first screen: the table right under the headline (and the lifecycle line), before any fold.
  const table = lines.findIndex((l) => l.startsWith('| file | model |'));
  assert.ok(table < lines.findIndex((l) => l.startsWith('<details>')));
  assert.ok(table < 12, `table at line ${table}`);
  // The nine others: one folded line listing them, and no table, row or details of their own.
  const unchanged = fold(body, '9 unchanged request files');
  for (let i = 0; i < 10; i++) if (i !== 6) assert.match(unchanged, new RegExp(`^- evals/f${i}\\\\\\.jsonl: gpt\\\\-4o\\\\-mini · 20 requests · `, 'm'));
  assert.doesNotMatch(body, /Details of evals\/f\d/);
  assert.equal(body.match(/<details><summary>Details of/g)?.length, 1);
});

test('the PR comment names each model at head that shuts down soon or has, with the replacement, under the headline', async () => {
  const mini = await estimateOf([chatLine('a', 'Hi', { max_tokens: 10 })], 'evals/a.jsonl');
  const again = await estimateOf([chatLine('b', 'Hello', { max_tokens: 10 })], 'evals/b.jsonl');
  const old = await estimateOf([chatLine('c', 'Hi', { max_tokens: 10 }, 'gpt-3.5-turbo')], 'evals/c.jsonl');
  const fine = await estimateOf([chatLine('d', 'Hi', { max_tokens: 10 }, 'gpt-5.4-mini')], 'evals/d.jsonl');
  const gone = await estimateOf([chatLine('e', 'Hi', { max_tokens: 10 }, 'gpt-4.1-mini')], 'evals/e.jsonl');
  const files: FileComparison[] = [
    { path: 'evals/a.jsonl', base: fine, head: mini, changed: true },
    { path: 'evals/b.jsonl', base: null, head: again, changed: true },
    { path: 'evals/c.jsonl', base: old, head: old, changed: false },
    { path: 'evals/d.jsonl', base: null, head: fine, changed: true },
    // Only the base used it: the PR removes it, nothing to warn about.
    { path: 'evals/e.jsonl', base: gone, head: null, changed: true, deleted: true },
  ];
  const body = renderPrComment(files);
  const lines = body.split('\n');
  const headline = lines.findIndex((l) => l.startsWith('**This pull request'));
  assert.deepEqual(lines.slice(headline + 1, headline + 5), [
    '',
    '⚠️ At head: gpt\\-4o\\-mini shuts down on 2027\\-01\\-14 \\(in 44 days\\); OpenAI recommends gpt\\-6\\-luna instead (evals/a\\.jsonl, evals/b\\.jsonl).',
    '',
    // In a file the PR does not touch: named, so the reader knows where.
    '⚠️ At head: gpt\\-3\\.5\\-turbo was shut down on 2026\\-10\\-23; OpenAI recommends gpt\\-5\\.6\\-terra instead (evals/c\\.jsonl). A run refuses it: change the model in the request file.',
  ]);
  assert.equal(body.match(/^⚠️ At head:/gm)?.length, 2, 'one line per model');
  // Kept when the comment is cut to fit.
  assert.match(renderPrComment(files, { maxChars: 1_500 }), /⚠️ At head: gpt\\-4o\\-mini/);
  // Nothing when no model at head is near its shutdown; no file list for a single file.
  assert.doesNotMatch(renderPrComment([{ path: 'evals/d.jsonl', base: null, head: fine, changed: true }]), /⚠️ At head/);
  assert.match(renderPrComment([{ path: 'evals/a.jsonl', base: fine, head: mini, changed: true }]), /instead\.\n/);
});

test('a new file and a deleted file are said so, not shown as zero', async () => {
  const head = await small();
  const body = renderPrComment([
    { path: 'new.jsonl', base: null, head, changed: true },
    { path: 'gone.jsonl', base: head, head: null, changed: true, deleted: true },
  ]);
  const usd = formatUsd(head.cost.batch.expected);
  assert.deepEqual(changedRows(body).map((r) => [r[0], r[2], r[4], r[5]]).sort(), [
    ['gone\\.jsonl (deleted)', '1\u00a0→ —', `${usd}\u00a0→ —`, `-${usd} (-100%)`],
    ['new\\.jsonl (new)', '—\u00a0→ 1', `—\u00a0→ ${usd}`, `+${usd}`],
  ]);
  assert.match(prHeadline([{ path: 'new.jsonl', base: null, head, changed: true }]), /Why: new\\\.jsonl added \(1 request, gpt\\-4o\\-mini\)\.$/);
  assert.match(fold(body, 'Details of new.jsonl'), /\| requests \| not in base \| 1 \| \+1 \|/);
  assert.match(fold(body, 'Details of gone.jsonl'), /\| requests \| 1 \| deleted \| -1 \(-100%\) \|/);
});

test('nothing changed: the headline says so, and there is no table', async () => {
  const e = await small();
  const files: FileComparison[] = [{ path: 'a.jsonl', base: e, head: e, changed: false }];
  assert.match(prHeadline(files), /^No request file changed/);
  const body = renderPrComment(files);
  assert.deepEqual(changedRows(body), []);
  assert.match(body, /<details><summary>1 unchanged request file<\/summary>/);
});

/** The links, mentions and tags a body renders that batchwise did not put there itself. */
function foreign(body: string, ours: string[] = []): string[] {
  const allowed = new Set(['tag:details', 'tag:summary', 'tag:sub', ...ours]);
  return renderedLinks(body).map((r) => `${r.kind}:${r.text}`).filter((r) => !allowed.has(r));
}

const EVIL = '@octocat <img src=x onerror=alert(1)> [a](http://evil) www.evil.example `x` &#64;team.jsonl';

test('file names, custom ids and errors cannot inject mentions, HTML or links: the rendered comment has only ours', async () => {
  const e = await estimateOf([chatLine('x', 'hi', { max_tokens: 5 })], EVIL);
  const body = renderPrComment(
    [
      { path: e.file, base: null, head: e, changed: true },
      { path: 'bad.jsonl', base: null, head: null, changed: true, error: 'bad.jsonl:1: <script>@admin</script> [b](https://evil.example/x)' },
      { path: `old/${EVIL}`, base: e, head: e, changed: true, renamedFrom: `was/${EVIL}` },
      { path: `same/${EVIL}`, base: e, head: e, changed: false },
    ],
    { runUrl: 'https://github.test/run/1' },
  );
  for (const needle of ['@octocat', '@admin', '<img', '<script', '](http://evil)', 'http://evil', 'www.evil']) assert.ok(!body.includes(needle), needle);
  // Rendered as GitHub reads it: no link, mention or tag but ours (the run link, the price source, the folds).
  assert.deepEqual(foreign(body, ['link:https://github.test/run/1', `link:${e.pricing.source}`]), []);
  // The name is in <summary> lines too, where it is HTML-escaped, not Markdown-escaped.
  assert.ok(body.includes('<details><summary>Details of @\u200boctocat &lt;img src=x onerror=alert(1)&gt; [a](http:\u200b//evil) www\u200b.evil.example `x` &amp;#64;team.jsonl</summary>'), body);
});

test('no Markdown escape shows inside HTML: every <summary> of the comment and the summaries is HTML-escaped', async () => {
  const e = await estimateOf([chatLine('x', 'hi', { max_tokens: 5 })], 'evals/my_file-[v2].jsonl');
  const bodies = [
    renderPrComment([{ path: e.file, base: null, head: e, changed: true }, { path: 'evals/x_y.jsonl', base: e, head: e, changed: false }]),
    renderEstimateSummary([e], { why: 'no api-key was given' }),
    renderRunSummary([fakeRun(e, {})]),
  ];
  for (const body of bodies) {
    const summaries = summariesOf(body);
    assert.ok(summaries.length > 0);
    for (const s of summaries) assert.doesNotMatch(s, /\\[!-/:-@[-`{-~]/, s);
    assert.ok(body.includes(e.file.includes('[') ? 'evals/my_file-[v2].jsonl</summary>' : ''), body);
    // And the same name in Markdown text is escaped there.
    assert.ok(body.includes('evals/my\\_file\\-\\[v2\\]\\.jsonl'), body);
  }
});

test('a name that links in Markdown and in HTML renders inert in the job summaries too', async () => {
  const e = await estimateOf([chatLine('x', 'hi', { max_tokens: 5 })], EVIL);
  for (const body of [renderEstimateSummary([e], { why: 'no api-key was given' }), renderRunSummary([fakeRun(e, {})])]) {
    assert.deepEqual(foreign(body, [`link:${e.pricing.source}`]), []);
  }
});

test('never over 65,536 characters: details go first, then the unchanged list, rows last, the headline never', async () => {
  const e = await bigger();
  const other = await small();
  const files: FileComparison[] = Array.from({ length: 40 }, (_, i) => ({ path: `evals/file-${i}.jsonl`, base: other, head: e, changed: true }));
  files.push(...Array.from({ length: 30 }, (_, i) => ({ path: `evals/same-${i}.jsonl`, base: e, head: e, changed: false })));
  const full = renderPrComment(files, { maxChars: 10_000_000 });
  assert.ok(full.length > 20_000, 'the untruncated report is long');
  const headline = full.split('\n')[3];
  const cut = renderPrComment(files, { maxChars: 20_000, runUrl: 'https://github.test/run/1' });
  assert.ok(cut.length <= 20_000, `${cut.length}`);
  assert.equal(changedRows(cut).length, 40, 'every changed file keeps its row');
  assert.match(cut, /- evals\/same\\-29\\\.jsonl:/, 'the unchanged list is kept while details can go');
  assert.match(cut, /Cut to fit a comment \(details of \d+ file\(s\) left out\)/);
  assert.ok(cut.includes('[job summary](https://github.test/run/1)'));
  // With room for fewer rows: the unchanged list goes (its line stays), then whole rows, and the note says how many.
  const tiny = renderPrComment(files, { maxChars: 4_000 });
  assert.ok(tiny.length <= 4_000);
  assert.match(tiny, /Cut to fit a comment \(\d+ more file\(s\) and all details left out\)/);
  assert.match(tiny, /<details><summary>30 unchanged request files<\/summary>/);
  assert.ok(changedRows(tiny).length > 0 && changedRows(tiny).length < 40);
  for (const body of [cut, tiny]) {
    assert.ok(body.startsWith(COST_REPORT_MARKER));
    assert.equal(body.split('\n')[3], headline, 'the headline is never cut');
  }
  // The real limit.
  const many: FileComparison[] = Array.from({ length: 400 }, (_, i) => ({ path: `f${i}.jsonl`, base: other, head: e, changed: true }));
  const body = renderPrComment(many);
  assert.ok(body.length <= MAX_COMMENT_CHARS);
  assert.match(body.split('\n')[3], /changes 400 request files;.* Why: .*; 397 more in the table\.$/);
});

/** A ledger as a run of `e` in `mode` would leave it: `succeeded` answers with the estimate's average usage. */
function ledgerOf(e: FileEstimate, mode: Mode, succeeded = e.requests) {
  const book = new LedgerBook({ pricingFor: (m) => resolvePricing(catalog, m), estimateOf: () => undefined, plannedMode: mode });
  const usage = { prompt_tokens: Math.round(e.input_tokens / e.requests), completion_tokens: Math.round(e.output_tokens.expected / e.requests) };
  for (let i = 0; i < e.requests; i++) {
    const ok = i < succeeded;
    const record: ResultRecord = {
      custom_id: `q${i}`, line: i + 1, status: ok ? 'succeeded' : 'failed', mode, batch_id: null, response: null,
      error: ok ? null : { code: 'bad', message: 'x' }, usage: ok ? usage : null, cost_usd: null,
    };
    book.add(record, e.models[0].model, book.price(record, e.models[0].model));
  }
  return book.close();
}

function fakeRun(e: FileEstimate, over: Partial<SummaryRun>): SummaryRun {
  const mode = over.decision?.mode ?? 'batch';
  const ledger = over.ledger ?? ledgerOf(e, mode, over.succeeded ?? e.requests);
  return {
    ledger,
    file: e.file,
    decision: { mode: 'batch', reason: 'batch saves money' },
    estimate: e,
    requests: e.requests,
    succeeded: e.requests,
    failed: 0,
    expired: 0,
    cancelled: 0,
    skipped: 0,
    actual_cost_usd: ledger.total.actual_usd,
    estimated_cost_usd: e.cost.batch,
    batch_ids: ['batch_abc'],
    started_at: '2026-11-22T10:00:00.000Z',
    finished_at: '2026-11-22T10:12:00.000Z',
    ...over,
  };
}

test('run headline: the saving against sync at the actual usage, and what did not succeed', async () => {
  const e = await bigger();
  const run = fakeRun(e, { succeeded: 17, failed: 3 });
  const h = runHeadline([run]);
  // Batch is half price for this model: the saving equals what was paid, for the 17 that were billed.
  const t = run.ledger.total;
  assert.ok(Math.abs(t.saved_usd - t.actual_usd) < 1e-9);
  assert.equal(t.billed, 17);
  assert.match(h, /^Batch saved \$[\d.]+ \(50%\) on 20 requests: \$[\d.]+ spent, \$[\d.]+ at sync prices; 3 did not succeed\.$/);
  assert.ok(h.includes(formatUsd(t.saved_usd)) && h.includes(formatUsd(t.at_sync_prices_usd)), 'the figures are the ledger\'s');
  assert.match(runHeadline([fakeRun(e, { decision: { mode: 'sync', reason: 'r' } })]), /^Sync ran 20 requests for \$[\d.]+, nothing saved; all succeeded\.$/);
});

test('run summary: headline, modes table with the chosen mode, estimate vs actual, mermaid chart, folded details', async () => {
  const e = await bigger();
  const md = renderRunSummary([fakeRun(e, {})]);
  assert.match(md, /\*\*Batch saved/);
  const batchRow = md.split('\n').find((l) => l.startsWith('| batch |'))!;
  assert.ok(batchRow.endsWith('| ✓ |'), batchRow);
  assert.ok(!md.split('\n').find((l) => l.startsWith('| sync |'))!.endsWith('✓ |'));
  assert.match(md, /### Estimate vs actual/);
  assert.match(md, /```mermaid\nxychart-beta/);
  assert.match(md, /x-axis \["sync", "flex", "batch", "actual"\]|x-axis \["sync", "batch", "actual"\]/);
  assert.match(md, /<details><summary>Batches and timings<\/summary>/);
  assert.match(md, /`batch_abc`/);
  assert.match(md, /\(12m\)/);
});

test('estimate summary says why nothing ran and marks the recommendation', async () => {
  const e = await small();
  // `why` is batchwise's own Markdown (main.ts writes "`mode: estimate`"): rendered as written.
  const md = renderEstimateSummary([e], { why: 'no `api-key` was given' });
  assert.match(md, /\*\*Batch would save \$[\d.]+ \(50%\) on 1 request:/);
  assert.match(md, /Nothing was sent to the API: no `api-key` was given\./);
  const chosen = md.split('\n').filter((l) => l.endsWith('| ✓ |'));
  assert.equal(chosen.length, 1);
  assert.ok(chosen[0].startsWith(`| ${e.recommendation.mode} |`));
});

test('in-flight summary lists every batch id', () => {
  const md = renderInFlightSummary(['batch_1', 'batch_2'], 'left running', 'a re-run collects them');
  assert.match(md, /2 batch\(es\) left running/);
  assert.ok(md.includes('- `batch_1`') && md.includes('- `batch_2`'));
});
