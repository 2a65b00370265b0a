// The full path through the built dist/: a run against the emulator, results published as an artifact (through a
// stand-in of the runner's artifact service, so the real @actions/artifact client runs) and as one commit (through
// the GitHub API stand-in), outputs set, fail-on honoured, and the API key nowhere but in the add-mask command.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { seedBranch, startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { startFakeArtifactService, unzip } from '../github/fakeArtifactService.ts';
import type { FakeArtifactService } from '../github/fakeArtifactService.ts';
import { makeRunner, runStep } from './harness.ts';
import { writeFileSync, mkdirSync } from 'node:fs';

const API_KEY = 'sk-test-do-not-leak-7f3a9c';
const TOKEN = 'ghs_commit_token_secret_456';

let gh: FakeGitHub;
let artifacts: FakeArtifactService;
let emu: RunningEmulator;
let flaky: RunningEmulator;
before(async () => {
  gh = await startFakeGitHub();
  artifacts = await startFakeArtifactService();
  emu = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50 });
  // Every batch line fails: a run that finishes with failures (no retry can fix a 400).
  flaky = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50, failRate: 1, seed: 3 });
});
after(async () => {
  await Promise.all([gh.close(), artifacts.close(), emu.close(), flaky.close()]);
});

function workspace(n: number): string {
  const dir = tempDir('batchwise-ws-');
  mkdirSync(join(dir, 'evals'));
  const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `Question number ${i}?`, { max_tokens: 50 }));
  writeFileSync(join(dir, 'evals/nightly.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return dir;
}

function pushRunner(ws: string) {
  const sha = seedBranch(gh, 'main');
  return makeRunner({
    workspace: ws,
    eventName: 'schedule',
    event: { schedule: '0 3 * * *' },
    apiUrl: gh.url,
    sha,
    ref: 'refs/heads/main',
    extraEnv: { ACTIONS_RESULTS_URL: artifacts.url, ACTIONS_RUNTIME_TOKEN: artifacts.token },
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

test('a batch run: outputs, summary, artifact and one commit, and the key never leaks', async () => {
  const ws = workspace(6);
  const runner = pushRunner(ws);
  const r = await runStep(runner, 'index', {
    inputs: {
      requests: 'evals/nightly.jsonl', mode: 'batch', 'api-key': API_KEY, 'base-url': emu.url, 'github-token': TOKEN,
      'output-dir': 'out', artifact: 'nightly-results', 'retention-days': '5', commit: 'results/nightly',
    },
    timeoutMs: 90_000,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /::group::Run evals\/nightly\.jsonl/);
  assert.match(r.stdout, /::group::Publish/);
  assert.equal(r.outputs.mode, 'batch');
  assert.equal(r.outputs.succeeded, '6');
  assert.equal(r.outputs.failed, '0');
  assert.match(r.outputs['batch-ids'], /^batch_\w+/);
  assert.ok(Number(r.outputs['actual-cost']) > 0);
  assert.equal(r.outputs.results, join(ws, 'out/results.jsonl'));
  const results = readFileSync(r.outputs.results, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(results.map((x) => x.custom_id), ['q0', 'q1', 'q2', 'q3', 'q4', 'q5']);
  assert.match(r.summary, /\*\*Batch saved \$[\d.]+ \(50%\) on 6 requests; all succeeded\.\*\*/);
  assert.match(r.summary, /### Estimate vs actual/);
  assert.match(r.summary, /```mermaid/);

  // The artifact: the real client, through the stand-in service.
  const a = artifacts.artifacts.find((x) => x.name === 'nightly-results')!;
  assert.ok(a.finalized);
  assert.ok(a.expiresAt, 'retention-days sets an expiry');
  const days = (Date.parse(a.expiresAt!) - Date.now()) / 86_400_000;
  assert.ok(days > 4.9 && days <= 5.01, String(days));
  const zipped = unzip(a.zip);
  assert.deepEqual([...zipped.keys()].sort(), ['report.json', 'report.md', 'results.csv', 'results.jsonl']);
  assert.equal(zipped.get('results.jsonl')!.toString(), readFileSync(join(ws, 'out/results.jsonl'), 'utf8'));

  // One commit on main holding the four files.
  const head = gh.refs.get('main')!;
  const commit = gh.commits.get(head)!;
  assert.equal(commit.parents.length, 1);
  assert.match(commit.message, /^batchwise: results of evals\/nightly\.jsonl/);
  const tree = gh.filesAt(head);
  assert.deepEqual([...tree.keys()].sort(), ['results/nightly/report.json', 'results/nightly/report.md', 'results/nightly/results.csv', 'results/nightly/results.jsonl']);
  assert.equal(gh.calls.filter((c) => c.method === 'PATCH' && c.path.includes('/git/refs/')).length, 1);

  // The key: masked first thing, then nowhere — not in outputs, summary, state, results, commits or the log.
  const maskAt = r.stdout.indexOf(`::add-mask::${API_KEY}`);
  assert.ok(maskAt >= 0 && maskAt < r.stdout.indexOf('::group::'), 'masked before anything else is logged');
  assert.ok(!r.stdout.replace(`::add-mask::${API_KEY}`, '').includes(API_KEY));
  assert.ok(!r.stderr.includes(API_KEY));
  for (const text of Object.values(r.files)) assert.ok(!text.includes(API_KEY));
  for (const f of filesUnder(join(ws, 'out'))) assert.ok(!readFileSync(f, 'utf8').includes(API_KEY), f);
  for (const blob of gh.blobs.values()) assert.ok(!blob.toString().includes(API_KEY) && !blob.toString().includes(TOKEN));
  for (const x of artifacts.artifacts) assert.ok(!x.zip.includes(API_KEY));
});

test('failed requests: warning annotations on the request lines; fail-on any fails the step, none does not', async () => {
  const ws = workspace(3);
  const inputs = { requests: 'evals/nightly.jsonl', mode: 'batch', 'api-key': API_KEY, 'base-url': flaky.url, 'github-token': TOKEN, artifact: 'false', retries: '0' };
  const strict = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'output-dir': 'strict' }, timeoutMs: 90_000 });
  assert.equal(strict.code, 1, strict.stdout + strict.stderr);
  assert.match(strict.stdout, /::warning title=request did not succeed,file=evals\/nightly\.jsonl,line=1::q0 failed: /);
  assert.match(strict.stdout, /::error::3 request\(s\) did not succeed \(fail-on: any/);
  assert.equal(strict.outputs.failed, '3');
  assert.match(strict.summary, /3 did not succeed/);

  const lenient = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'output-dir': 'lenient', 'fail-on': 'none' }, timeoutMs: 90_000 });
  assert.equal(lenient.code, 0, lenient.stdout + lenient.stderr);
  assert.match(lenient.stdout, /::warning title=request did not succeed,file=evals\/nightly\.jsonl,line=3::q2 failed/);
});

test('commit without contents: write → the step fails with the permission to grant', async () => {
  const ws = workspace(2);
  gh.forbid.add('POST blobs');
  try {
    const r = await runStep(pushRunner(ws), 'index', {
      inputs: { requests: 'evals/nightly.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, 'github-token': TOKEN, artifact: 'false', commit: 'results' },
      timeoutMs: 60_000,
    });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /::error::the GitHub token cannot write to octo\/evals .*permissions: contents: write/);
  } finally {
    gh.forbid.delete('POST blobs');
  }
});

test('invalid inputs are one clear message before anything runs', async () => {
  const ws = workspace(1);
  const r = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/nightly.jsonl', mode: 'cheap', 'api-key': API_KEY } });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /::error::input `mode`: "cheap" is not one of auto, batch, flex, sync, estimate/);
  const tooDear = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/nightly.jsonl', 'api-key': API_KEY, 'base-url': emu.url, 'max-cost': '0.000001' } });
  assert.equal(tooDear.code, 1);
  assert.match(tooDear.stdout, /::error::.*0\.000001/);
  assert.ok(!tooDear.stdout.includes('created for'), 'nothing was submitted');
  const none = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'nope/*.jsonl' } });
  assert.equal(none.code, 1);
  assert.match(none.stdout, /::error::requests: "nope\/\*\.jsonl" matches no file/);
});
