// The full path through the action's entry point: a run against the emulator, results published as an artifact (through a
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
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';

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
  assert.match(r.summary, /\*\*Batch saved \$[\d.]+ \(50%\) on 6 requests: \$[\d.]+ spent, \$[\d.]+ at sync prices; all succeeded\.\*\*/);
  // The run summary names the file as the repository does, in its folded estimate too (not the runner's path).
  // Inside HTML the name is HTML-escaped, not Markdown-escaped (no stray backslash before the dot).
  assert.match(r.summary, /<summary>Estimate of evals\/nightly\.jsonl<\/summary>/);
  assert.ok(!r.summary.includes(ws) && !r.summary.includes(ws.replace(/-/g, '\\-')), 'no runner path in the summary');
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

  // One commit on main holding the four files, and the run history at its own path (for the next run's checkout).
  const head = gh.refs.get('main')!;
  const commit = gh.commits.get(head)!;
  assert.equal(commit.parents.length, 1);
  assert.match(commit.message, /^batchwise: results of evals\/nightly\.jsonl/);
  const tree = gh.filesAt(head);
  assert.deepEqual([...tree.keys()].sort(), [
    '.batchwise/history.jsonl', 'results/nightly/report.json', 'results/nightly/report.md', 'results/nightly/results.csv', 'results/nightly/results.jsonl',
  ]);
  assert.equal(tree.get('.batchwise/history.jsonl')!.toString(), readFileSync(join(ws, '.batchwise/history.jsonl'), 'utf8'));
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
  assert.match(r.stdout, /::error::input `mode`: "cheap" is not one of auto, batch, flex, sync, priority, estimate/);
  const tooDear = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'evals/nightly.jsonl', 'api-key': API_KEY, 'base-url': emu.url, 'max-cost': '0.000001' } });
  assert.equal(tooDear.code, 1);
  assert.match(tooDear.stdout, /::error::.*0\.000001/);
  assert.ok(!tooDear.stdout.includes('created for'), 'nothing was submitted');
  const none = await runStep(pushRunner(ws), 'index', { inputs: { requests: 'nope/*.jsonl' } });
  assert.equal(none.code, 1);
  assert.match(none.stdout, /::error::requests: "nope\/\*\.jsonl" matches no file/);
});

/** A workspace holding these request files, `n` short questions each (the same length in every file). */
function workspaceWith(files: Record<string, number>): string {
  const dir = tempDir('batchwise-ws-');
  for (const [path, n] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    const tag = path.replace(/\W/g, '').slice(-6).padStart(6, '_');
    const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `Question ${tag} ${i}?`, { max_tokens: 50 }));
    writeFileSync(join(dir, path), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  }
  return dir;
}

test('max-cost is for the whole step: files each under it but over it together are refused before anything is sent', async () => {
  const ws = workspaceWith({ 'evals/a.jsonl': 4, 'evals/b.jsonl': 4, 'evals/c.jsonl': 4 });
  // In sync mode a file's worst case is its sync max: every request at its output cap.
  const one = (await estimateFile(join(ws, 'evals/a.jsonl'), { catalog: loadCatalog() })).cost.sync.max;
  const inputs = { requests: 'evals/*.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false' };
  const refused = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'max-cost': String(one * 2.5) }, timeoutMs: 60_000 });
  assert.equal(refused.code, 1, refused.stdout + refused.stderr);
  assert.match(refused.stdout, /::error::the worst case of the 3 files' plans together \(evals\/a\.jsonl sync \$[\d.]+, evals\/b\.jsonl sync .*\) is \$[\d.]+, \$[\d.]+ above --max-cost/);
  assert.doesNotMatch(refused.stdout, /::group::Run |decision:/, 'no file ran');
  assert.equal(refused.outputs.results, undefined);

  // Room for all three: each runs under what the ceiling leaves it (the last one gets what the first two left).
  const ran = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'max-cost': String(one * 3.5), 'output-dir': 'fits' }, timeoutMs: 60_000 });
  assert.equal(ran.code, 0, ran.stdout + ran.stderr);
  assert.match(ran.stdout, /max-cost \$[\d.]+ for the step: the 3 files' least worst cases add up to/);
  assert.match(ran.stdout, /evals\/a\.jsonl: max-cost \$[\d.]+ \(what the step's ceiling leaves for it\)/);
  assert.equal(ran.outputs.succeeded, '12');
});

test('a later file failing: the files that finished are still published, then the step fails; post has nothing to do', async () => {
  const ws = workspaceWith({ 'evals/a.jsonl': 3, 'evals/b.jsonl': 2 });
  // b's run directory holds the run of another input: its run refuses to start (after a's has finished and paid).
  mkdirSync(join(ws, 'out/evals__b'), { recursive: true });
  const decision = { mode: 'batch', reason: 'earlier', safety_net: false };
  writeFileSync(join(ws, 'out/evals__b/state.json'), JSON.stringify({
    version: 1, input_file: 'other.jsonl', input_sha256: 'f'.repeat(64), decision, started_at: new Date().toISOString(),
    deadline_ms: Date.now() + 3_600_000, parts: [], sync_phase: null, finished_at: null,
  }));
  const runner = pushRunner(ws);
  const inputs = {
    requests: 'evals/*.jsonl', mode: 'batch', 'api-key': API_KEY, 'base-url': emu.url, 'github-token': TOKEN,
    'output-dir': 'out', artifact: 'partial-results', commit: 'results/partial', 'on-cancel': 'cancel',
  };
  const r = await runStep(runner, 'index', { inputs, timeoutMs: 90_000 });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /::error::.*out\/evals__b holds the run of another input/);
  // What a finished: outputs, summary, artifact, commit.
  assert.equal(r.outputs.results, join(ws, 'out/evals__a/results.jsonl'));
  assert.equal(r.outputs.succeeded, '3');
  assert.match(r.outputs['batch-ids'], /^batch_\w+$/);
  assert.match(r.summary, /1 of 2 request files did not finish/);
  assert.match(r.summary, /- evals\/b\\\.jsonl: .*holds the run of another input/);
  assert.match(r.summary, /\| evals\/a\\\.jsonl \| batch \| 3 \| 3 \|/);
  const a = artifacts.artifacts.find((x) => x.name === 'partial-results')!;
  assert.deepEqual([...unzip(a.zip).keys()].sort(), ['evals__a/report.json', 'evals__a/report.md', 'evals__a/results.csv', 'evals__a/results.jsonl']);
  const head = gh.refs.get('main')!;
  assert.match(gh.commits.get(head)!.message, /^batchwise: results of evals\/a\.jsonl\n/);
  assert.ok(gh.filesAt(head).has('results/partial/evals__a/results.jsonl'));
  // a's batch is settled: it left the in-flight state when a's run returned, so post neither warns nor cancels.
  assert.deepEqual(JSON.parse(r.state['batchwise-in-flight']), { batchIds: [], dirs: [] });
  const post = await runStep(runner, 'post', { inputs });
  assert.equal(post.code, 0, post.stdout + post.stderr);
  assert.equal(post.summary, '');
  assert.doesNotMatch(post.stdout, /cancelled|still running/);
});

test('commit problems are input errors found before anything is sent: no token, a tag push', async () => {
  const ws = workspace(2);
  const inputs = { requests: 'evals/nightly.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', commit: 'results' };
  const noToken = await runStep(pushRunner(ws), 'index', { inputs, timeoutMs: 30_000 });
  assert.equal(noToken.code, 1);
  assert.match(noToken.stdout, /::error::input `commit`: needs a github-token/);
  assert.doesNotMatch(noToken.stdout, /decision:|::group::Run |%0A {4}at /, 'nothing ran, no stack');

  const tag = makeRunner({
    workspace: ws, eventName: 'push', event: {}, apiUrl: gh.url, sha: seedBranch(gh, 'main'), ref: 'refs/tags/v1.2.0',
    extraEnv: { ACTIONS_RESULTS_URL: artifacts.url, ACTIONS_RUNTIME_TOKEN: artifacts.token },
  });
  const onTag = await runStep(tag, 'index', { inputs: { ...inputs, 'github-token': TOKEN }, timeoutMs: 30_000 });
  assert.equal(onTag.code, 1);
  assert.match(onTag.stdout, /::error::input `commit`: this "push" run is on refs\/tags\/v1\.2\.0, not a branch: set commit-branch/);
  assert.doesNotMatch(onTag.stdout, /decision:|::group::Run /);
  // With commit-branch the tag's results have somewhere to go.
  const withBranch = await runStep(tag, 'index', { inputs: { ...inputs, 'github-token': TOKEN, 'commit-branch': 'eval-results', 'output-dir': 'tagged' }, timeoutMs: 60_000 });
  assert.equal(withBranch.code, 0, withBranch.stdout + withBranch.stderr);
  assert.ok(gh.filesAt(gh.refs.get('eval-results')!).has('results/results.jsonl'));
});

test('file names and custom_ids cannot forge workflow commands in the log', async () => {
  const ws = tempDir('batchwise-ws-');
  mkdirSync(join(ws, 'evals'));
  const line = (id: string) => JSON.stringify(chatLine(id, 'Hi?', { max_tokens: 5 })) + '\n';
  const x = join(ws, 'evals/x\n::error title=forged::from a file name.jsonl');
  const y = join(ws, 'evals/y ##[error]legacy forged.jsonl');
  const inputs = { requests: 'evals/*.jsonl', mode: 'sync', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false' };
  // The runner splits lines at CR and LF, and parses `::cmd` at a line's start (after blanks), else `##[cmd]` anywhere
  // (so `##[` inside a `::group::` title, escaped by @actions/core, is that command's text).
  const forgedIn = (stdout: string) =>
    stdout.split(/\r\n|\r|\n/).filter((l) => /^\s*::[a-z-]+ title=forged/.test(l) || (l.includes('##[') && !/^::(group|warning|error|notice)( [^:]*)?::/.test(l)));

  // A custom_id with a line break is refused (file:line), and its text, echoed in the error, forges nothing.
  writeFileSync(x, line('a\n::warning title=forged::from a custom_id'));
  writeFileSync(y, line('b\r::error title=forged::after a bare CR'));
  const refused = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'output-dir': 'refused' }, timeoutMs: 60_000 });
  assert.equal(refused.code, 1, refused.stdout + refused.stderr);
  assert.match(refused.stdout, /::error::evals\/x%0A::error title=forged::from a file name\.jsonl:1: custom_id .* has a control character/);
  assert.doesNotMatch(refused.stdout, /decision:/, 'nothing ran');
  assert.deepEqual(forgedIn(refused.stdout), []);

  // Plain custom_ids: the run goes ahead under those file names, and its log forges nothing either.
  writeFileSync(x, line('a ::warning title=forged::from a custom_id'));
  writeFileSync(y, line('b ##[error]forged from a custom_id'));
  const r = await runStep(pushRunner(ws), 'index', { inputs, timeoutMs: 60_000 });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(forgedIn(r.stdout), []);
  // Still readable: the name is there, its line break shown as \n.
  assert.ok(r.stdout.includes('evals/x\\n::error title=forged::from a file name.jsonl'), r.stdout);
  assert.equal(r.outputs.succeeded, '2');
});

test('rpm and tpm reach the auto policy: a slow account cannot count on a sync safety net', async () => {
  const ws = workspace(12);
  const inputs = { requests: 'evals/nightly.jsonl', mode: 'auto', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', 'min-savings': '0', 'latency-budget': '10m' };
  // 12 requests at 1 a minute cannot finish a batch's leftovers in 10 minutes: auto runs sync from the start.
  const slow = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, rpm: '1', 'output-dir': 'slow' }, cancelWhen: /decision: /, timeoutMs: 30_000 });
  assert.match(slow.stdout, /decision: sync — a 10m budget leaves no room for a batch \(sync alone needs about 12m/);
  const tokens = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, tpm: '60', 'output-dir': 'tokens' }, cancelWhen: /decision: /, timeoutMs: 30_000 });
  assert.match(tokens.stdout, /decision: sync — a 10m budget leaves no room for a batch/);
  const unknown = await runStep(pushRunner(ws), 'index', { inputs: { ...inputs, 'output-dir': 'assumed' }, cancelWhen: /decision: /, timeoutMs: 30_000 });
  assert.match(unknown.stdout, /decision: batch — /);
});
