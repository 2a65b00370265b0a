// The job summary as a reader sees it: the headline first, one modes table, a chart whose bars start at zero, the
// repository's paths, the action's own words (its inputs, never the CLI's flags), and no empty section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import type { FileEstimate, Mode } from '../../src/estimate/types.ts';
import { loadCatalog, resolvePricing } from '../../src/pricing/index.ts';
import { LedgerBook } from '../../src/results/index.ts';
import type { ResultRecord } from '../../src/results/index.ts';
import { decide } from '../../src/run/index.ts';
import type { Decision } from '../../src/run/index.ts';
import { markdownInActionWords } from '../../src/report/format.ts';
import { costChart } from '../../src/report/summaryChart.ts';
import { renderEstimateSummary, renderRunSummary } from '../../src/report/summary.ts';
import type { SummaryRun } from '../../src/report/summary.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();
const TODAY = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;

const estimateOf = (n: number, name: string, model = 'gpt-5.4-mini'): Promise<FileEstimate> =>
  estimateFile(writeJsonl(Array.from({ length: n }, (_, i) => chatLine(`q${i}`, 'Summarise the text. '.repeat(30), { max_tokens: 300 }, model))), {
    catalog,
    displayName: name,
    now: TODAY,
  });

function runOf(e: FileEstimate, decision: Decision, file = e.file): SummaryRun {
  const book = new LedgerBook({ pricingFor: (m) => resolvePricing(catalog, m), estimateOf: () => undefined, plannedMode: decision.mode });
  for (let i = 0; i < e.requests; i++) {
    const record: ResultRecord = {
      custom_id: `q${i}`, line: i + 1, status: 'succeeded', mode: decision.mode, batch_id: null, response: null, error: null,
      usage: { prompt_tokens: 200, completion_tokens: 100 }, cost_usd: null,
    };
    book.add(record, e.models[0].model, book.price(record, e.models[0].model));
  }
  const ledger = book.close();
  return {
    ledger, file, decision, estimate: e, requests: e.requests, succeeded: e.requests, failed: 0, expired: 0, cancelled: 0, skipped: 0,
    actual_cost_usd: ledger.total.actual_usd, estimated_cost_usd: e.cost[decision.mode] ?? e.cost.sync, batch_ids: decision.mode === 'batch' ? ['batch_1'] : [],
    started_at: '2026-12-01T10:00:00.000Z', finished_at: '2026-12-01T10:05:00.000Z',
  };
}

/** The y-axis and bars of every mermaid chart in `md`. */
function charts(md: string): { from: number; to: number; bars: number[] }[] {
  return [...md.matchAll(/y-axis "USD" ([\d.]+) --> ([\d.e-]+)\n {2}bar \[([^\]]*)\]/g)].map((m) => ({
    from: Number(m[1]),
    to: Number(m[2]),
    bars: m[3].split(',').map(Number),
  }));
}

/** A fold with nothing in it, a heading with nothing under it, a table with no row. */
function emptySections(md: string): string[] {
  const found: string[] = [];
  for (const m of md.matchAll(/<details><summary>([^<]*)<\/summary>\s*<\/details>/g)) found.push(`empty fold: ${m[1]}`);
  for (const m of md.matchAll(/^(#{2,6} .*)\n+(?=#{1,6} |$)(?![\s\S])/gm)) found.push(`empty heading: ${m[1]}`);
  for (const m of md.matchAll(/^(#{2,6} .*)\n\n(?=#{1,6} )/gm)) found.push(`empty heading: ${m[1]}`);
  for (const m of md.matchAll(/^(\|.*\|)\n\|[-:| ]+\|\n(?!\|)/gm)) found.push(`table without rows: ${m[1]}`);
  return found;
}

test('the chart starts at zero and is taller than every bar, in both summaries', async () => {
  const e = await estimateOf(10, 'evals/a.jsonl');
  const bigCheap = costChart({ sync: { low: 0, expected: 10, max: 10 }, batch: { low: 0, expected: 9.5, max: 9.5 }, flex: null, priority: null });
  for (const md of [bigCheap, renderEstimateSummary([e], { why: 'no api-key was given' }), renderRunSummary([runOf(e, { mode: 'batch', reason: 'r', safety_net: false })])]) {
    const [chart] = charts(md);
    assert.ok(chart, md);
    assert.equal(chart.from, 0, 'from zero: a batch at 95% of sync must not look like a sliver');
    assert.ok(chart.bars.every((b) => b >= 0 && b <= chart.to), JSON.stringify(chart));
  }
});

test('the reasons reach the summary in the action\'s words: inputs, never the CLI\'s flags', async () => {
  const e = await estimateOf(40, 'evals/a.jsonl');
  const policy = { latencyBudgetMs: 2 * HOUR, minSavingsUsd: 0, rpm: null, tpm: null, concurrency: 8 };
  const decisions = (['batch', 'sync', 'priority', 'auto'] as const).map((mode) => decide(e, { ...policy, mode }));
  // auto with a too-small saving, and with a short budget (the assumed rate limits are named).
  decisions.push(decide(e, { ...policy, mode: 'auto', minSavingsUsd: 100 }));
  decisions.push(decide(e, { ...policy, mode: 'auto', latencyBudgetMs: HOUR / 2 }));
  const md = renderRunSummary(decisions.map((d, i) => runOf(e, d, `evals/f${i}.jsonl`)));
  assert.doesNotMatch(md, /--(mode|rpm|tpm|min-savings|max-cost|pricing|strict-pricing|latency-budget|out)\b/);
  assert.match(md, /evals\/f0\\\.jsonl: \*\*batch\*\* — set by `mode: batch`/);
  assert.match(md, /evals\/f1\\\.jsonl: \*\*sync\*\* — set by `mode: sync`/);
  assert.match(md, /\\\(`min-savings` \$100\\\.00\\\)/);
  // The estimate's own notes, as they show in the folded estimate.
  assert.equal(markdownInActionWords('strict pricing (CLI --strict-pricing, action strict-pricing) refuses it'), 'strict pricing (`strict-pricing`) refuses it');
  assert.equal(markdownInActionWords('Add it with a pricing file (CLI: --pricing FILE; action: pricing-file), in USD'), 'Add it with a pricing file (`pricing-file`), in USD');
  assert.equal(markdownInActionWords('add a "media" price for it with --pricing FILE'), 'add a "media" price for it with `pricing-file`');
  assert.equal(markdownInActionWords('give your limits with --rpm/--tpm)'), 'give your limits with the `rpm` and `tpm` inputs\\)');
  assert.equal(markdownInActionWords('and `run --mode auto` switches'), 'and `mode: auto` switches');
  // A flag the action has no input for is left as it is (escaped like the rest).
  assert.equal(markdownInActionWords('--until reached'), '\\-\\-until reached');
  // Names inside a reason stay escaped.
  assert.equal(markdownInActionWords('--mode flex: no flex processing for gpt-4o-mini; use --mode sync'), 'set by `mode: flex`: no flex processing for gpt\\-4o\\-mini; use `mode: sync`');
});

test('repository paths only: a run whose estimate was made from the runner\'s path is named as the run names it', async () => {
  const e = { ...(await estimateOf(3, '/home/runner/work/evals/evals/a.jsonl', 'gpt-4o-mini')) };
  const md = renderRunSummary([runOf(e, { mode: 'batch', reason: 'r', safety_net: false }, 'evals/a.jsonl')]);
  assert.doesNotMatch(md, /home\/runner/);
  assert.match(md, /⚠️ gpt\\-4o\\-mini shuts down/);
  assert.match(md, /<details><summary>Estimate of evals\/a\.jsonl<\/summary>/);
});

test('the run summary\'s first screen: headline, modes table, estimate vs actual; no empty section anywhere', async () => {
  const a = await estimateOf(10, 'evals/a.jsonl');
  const b = await estimateOf(4, 'evals/b.jsonl', 'gpt-4o-mini');
  const batch: Decision = { mode: 'batch', reason: 'batch saves money', safety_net: false };
  const sync: Decision = { mode: 'sync', reason: '--mode sync', safety_net: false };
  const run = renderRunSummary([runOf(a, batch), runOf(b, sync)]);
  const lines = run.split('\n');
  assert.match(lines[2], /^\*\*batchwise saved \$/);
  const modes = lines.findIndex((l) => l.startsWith('| mode | requests |'));
  const vs = lines.findIndex((l) => l.startsWith('| file | mode | requests | succeeded | did not succeed | estimated | actual | at sync prices | saved |'));
  assert.ok(modes > 2 && modes < 10 && vs > modes && vs < 20, `${modes}, ${vs}`);
  // One modes table for the step (each folded estimate has its own, per file).
  assert.equal(lines.filter((l) => l.startsWith('| mode | requests |')).length, 1, 'one modes table');
  assert.ok(lines.findIndex((l) => l.startsWith('| mode | low |')) > lines.findIndex((l) => l.startsWith('<details>')));
  // Two files, two modes: each mode says how many files chose it.
  assert.match(run, /^\| batch \|.*\| ✓ 1 of 2 files \|$/m);
  assert.match(run, /^\| sync \|.*\| ✓ 1 of 2 files \|$/m);
  // Every request succeeded: a dash, not "0 / 0 / 0".
  assert.match(run, /^\| evals\/a\\\.jsonl \| batch \| 10 \| 10 \| — \| /m);
  const estimate = renderEstimateSummary([a, b], { why: 'no api-key was given' });
  assert.match(estimate, /^\| mode \| requests \| input tokens \| output tokens \(expected\) \| low \| expected \| max \| recommended \|$/m);
  for (const md of [run, estimate]) assert.deepEqual(emptySections(md), []);
});

test('a run with failures says what did not succeed, in words', async () => {
  const e = await estimateOf(5, 'evals/a.jsonl');
  const run: SummaryRun = { ...runOf(e, { mode: 'batch', reason: 'r', safety_net: false }), succeeded: 2, failed: 2, expired: 1 };
  assert.match(renderRunSummary([run]), /^\| evals\/a\\\.jsonl \| batch \| 5 \| 2 \| 2 failed, 1 expired \| /m);
});

test('chosen modes are counted per file (the same marker for one file: ✓)', async () => {
  const e = await estimateOf(2, 'evals/a.jsonl');
  const md = renderRunSummary([runOf(e, { mode: 'batch' as Mode, reason: 'r', safety_net: false })]);
  assert.match(md, /^\| batch \|.*\| ✓ \|$/m);
});
