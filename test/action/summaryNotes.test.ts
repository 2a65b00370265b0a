// What the job summary says besides the numbers — models shutting down (with OpenAI's replacement), a catalog past
// its check-by age — and that its money is the ledger's: every "saved" figure is report.json's saved_usd, priority
// included (where the saving is negative). The harness pins BATCHWISE_NOW to 2026-12-01 unless a test says otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { formatUsd } from '../../src/shared/money.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { makeRunner, runStep } from './harness.ts';

const API_KEY = 'sk-test-summary-notes-9d8e';

let gh: FakeGitHub;
let emu: RunningEmulator;
before(async () => {
  gh = await startFakeGitHub();
  emu = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50 });
});
after(async () => {
  await Promise.all([gh.close(), emu.close()]);
});

/** A workspace holding these request files: path → [model, requests]. */
function workspace(files: Record<string, [string, number]>): string {
  const dir = tempDir('batchwise-ws-');
  for (const [path, [model, n]] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `Question ${path} ${i}: say something short.`, { max_tokens: 100 }, model));
    writeFileSync(join(dir, path), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
  return dir;
}

function runner(ws: string, env: Record<string, string> = {}) {
  return makeRunner({ workspace: ws, eventName: 'workflow_dispatch', event: {}, apiUrl: gh.url, extraEnv: env });
}

/** The summary's paragraphs between the bold headline and the next table or sentence about the run. */
function underHeadline(summary: string): string[] {
  const lines = summary.split('\n');
  const at = lines.findIndex((l) => l.startsWith('**'));
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l === '') continue;
    if (!/^(⚠️|ℹ️)/.test(l)) break;
    out.push(l);
  }
  return out;
}

/** A run against the emulator that publishes nothing and keeps no history. */
const runInputs = () => ({ 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', history: 'false' });

test('estimate only: one ⚠️ line per model shutting down, with the replacement, right under the headline', async () => {
  const ws = workspace({ 'evals/a.jsonl': ['gpt-4o-mini', 2], 'evals/b.jsonl': ['gpt-4o-mini', 1], 'evals/c.jsonl': ['gpt-4.1-mini', 1], 'evals/d.jsonl': ['gpt-5.4-mini', 1] });
  const r = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/*.jsonl', mode: 'estimate' } });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(underHeadline(r.summary), [
    '⚠️ gpt\\-4o\\-mini shuts down on 2027\\-01\\-14 \\(in 44 days\\); OpenAI recommends gpt\\-6\\-luna instead (evals/a\\.jsonl, evals/b\\.jsonl).',
    '⚠️ gpt\\-4\\.1\\-mini shuts down on 2027\\-01\\-14 \\(in 44 days\\); OpenAI recommends gpt\\-6\\-luna instead (evals/c\\.jsonl).',
  ]);
  // And an annotation on each file that uses one.
  assert.match(r.stdout, /::warning title=model shutting down,file=evals\/a\.jsonl::gpt-4o-mini shuts down on 2027-01-14 \(in 44 days\); OpenAI recommends gpt-6-luna instead/);
  assert.match(r.stdout, /::warning title=model shutting down,file=evals\/c\.jsonl::gpt-4\.1-mini shuts down/);
  assert.doesNotMatch(r.stdout, /file=evals\/d\.jsonl/);

  // Two months earlier nothing is close to its shutdown: no line.
  const early = await runStep(runner(ws, { BATCHWISE_NOW: '2026-10-01' }), 'index', { inputs: { requests: 'evals/*.jsonl', mode: 'estimate', 'output-dir': 'early' } });
  assert.equal(early.code, 0, early.stdout + early.stderr);
  assert.deepEqual(underHeadline(early.summary), []);
  assert.doesNotMatch(early.stdout, /::warning title=model/);
});

test('a model already shut down: the estimate says a run refuses it, and a run does, before anything is sent', async () => {
  const ws = workspace({ 'evals/old.jsonl': ['gpt-3.5-turbo', 2] });
  const est = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/old.jsonl' } });
  assert.equal(est.code, 0, est.stdout + est.stderr);
  assert.deepEqual(underHeadline(est.summary), [
    '⚠️ gpt\\-3\\.5\\-turbo was shut down on 2026\\-10\\-23; OpenAI recommends gpt\\-5\\.6\\-terra instead. A run refuses it: change the model in the request file.',
  ]);
  const run = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/old.jsonl', mode: 'sync', ...runInputs() }, timeoutMs: 30_000 });
  assert.equal(run.code, 1, run.stdout + run.stderr);
  assert.match(run.stdout, /::error::evals\/old\.jsonl: a model it uses is shut down; nothing was sent:%0A {2}gpt-3\.5-turbo was shut down on 2026-10-23; OpenAI recommends gpt-5\.6-terra instead/);
  assert.doesNotMatch(run.stdout, /decision:/);
});

test('a run summary: the lifecycle line under the headline too', async () => {
  const ws = workspace({ 'evals/a.jsonl': ['gpt-4o-mini', 2] });
  const r = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', mode: 'sync', ...runInputs() }, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.summary, /^## batchwise run\n\n\*\*Sync ran 2 requests for \$[\d.]+, nothing saved; all succeeded\.\*\*\n\n/);
  assert.deepEqual(underHeadline(r.summary), ['⚠️ gpt\\-4o\\-mini shuts down on 2027\\-01\\-14 \\(in 44 days\\); OpenAI recommends gpt\\-6\\-luna instead.']);
});

test('prices checked more than 90 days ago: a note that says how to refresh them, in the action\'s words', async () => {
  // gpt-5.4-mini has no shutdown date: the note is the only thing under the headline.
  const ws = workspace({ 'evals/a.jsonl': ['gpt-5.4-mini', 1] });
  const fresh = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', 'output-dir': 'fresh' } });
  assert.deepEqual(underHeadline(fresh.summary), []);
  // 90 days is still fresh; 121 is not.
  const edge = await runStep(runner(ws, { BATCHWISE_NOW: '2027-03-01' }), 'index', { inputs: { requests: 'evals/a.jsonl', 'output-dir': 'edge' } });
  assert.deepEqual(underHeadline(edge.summary), []);
  const old = await runStep(runner(ws, { BATCHWISE_NOW: '2027-04-01' }), 'index', { inputs: { requests: 'evals/a.jsonl', 'output-dir': 'old' } });
  assert.equal(old.code, 0, old.stdout + old.stderr);
  const [note, ...rest] = underHeadline(old.summary);
  assert.deepEqual(rest, []);
  assert.match(note, /^ℹ️ Prices checked 121 days ago \(2026-12-01\): they may have changed since\. Run `batchwise pricing update --from \S+ --out prices\.json` and give the file as `pricing-file`/);
  assert.doesNotMatch(note, /--pricing\b|--strict/, 'the action\'s inputs, not CLI flags');
});

/** The saved column of the summary's estimate-vs-actual table: file → cell. */
function savedCells(summary: string): Map<string, string> {
  const lines = summary.split('\n');
  const header = lines.findIndex((l) => l.startsWith('| file | mode |'));
  const names = lines[header].split('|').map((c) => c.trim());
  const col = names.indexOf('saved');
  const out = new Map<string, string>();
  for (const row of lines.slice(header + 2)) {
    if (!row.startsWith('|')) break;
    const cells = row.split('|').map((c) => c.trim());
    out.set(cells[1].replace(/\\/g, ''), cells[col]);
  }
  return out;
}

test('every "saved" figure of a run summary is report.json\'s saved_usd, and so is the saved output', async () => {
  const ws = workspace({ 'evals/a.jsonl': ['gpt-4o-mini', 4], 'evals/b.jsonl': ['gpt-4o-mini', 3] });
  const r = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/*.jsonl', mode: 'batch', ...runInputs(), 'output-dir': 'out' }, timeoutMs: 90_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const reports = ['a', 'b'].map((f) => JSON.parse(readFileSync(join(ws, `out/evals__${f}/report.json`), 'utf8')));
  const cells = savedCells(r.summary);
  assert.equal(cells.get('evals/a.jsonl'), formatUsd(reports[0].saved_usd));
  assert.equal(cells.get('evals/b.jsonl'), formatUsd(reports[1].saved_usd));
  assert.ok(reports.every((x) => x.saved_usd > 0 && x.saved_usd === x.ledger.total.saved_usd));
  const total = reports[0].saved_usd + reports[1].saved_usd;
  const headline = r.summary.match(/\*\*Batch saved (\$[\d.]+) \(50%\) on 7 requests: (\$[\d.]+) spent, (\$[\d.]+) at sync prices/)!;
  assert.ok(headline, r.summary);
  assert.equal(headline[1], formatUsd(total));
  assert.equal(headline[2], formatUsd(reports[0].actual_usd + reports[1].actual_usd));
  assert.equal(headline[3], formatUsd(reports[0].at_sync_prices_usd + reports[1].at_sync_prices_usd));
  // No other "saved" figure anywhere in the summary.
  assert.deepEqual([...r.summary.matchAll(/saved (\$[\d.]+)/gi)].map((m) => m[1]), [formatUsd(total)]);
  assert.ok(Math.abs(Number(r.outputs.saved) - total) < 1e-9, `${r.outputs.saved} vs ${total}`);
  assert.ok(Math.abs(Number(r.outputs['actual-cost']) - (reports[0].actual_usd + reports[1].actual_usd)) < 1e-9);
});

test('mode: priority runs at the priority tier; the summary and the saved output say what it cost over sync', async () => {
  const ws = workspace({ 'evals/a.jsonl': ['gpt-4o-mini', 3] });
  const r = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', mode: 'priority', ...runInputs(), 'output-dir': 'out' }, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.mode, 'priority');
  const results = readFileSync(join(ws, 'out/results.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(results.map((x) => x.mode), ['priority', 'priority', 'priority']);
  const report = JSON.parse(readFileSync(join(ws, 'out/report.json'), 'utf8'));
  assert.ok(report.saved_usd < 0, 'priority costs more than sync');
  const headline = r.summary.match(/\*\*Priority ran 3 requests for (\$[\d.]+), (\$[\d.]+) more than at sync prices; all succeeded\.\*\*/)!;
  assert.ok(headline, r.summary);
  assert.equal(headline[1], formatUsd(report.actual_usd));
  assert.equal(headline[2], formatUsd(-report.saved_usd));
  assert.equal(savedCells(r.summary).get('evals/a.jsonl'), formatUsd(report.saved_usd));
  assert.equal(Number(r.outputs.saved), report.saved_usd);
  // The modes table marks priority; the chart has its bar (and the actual beside it).
  const row = r.summary.split('\n').find((l) => l.startsWith('| priority |'))!;
  assert.ok(row.endsWith('| ✓ |'), row);
  assert.match(row, /^\| priority \| 3 \| [\d,]+ \| [\d,]+ \| \$[\d.]+ \| \$[\d.]+ \| \$[\d.]+ \| ✓ \|$/);
  assert.match(r.summary, /x-axis \["sync", "batch", "priority", "actual"\]/);
});
