// The action on another provider: `provider`, its own key input and its endpoint, run the way a runner runs the step.
// The key of that provider is masked first and found nowhere after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { seedBranch, startFakeGitHub } from '../github/fakeGitHub.ts';
import type { FakeGitHub } from '../github/fakeGitHub.ts';
import { makeRunner, runStep } from './harness.ts';

let gh: FakeGitHub;
let emu: RunningEmulator;
before(async () => {
  gh = await startFakeGitHub();
  emu = await startEmulator({ completeAfterMs: 300, validateMs: 50, finalizeMs: 50, azureDeployments: { 'nightly-mini': 'gpt-4.1-mini' } });
});
after(async () => {
  await Promise.all([gh.close(), emu.close()]);
});

function workspace(model: string, n: number, extra: Record<string, unknown> = { max_tokens: 40 }): string {
  const dir = tempDir('batchwise-ws-');
  mkdirSync(join(dir, 'evals'));
  const lines = Array.from({ length: n }, (_, i) => chatLine(`q${i}`, `Question number ${i}?`, extra, model));
  writeFileSync(join(dir, 'evals/nightly.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return dir;
}

function runner(ws: string) {
  return makeRunner({ workspace: ws, eventName: 'schedule', event: { schedule: '0 3 * * *' }, apiUrl: gh.url, sha: seedBranch(gh, 'main'), ref: 'refs/heads/main' });
}

const filesUnder = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());

test('provider azure: azure-api-key, azure-endpoint and deployment; every request answered, the key nowhere', async () => {
  const key = 'azure-key-do-not-leak-51c0';
  const ws = workspace('gpt-4.1-mini', 4);
  const r = await runStep(runner(ws), 'index', {
    inputs: {
      requests: 'evals/nightly.jsonl', mode: 'batch', provider: 'azure', 'azure-api-key': key, 'azure-endpoint': emu.origin,
      deployment: 'gpt-4.1-mini=nightly-mini', 'output-dir': 'out', artifact: 'false', commit: 'false', comment: 'off', history: 'false',
    },
    timeoutMs: 90_000,
  });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.outputs.succeeded, '4');
  const results = readFileSync(r.outputs.results, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { status: string });
  assert.equal(results.length, 4);
  assert.ok(results.every((x) => x.status === 'succeeded'));
  assert.ok(r.stdout.includes(`::add-mask::${key}`));
  assert.ok(!r.stdout.replace(`::add-mask::${key}`, '').includes(key));
  assert.ok(!r.stderr.includes(key));
  for (const text of Object.values(r.files)) assert.ok(!text.includes(key));
  for (const f of filesUnder(join(ws, 'out'))) assert.ok(!readFileSync(f, 'utf8').includes(key), f);
});

for (const [provider, model] of [['anthropic', 'claude-haiku-4-5'], ['gemini', 'gemini-3.5-flash']] as const) {
  test(`provider ${provider}: its own key input, prices from its catalog, every request answered, the key nowhere`, async () => {
    const key = `${provider}-key-do-not-leak-9d2e`;
    const ws = workspace(model, 5);
    const r = await runStep(runner(ws), 'index', {
      inputs: {
        requests: 'evals/nightly.jsonl', mode: 'batch', provider, [`${provider}-api-key`]: key, 'base-url': emu.origin,
        'output-dir': 'out', artifact: 'false', commit: 'false', comment: 'off', history: 'false',
      },
      timeoutMs: 90_000,
    });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.outputs.succeeded, '5');
    assert.ok(Number(r.outputs['actual-cost']) > 0);
    const report = JSON.parse(readFileSync(join(ws, 'out/report.json'), 'utf8')) as { ledger?: unknown; provider?: string };
    assert.ok(report.ledger);
    // With the key, the run counted the input with the provider's own counter, and the summary says so.
    assert.match(r.summary, /counted by the provider's own counter/);
    assert.match(r.summary, new RegExp(`\\*\\*batch\\*\\* on ${provider === 'anthropic' ? 'Anthropic' : 'Gemini'}`));
    assert.equal(report.provider, provider);
    assert.ok(!r.stdout.replace(`::add-mask::${key}`, '').includes(key));
    assert.ok(!r.stderr.includes(key));
    for (const text of Object.values(r.files)) assert.ok(!text.includes(key));
    for (const f of filesUnder(join(ws, 'out'))) assert.ok(!readFileSync(f, 'utf8').includes(key), f);
  });
}

test('deployment without provider azure, and an unknown provider: one clear input error, nothing run', async () => {
  const ws = workspace('gpt-4.1-mini', 1);
  const a = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/nightly.jsonl', deployment: 'x', 'api-key': 'k', 'base-url': emu.url }, timeoutMs: 60_000 });
  assert.notEqual(a.code, 0);
  assert.match(a.stdout, /deployment.*provider: azure/);
  const b = await runStep(runner(ws), 'index', { inputs: { requests: 'evals/nightly.jsonl', provider: 'mistral', 'api-key': 'k' }, timeoutMs: 60_000 });
  assert.notEqual(b.code, 0);
  assert.match(b.stdout, /provider.*"mistral" is not one of openai, azure, gemini, anthropic/);
});
