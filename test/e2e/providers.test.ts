// One request file, every provider: the same OpenAI-format lines run to the end on the emulator's Anthropic, Gemini and
// Azure faces as on OpenAI's — batch, sync, partial failures, expiry, a person's cancel, kill -9 and resume — with one
// result line per request each time, and what a provider cannot take said before anything is sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { cancelRun, loadState, makeProvider, parseDeployments } from '../../src/run/index.ts';
import type { ProviderName, RunOptions } from '../../src/run/index.ts';
import { chatLine, ROOT, tempDir, writeJsonl } from '../helpers.ts';
import { KEY, assertOnePerRequest, emulator, readResults, requestFile, run, waitFor } from './helpers.ts';
import type { EmulatorOptions } from '../../src/emulator/index.ts';

interface Case {
  provider: ProviderName;
  model: string;
  /** What the run needs besides provider and base URL. */
  extra: Partial<RunOptions>;
  emulator: EmulatorOptions;
  /** A line this provider cannot take faithfully, and the words of its problem. */
  untranslatable: [Record<string, unknown>, RegExp];
  /** The CLI's environment: the provider's key (and emulator switches for a child process's emulator). */
  env: Record<string, string>;
  label?: string;
}

const CASES: Case[] = [
  {
    provider: 'anthropic', model: 'claude-haiku-4-5', extra: {}, emulator: {},
    untranslatable: [{ n: 2 }, /\bn: Anthropic returns one answer per request/],
    env: { ANTHROPIC_API_KEY: KEY },
  },
  {
    provider: 'gemini', model: 'gemini-3.5-flash', extra: {}, emulator: {},
    untranslatable: [{ logit_bias: { '50256': -100 } }, /logit_bias/],
    env: { GEMINI_API_KEY: KEY },
  },
  // Where Google's docs are silent the emulator can do each plausible thing: the other state prefix, and a cancelled
  // job that keeps no output.
  {
    provider: 'gemini', model: 'gemini-3.5-flash', extra: {}, emulator: { gemini: { statePrefix: 'JOB_STATE_', cancelledOutput: 'none' } },
    untranslatable: [{ n: 3 }, /\bn\b/],
    env: { GEMINI_API_KEY: KEY, BATCHWISE_GEMINI_STATE_PREFIX: 'JOB_STATE_', BATCHWISE_GEMINI_CANCELLED_OUTPUT: 'none' },
    label: 'gemini (JOB_STATE_, cancel keeps nothing)',
  },
  {
    provider: 'azure', model: 'gpt-4.1-mini', extra: { deployments: parseDeployments(['evals-mini']) },
    emulator: { azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } },
    untranslatable: [{ __url: '/v1/embeddings' }, /not \/v1\/embeddings/],
    env: { AZURE_OPENAI_API_KEY: KEY },
  },
];

const CLI = join(ROOT, 'src/cli/main.ts');

function runOn(c: Case, file: string, emu: RunningEmulator, opts: Partial<RunOptions> = {}) {
  return run(file, emu, { provider: c.provider, baseURL: emu.origin, ...c.extra, ...opts });
}

async function batchesOn(c: Case, emu: RunningEmulator): Promise<string[]> {
  const p = makeProvider({ provider: c.provider, apiKey: KEY, baseURL: emu.origin, ...c.extra });
  const ids: string[] = [];
  for await (const b of p.listBatches(0)) ids.push(b.id);
  await p.close?.();
  return ids;
}

for (const c of CASES) {
  const name = c.label ?? c.provider;
  test(`${name}: a batch run to the end — one answer per request in OpenAI's chat shape, priced from ${c.provider}'s catalog`, async () => {
    const emu = await emulator(c.emulator);
    try {
      const file = requestFile(12, c.model);
      const r = await runOn(c, file, emu, { mode: 'batch' });
      assert.equal(r.summary.exit_code, 0, r.logs.join('\n'));
      assertOnePerRequest(r.results, 12, assert);
      for (const x of r.results) {
        assert.equal(x.status, 'succeeded');
        assert.equal(x.mode, 'batch');
        const body = x.response as { object: string; choices: { message: { content: string }; finish_reason: string }[]; provider_response?: unknown };
        assert.equal(body.object, 'chat.completion');
        // A thinking model may spend a 5-token cap on thoughts (an empty answer cut at "length"): the shape is the point.
        assert.equal(typeof body.choices[0].message.content, 'string');
        assert.match(body.choices[0].finish_reason, /^(stop|length)$/);
        // The provider's own body beside the translated one (Azure's answer is OpenAI's already).
        assert.equal(body.provider_response !== undefined, c.provider !== 'azure');
        assert.ok((x.cost_usd ?? 0) > 0);
      }
      assert.ok(r.summary.ledger.total.saved_usd > 0, 'batch saved against the same provider\'s sync prices');
      assert.equal(loadState(r.outDir)?.provider, c.provider);
      assert.equal((await batchesOn(c, emu)).length, 1);
      if (c.provider === 'gemini') {
        // The uploaded input of an ended job is deleted (uploads count against the project's 20 GB).
        const file = String(loadState(r.outDir)?.parts[0]?.file_id).split('#')[0];
        const res = await fetch(`${emu.origin}/v1beta/${file}`, { headers: { 'x-goog-api-key': KEY } });
        assert.equal(res.status, 404, `${file} is gone`);
      }
      // Input is exact: tiktoken for OpenAI's models, the provider's own counter (with the key) for the others.
      assert.equal(r.summary.estimate.input_tokens_approximate, false);
      assert.equal(r.summary.estimate.input_tokens_source, c.provider === 'azure' ? 'exact' : 'provider_count');
      const counted = r.summary.estimate.input_tokens;
      const billed = r.results.reduce((n, x) => n + Number((x.usage as { prompt_tokens: number }).prompt_tokens), 0);
      assert.equal(counted, billed, 'the estimate counted what the provider billed');
    } finally {
      await emu.close();
    }
  });

  test(`${name}: sync, and partial batch failures retried to the end`, async () => {
    const emu = await emulator({ ...c.emulator, failRate: 0.3, seed: 7 });
    try {
      const file = requestFile(16, c.model);
      const sync = await runOn(c, file, emu, { mode: 'sync' });
      assertOnePerRequest(sync.results, 16, assert);
      assert.equal(sync.summary.exit_code, 0, sync.logs.join('\n'));
      assert.ok(sync.results.every((x) => x.mode === 'sync'));
      const batch = await runOn(c, file, emu, { mode: 'batch', retries: 2 });
      assertOnePerRequest(batch.results, 16, assert);
      assert.ok(batch.results.some((x) => x.mode === 'batch'));
      // Every line ends with one status; the ones a retry could fix were retried.
      assert.equal(batch.summary.succeeded + batch.summary.failed, 16, batch.logs.join('\n'));
      assert.ok(batch.summary.succeeded >= 12, `${batch.summary.succeeded} of 16 succeeded after retries`);
    } finally {
      await emu.close();
    }
  });

  test(`${name}: a person's cancel is final — finished answers kept, the rest cancelled, nothing resent`, async () => {
    const emu = await emulator({ ...c.emulator, completeAfterMs: 2500 });
    try {
      const file = requestFile(20, c.model);
      const outDir = tempDir('batchwise-cancel-');
      const running = runOn(c, file, emu, { outDir, mode: 'batch' });
      const batchId = () => (existsSync(join(outDir, 'state.json')) ? loadState(outDir)?.parts[0]?.batch_id : null) ?? null;
      await waitFor('the batch id in state.json', () => batchId() !== null);
      const p = makeProvider({ provider: c.provider, apiKey: KEY, baseURL: emu.origin, ...c.extra });
      await waitFor('some answers in the batch', async () => {
        const b = await p.retrieveBatch(batchId()!);
        // Anthropic counts a request as processing until the whole batch ends: running is all it shows.
        return b.status === 'in_progress' && (c.provider === 'anthropic' || (b.request_counts?.completed ?? 0) > 0);
      });
      await cancelRun(outDir, { providerImpl: p });
      const { summary, results } = await running;
      assertOnePerRequest(results, 20, assert);
      assert.ok(results.some((x) => x.status === 'cancelled'), 'some were cancelled');
      assert.ok(results.every((x) => x.mode === 'batch'), 'a cancel is not undone by sending the rest synchronously');
      assert.equal(summary.exit_code, 2);
      assert.equal((await batchesOn(c, emu)).length, 1, 'no new batch');
    } finally {
      await emu.close();
    }
  });

  test(`${name}: expired work — what finished is kept, the rest finished synchronously`, async () => {
    const emu = await emulator({ ...c.emulator, completeAfterMs: 1500, expireAfterMs: 500 });
    try {
      const file = requestFile(20, c.model);
      const r = await runOn(c, file, emu, { mode: 'batch', retries: 1 });
      assertOnePerRequest(r.results, 20, assert);
      if (c.provider === 'azure') {
        // Azure does not expire jobs: the batch runs to the end.
        assert.ok(r.results.every((x) => x.mode === 'batch' && x.status === 'succeeded'));
      } else if (c.provider === 'gemini') {
        // Gemini's expired job has no results at all ("Batch expired after 48 hours"): everything is finished in sync.
        assert.equal(r.summary.exit_code, 0, r.logs.join('\n'));
        assert.ok(r.results.every((x) => x.mode === 'sync' && x.status === 'succeeded'));
      } else {
        assert.equal(r.summary.exit_code, 0, r.logs.join('\n'));
        assert.ok(r.results.some((x) => x.mode === 'batch') && r.results.some((x) => x.mode === 'sync'), 'salvaged and finished synchronously');
      }
    } finally {
      await emu.close();
    }
  });

  test(`${name}: kill -9 once the batch is recorded, then the same command: one batch, every answer`, async () => {
    const emu = await emulator({ ...c.emulator, completeAfterMs: 6000 });
    try {
      const file = requestFile(10, c.model);
      const out = tempDir('batchwise-kill-');
      const deployment = c.provider === 'azure' ? ['--deployment', 'evals-mini'] : [];
      const args = ['run', file, '--provider', c.provider, '--base-url', emu.origin, ...deployment, '--mode', 'batch', '--out', out, '--poll-interval', '100ms,300ms'];
      const start = () => {
        const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...c.env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
        return { child, done };
      };
      const first = start();
      await waitFor('the batch id in state.json', () => existsSync(join(out, 'state.json')) && Boolean(loadState(out)?.parts[0]?.batch_id));
      first.child.kill('SIGKILL');
      assert.equal((await first.done).signal, 'SIGKILL');
      const last = await start().done;
      assert.equal(last.code, 0, last.stderr);
      assert.match(last.stderr, /resuming the run/);
      assertOnePerRequest(readResults(join(out, 'results.jsonl')), 10, assert);
      assert.equal((await batchesOn(c, emu)).length, 1);
      assert.ok(!last.stdout.includes(KEY) && !last.stderr.includes(KEY));
    } finally {
      await emu.close();
    }
  });

  test(`${name}: what it cannot take is named by file and line before anything is sent`, async () => {
    const emu = await emulator(c.emulator);
    try {
      const [extra, words] = c.untranslatable;
      const { __url, ...body } = extra as { __url?: string };
      const bad = chatLine('b', 'two', { max_tokens: 5, ...body }, c.model) as Record<string, unknown>;
      if (__url) Object.assign(bad, { url: __url, body: { model: c.model, input: 'x' } });
      const file = writeJsonl([chatLine('a', 'one', { max_tokens: 5 }, c.model), bad]);
      await assert.rejects(runOn(c, file, emu, { mode: 'batch' }), (err: Error) => {
        assert.match(err.message, /nothing was sent/);
        assert.match(err.message, /requests\.jsonl:2: /);
        assert.match(err.message, words);
        return true;
      });
      assert.equal((await batchesOn(c, emu)).length, 0);
    } finally {
      await emu.close();
    }
  });
}

test('anthropic: ids outside its custom_id pattern are sent as stand-ins and come back as the file\'s own', async () => {
  const ids = ['row:1.a', 'has spaces', 'x'.repeat(70), 'plain-id'];
  const file = writeJsonl(ids.map((id, i) => chatLine(id, `question ${i}`, { max_tokens: 5 }, 'claude-haiku-4-5')));
  // Answered (output file), and expired before the end (the error file lists the unrun lines under their stand-ins).
  for (const opts of [{}, { completeAfterMs: 1500, expireAfterMs: 400 }]) {
    const emu = await emulator(opts);
    try {
      const r = await run(file, emu, { provider: 'anthropic', baseURL: emu.origin, mode: 'batch', retries: 0 });
      assert.deepEqual(r.results.map((x) => x.custom_id), ids);
      if (!opts.expireAfterMs) assert.ok(r.results.every((x) => x.status === 'succeeded'), r.logs.join('\n'));
      else assert.ok(r.results.some((x) => x.status === 'expired'), 'some expired, listed under the file\'s ids');
    } finally {
      await emu.close();
    }
  }
});

// The Anthropic emulator takes any key (it checks only that one is sent): its authentication_error code is in the
// same list (runFile's ACCOUNT_REFUSALS) but is exercised by the unit tests of the adapter's error mapping only.
test('a key the provider refuses: "could not run" (exit 1) in sync mode too (Gemini, with the emulator\'s key list)', async () => {
  const emu = await emulator({ gemini: { apiKeys: ['the-good-key'] } });
  try {
    const gemini = await run(requestFile(3, 'gemini-3.5-flash'), emu, { provider: 'gemini', baseURL: emu.origin, apiKey: 'a-bad-key', mode: 'sync', exactTokens: false });
    assert.equal(gemini.summary.exit_code, 1, gemini.logs.join('\n'));
    assert.ok(gemini.results.every((r) => r.status === 'failed'));
  } finally {
    await emu.close();
  }
});

test('anthropic: the counter runs once per request on the first run only; a file with problems is never counted', async () => {
  const calls: string[] = [];
  const emu = await emulator({ log: (l) => calls.push(l) });
  try {
    const file = requestFile(5, 'claude-haiku-4-5');
    const counted = () => calls.filter((l) => l.startsWith('POST /v1/messages/count_tokens')).length;
    const first = await run(file, emu, { provider: 'anthropic', baseURL: emu.origin, mode: 'batch' });
    assert.equal(counted(), 5);
    // The same folder again (a resume, or `--until` continuing): it keeps its decision, so nothing is counted again.
    await run(file, emu, { provider: 'anthropic', baseURL: emu.origin, mode: 'batch', outDir: first.outDir });
    assert.equal(counted(), 5);
    // A validator's problem (line 2: no messages) and Anthropic's (line 3: n > 1) in one error, nothing counted.
    const bad = writeJsonl([
      chatLine('a', 'one', { max_tokens: 5 }, 'claude-haiku-4-5'),
      { custom_id: 'b', method: 'POST', url: '/v1/chat/completions', body: { model: 'claude-haiku-4-5', max_tokens: 5 } },
      chatLine('c', 'three', { max_tokens: 5, n: 2 }, 'claude-haiku-4-5'),
    ]);
    await assert.rejects(run(bad, emu, { provider: 'anthropic', baseURL: emu.origin, mode: 'batch' }), (err: Error) => {
      assert.match(err.message, /requests\.jsonl:2: /);
      assert.match(err.message, /requests\.jsonl:3: anthropic: n: /);
      return true;
    });
    assert.equal(counted(), 5);
  } finally {
    await emu.close();
  }
});
