// The CLI's pricing and calibration flags as action inputs: region, strict-pricing, pilot, history and mode: priority,
// each checked when the inputs are read and passed to the core as the CLI passes it; and the run history carried from
// one job to the next (committed with the results and read back from the commit branch).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { seedBranch, startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { makeRunner, runStep } from './harness.ts';

const API_KEY = 'sk-test-calibration-1b2c';
const TOKEN = 'ghs_calibration_token_789';

let gh: FakeGitHub;
let emu: RunningEmulator;
before(async () => {
  gh = await startFakeGitHub();
  emu = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50 });
});
after(async () => {
  await Promise.all([gh.close(), emu.close()]);
});

/** A workspace with evals/a.jsonl: `n` questions to `model`. */
function workspace(n: number, model = 'gpt-4o-mini'): string {
  const dir = tempDir('batchwise-ws-');
  mkdirSync(join(dir, 'evals'));
  const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `Name a prime number above ${i * 10}.`, { max_tokens: 200 }, model));
  writeFileSync(join(dir, 'evals/a.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return dir;
}

function pushRunner(ws: string, extraEnv: Record<string, string> = {}) {
  return makeRunner({ workspace: ws, eventName: 'schedule', event: { schedule: '0 3 * * *' }, apiUrl: gh.url, sha: seedBranch(gh, 'main'), extraEnv });
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const readJsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));

test('bad values of the new inputs are one message naming the input, before anything runs', async () => {
  const ws = workspace(1);
  const base = { requests: 'evals/a.jsonl', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false' };
  const cases: [Record<string, string>, RegExp][] = [
    [{ region: 'yes' }, /::error::input `region`: "yes" is not true or false/],
    [{ 'strict-pricing': 'on' }, /::error::input `strict-pricing`: "on" is not true or false/],
    [{ pilot: '-1' }, /::error::input `pilot`: "-1" is not a whole number of requests \(0 or more\)/],
    [{ pilot: '2.5' }, /::error::input `pilot`: "2\.5" is not a whole number of requests/],
    [{ mode: 'fast' }, /::error::input `mode`: "fast" is not one of auto, batch, flex, sync, priority, estimate/],
    // The history rides in the results' commit: a file outside the repository cannot.
    [{ commit: 'results', 'github-token': TOKEN, history: '../elsewhere/history.jsonl' }, /::error::input `history`: "\.\.\/elsewhere\/history\.jsonl" is outside the repository, so `commit` cannot keep it/],
  ];
  for (const [inputs, error] of cases) {
    const r = await runStep(pushRunner(ws), 'index', { inputs: { ...base, ...inputs } });
    assert.equal(r.code, 1, JSON.stringify(inputs));
    assert.match(r.stdout, error);
    assert.doesNotMatch(r.stdout, /decision:|::group::Estimate|%0A {4}at /, `${JSON.stringify(inputs)}: nothing ran, no stack`);
  }
  // A history path that cannot be read (a folder in the way) is found when it is read, before anything is sent.
  const folder = await runStep(pushRunner(ws), 'index', { inputs: { ...base, history: 'evals' } });
  assert.equal(folder.code, 1);
  assert.match(folder.stdout, /::error::input `history`: cannot read .*evals: EISDIR/);
  assert.doesNotMatch(folder.stdout, /decision:|%0A {4}at /);
});

test('region reaches the estimate and the run: +10% on a model that charges it, in the estimate and the ledger', async () => {
  // gpt-5.4-mini charges regional processing (released after 2026-03-05); gpt-4o-mini would not.
  const ws = workspace(4, 'gpt-5.4-mini');
  const estimate = async (region: string) => {
    const r = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', mode: 'estimate', region, 'output-dir': `est-${region}` } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return { cost: Number(r.outputs['estimated-cost']), json: readJson(join(ws, `est-${region}/estimate.json`))[0] };
  };
  const plain = await estimate('false');
  const regional = await estimate('true');
  assert.ok(Math.abs(regional.cost / plain.cost - 1.1) < 1e-3, `${regional.cost} vs ${plain.cost}`);
  assert.equal(regional.json.pricing.region, true);
  assert.equal(plain.json.pricing.region, false);

  const run = async (region: string) => {
    const r = await runStep(pushRunner(ws), 'index', {
      inputs: { requests: 'evals/a.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', history: 'false', region, 'output-dir': `run-${region}` },
      timeoutMs: 60_000,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return { r, report: readJson(join(ws, `run-${region}/report.json`)) };
  };
  const a = await run('false');
  const b = await run('true');
  // The same questions, the same answers (the emulator's are seeded by the request): only the price differs.
  assert.equal(b.report.ledger.total.output_tokens, a.report.ledger.total.output_tokens);
  assert.ok(Math.abs(b.report.actual_usd / a.report.actual_usd - 1.1) < 1e-3, `${b.report.actual_usd} vs ${a.report.actual_usd}`);
  assert.equal(b.r.outputs['actual-cost'], String(b.report.actual_usd));
  assert.equal(b.report.estimate.pricing.region, true);
});

test('pilot: N requests answered synchronously before the decision, the rest in the batch', async () => {
  const ws = workspace(6);
  const r = await runStep(pushRunner(ws), 'index', {
    inputs: { requests: 'evals/a.jsonl', mode: 'batch', pilot: '2', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', 'output-dir': 'out' },
    timeoutMs: 90_000,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /pilot: sending 2 requests synchronously to calibrate the estimate/);
  const results = readJsonl(join(ws, 'out/results.jsonl'));
  assert.deepEqual(results.map((x) => x.custom_id), ['q0', 'q1', 'q2', 'q3', 'q4', 'q5']);
  assert.equal(results.filter((x) => x.mode === 'sync').length, 2);
  assert.equal(results.filter((x) => x.mode === 'batch').length, 4);
  assert.equal(r.outputs.succeeded, '6');
  // The estimate the batch was decided on rests on the pilot's answers.
  assert.equal(readJson(join(ws, 'out/report.json')).estimate.output_tokens.source, 'pilot');
});

test('history: a run writes it, the next step estimates from it; history: false neither writes nor reads it', async () => {
  const ws = workspace(5);
  const estimateStep = async (dir: string, extra: Record<string, string> = {}) => {
    const r = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', 'output-dir': dir, ...extra } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    return { r, estimate: readJson(join(ws, dir, 'estimate.json'))[0] };
  };
  const first = await estimateStep('first');
  assert.equal(first.estimate.output_tokens.source, 'heuristic');

  const off = await runStep(pushRunner(ws), 'index', {
    inputs: { requests: 'evals/a.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', history: 'false', 'output-dir': 'off' },
    timeoutMs: 60_000,
  });
  assert.equal(off.code, 0, off.stdout + off.stderr);
  assert.ok(!existsSync(join(ws, '.batchwise')), 'history: false writes nothing');

  const ran = await runStep(pushRunner(ws), 'index', {
    inputs: { requests: 'evals/a.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', 'output-dir': 'ran' },
    timeoutMs: 60_000,
  });
  assert.equal(ran.code, 0, ran.stdout + ran.stderr);
  const history = readJsonl(join(ws, '.batchwise/history.jsonl'));
  assert.ok(history.length > 0, 'the run appended what it observed');

  // A later step (a pull request's estimate, with no key) starts from what the run measured.
  const later = await estimateStep('later');
  assert.match(later.r.stdout, /history: \d+ observation\(s\) from .*\.batchwise\/history\.jsonl calibrate the estimate/);
  assert.equal(later.estimate.output_tokens.source, 'history');
  assert.ok(later.estimate.output_tokens.sample > 0);
  const answered = readJson(join(ws, 'ran/report.json')).ledger.total.output_tokens;
  assert.ok(Math.abs(later.estimate.output_tokens.expected - answered) <= answered * 0.5, `${later.estimate.output_tokens.expected} vs ${answered} measured`);
  assert.notEqual(later.estimate.output_tokens.expected, first.estimate.output_tokens.expected);
  // history: false: the file is there, and ignored.
  assert.equal((await estimateStep('ignored', { history: 'false' })).estimate.output_tokens.source, 'heuristic');
  // Another path: read from there.
  mkdirSync(join(ws, 'data'));
  writeFileSync(join(ws, 'data/h.jsonl'), readFileSync(join(ws, '.batchwise/history.jsonl')));
  writeFileSync(join(ws, '.batchwise/history.jsonl'), ''); // so only data/h.jsonl can calibrate it
  assert.equal((await estimateStep('elsewhere', { history: 'data/h.jsonl' })).estimate.output_tokens.source, 'history');
});

test('with commit, the history goes into the results commit and the next job, on a fresh checkout, reads it back', async () => {
  const inputs = {
    requests: 'evals/a.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, 'github-token': TOKEN, artifact: 'false',
    commit: 'results', 'commit-branch': 'eval-results', 'output-dir': 'out',
  };
  const first = workspace(4);
  const commitsBefore = gh.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/git/commits')).length;
  const r1 = await runStep(pushRunner(first), 'index', { inputs, timeoutMs: 60_000 });
  assert.equal(r1.code, 0, r1.stdout + r1.stderr);
  // One commit: the four result files and the history at its own path.
  assert.equal(gh.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/git/commits')).length, commitsBefore + 1);
  const tree1 = gh.filesAt(gh.refs.get('eval-results')!);
  assert.deepEqual([...tree1.keys()].sort(), ['.batchwise/history.jsonl', 'results/report.json', 'results/report.md', 'results/results.csv', 'results/results.jsonl']);
  assert.equal(tree1.get('.batchwise/history.jsonl')!.toString(), readFileSync(join(first, '.batchwise/history.jsonl'), 'utf8'));
  assert.match(r1.stdout, /committed 5 files under results\/ and \.batchwise\/history\.jsonl to eval-results/);

  // The next night: a fresh checkout of main (no .batchwise), results committed to eval-results.
  const second = workspace(4);
  const r2 = await runStep(pushRunner(second), 'index', { inputs, timeoutMs: 60_000 });
  assert.equal(r2.code, 0, r2.stdout + r2.stderr);
  assert.match(r2.stdout, /history: \.batchwise\/history\.jsonl restored from branch eval-results/);
  assert.equal(readJson(join(second, 'out/report.json')).estimate.output_tokens.source, 'history');
  const lines = (b: Buffer) => b.toString().trim().split('\n').length;
  const tree2 = gh.filesAt(gh.refs.get('eval-results')!);
  assert.ok(lines(tree2.get('.batchwise/history.jsonl')!) > lines(tree1.get('.batchwise/history.jsonl')!), 'the second run appended to the first');
});

test('strict-pricing: a model the catalog lacks fails the step, naming it; without it the model is priced and labelled derived', async () => {
  const ws = workspace(2, 'o1-mini');
  const strict = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', 'strict-pricing': 'true', 'output-dir': 'strict' } });
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  assert.match(strict.stdout, /::error::evals\/a\.jsonl:1: .*o1-mini/);
  assert.doesNotMatch(strict.stdout, /%0A {4}at /, 'a user error, no stack');

  const lenient = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/a.jsonl', 'output-dir': 'lenient' } });
  assert.equal(lenient.code, 0, lenient.stdout + lenient.stderr);
  assert.deepEqual(readJson(join(ws, 'lenient/estimate.json'))[0].pricing.derived_models, ['o1-mini']);
  assert.match(lenient.summary, /ℹ️ \*\*o1\\-mini\*\* is not in the price catalog: priced from the `@pydantic\/genai-prices` library \(derived, batch assumed at 50%\)\. Give its prices in `pricing-file`, or set `strict-pricing: true` to refuse it\./);
});
