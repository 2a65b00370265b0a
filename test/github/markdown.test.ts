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

test('the PR comment: marker, headline with base → head, one table per file with the change', async () => {
  const base = await small();
  const head = await bigger();
  const body = renderPrComment([{ path: 'evals/small.jsonl', base, head, changed: true }]);
  assert.ok(body.startsWith(COST_REPORT_MARKER));
  const headline = prHeadline([{ path: 'evals/small.jsonl', base, head, changed: true }]);
  assert.match(headline, /changes 1 request file/);
  // The headline's numbers are the estimates' own.
  assert.ok(headline.includes(`sync $`), headline);
  assert.ok(body.includes('| requests | 1 | 20 | +19 (+1900%) |'), body);
  const syncRow = body.split('\n').find((l) => l.startsWith('| sync, expected |'))!;
  assert.ok(syncRow.includes('+$'), syncRow);
  assert.match(body, /<details><summary>Estimate of evals\/small\\\.jsonl at head<\/summary>/);
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
    '⚠️ At head: gpt\\-4o\\-mini shuts down on 2027\\-01\\-14 \\(in 44 days\\); OpenAI recommends gpt\\-6\\-luna instead.',
    '',
    '⚠️ At head: gpt\\-3\\.5\\-turbo was shut down on 2026\\-10\\-23; OpenAI recommends gpt\\-5\\.6\\-terra instead.',
  ]);
  assert.equal(body.match(/^⚠️ At head:/gm)?.length, 2, 'one line per model');
  // Kept when the comment is cut to fit.
  assert.match(renderPrComment(files, { maxChars: 1_500 }), /⚠️ At head: gpt\\-4o\\-mini/);
  // Nothing when no model at head is near its shutdown.
  assert.doesNotMatch(renderPrComment([{ path: 'evals/d.jsonl', base: null, head: fine, changed: true }]), /⚠️ At head/);
});

test('a new file and a deleted file are said so, not shown as zero', async () => {
  const head = await small();
  const body = renderPrComment([
    { path: 'new.jsonl', base: null, head, changed: true },
    { path: 'gone.jsonl', base: head, head: null, changed: true },
  ]);
  assert.match(body, /\| requests \| not in base \| 1 \| {2}\|/);
  assert.match(body, /\| requests \| 1 \| deleted \| {2}\|/);
});

test('nothing changed: the headline says so', async () => {
  const e = await small();
  assert.match(prHeadline([{ path: 'a.jsonl', base: e, head: e, changed: false }]), /^No request file changed/);
});

test('file names, custom ids and errors cannot inject mentions, HTML or links', async () => {
  const e = await estimateOf([chatLine('x', 'hi', { max_tokens: 5 })], '@octocat <img src=x onerror=alert(1)> [a](http://evil).jsonl');
  const body = renderPrComment([
    { path: e.file, base: null, head: e, changed: true },
    { path: 'bad.jsonl', base: null, head: null, changed: true, error: 'bad.jsonl:1: <script>@admin</script>' },
  ]);
  assert.ok(!body.includes('@octocat'), 'mention escaped');
  assert.ok(!body.includes('@admin'), 'mention escaped');
  assert.ok(!body.includes('<img'), 'html escaped');
  assert.ok(!body.includes('<script'), 'html escaped');
  assert.ok(!body.includes('](http://evil)'), 'link neutralised');
});

test('never over 65,536 characters: details go first, tables stay', async () => {
  const e = await bigger();
  const files: FileComparison[] = Array.from({ length: 40 }, (_, i) => ({ path: `evals/file-${i}.jsonl`, base: e, head: e, changed: true }));
  const full = renderPrComment(files, { maxChars: 10_000_000 });
  assert.ok(full.length > 20_000, 'the untruncated report is long');
  const cut = renderPrComment(files, { maxChars: 20_000, runUrl: 'https://github.test/run/1' });
  assert.ok(cut.length <= 20_000, `${cut.length}`);
  assert.equal(cut.match(/^### /gm)?.length, 40, 'every file table kept');
  assert.match(cut, /Cut to fit a comment \(details of \d+ file\(s\) left out\)/);
  assert.ok(cut.includes('[job summary](https://github.test/run/1)'));
  // With room for fewer tables, whole tables go and the note says how many.
  const tiny = renderPrComment(files, { maxChars: 5_000 });
  assert.ok(tiny.length <= 5_000);
  assert.match(tiny, /Cut to fit a comment \(\d+ more file\(s\) and all details left out\)/);
  assert.ok(tiny.startsWith(COST_REPORT_MARKER));
  // The real limit.
  const many: FileComparison[] = Array.from({ length: 400 }, (_, i) => ({ path: `f${i}.jsonl`, base: e, head: e, changed: true }));
  assert.ok(renderPrComment(many).length <= MAX_COMMENT_CHARS);
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
  const md = renderEstimateSummary([e], { why: 'no api-key was given' });
  assert.match(md, /\*\*Batch would save \$[\d.]+ \(50%\) on 1 request:/);
  assert.match(md, /Nothing was sent to the API: no api\\-key was given\./);
  const chosen = md.split('\n').filter((l) => l.endsWith('| ✓ |'));
  assert.equal(chosen.length, 1);
  assert.ok(chosen[0].startsWith(`| ${e.recommendation.mode} |`));
});

test('in-flight summary lists every batch id', () => {
  const md = renderInFlightSummary(['batch_1', 'batch_2'], 'left running', 'a re-run collects them');
  assert.match(md, /2 batch\(es\) left running/);
  assert.ok(md.includes('- `batch_1`') && md.includes('- `batch_2`'));
});
