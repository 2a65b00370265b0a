// A job cancelled while its batch is in flight: main saves the batch ids the moment they exist; post then records
// them in the summary and leaves them running (the default) or cancels them (on-cancel: cancel).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { chatLine, tempDir } from '../helpers.ts';
import { makeRunner, runStep } from './harness.ts';

const API_KEY = 'sk-test-post-secret-91b2';
let emu: RunningEmulator;
before(async () => {
  // Batches that take a minute: the job is cancelled long before they finish.
  emu = await startEmulator({ completeAfterMs: 60_000, validateMs: 50 });
});
after(() => emu.close());

let jobs = 0;

async function cancelledJob() {
  // Distinct content per job: the run core would otherwise (rightly) attach to the batch of the same input.
  const job = ++jobs;
  const ws = tempDir('batchwise-ws-');
  mkdirSync(join(ws, 'evals'));
  writeFileSync(join(ws, 'evals/slow.jsonl'), [0, 1, 2].map((i) => JSON.stringify(chatLine(`s${i}`, `job ${job} q ${i}`, { max_tokens: 20 }))).join('\n') + '\n');
  const runner = makeRunner({ workspace: ws, eventName: 'workflow_dispatch', event: {}, apiUrl: 'http://127.0.0.1:9' });
  const inputs = { requests: 'evals/slow.jsonl', mode: 'batch', 'api-key': API_KEY, 'base-url': emu.url, artifact: 'false', comment: 'off' };
  const main = await runStep(runner, 'index', { inputs, cancelWhen: /batch batch_\w+ created/, timeoutMs: 30_000 });
  const id = main.stdout.match(/batch (batch_\w+) created/)![1];
  return { runner, inputs, main, id };
}

const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: emu.url });

test('cancelled job, on-cancel leave: post records the batch in the summary and leaves it running', async () => {
  const { runner, inputs, main, id } = await cancelledJob();
  assert.equal(main.code, 1, main.stdout + main.stderr);
  assert.match(main.stdout, /::error::the job was cancelled while the run was in progress/);
  assert.ok(main.state['batchwise-in-flight'].includes(id));

  const post = await runStep(runner, 'post', { inputs });
  assert.equal(post.code, 0, post.stdout + post.stderr);
  assert.match(post.stdout, new RegExp(`::warning::the job ended with 1 batch\\(es\\) still running: ${id}`));
  assert.match(post.summary, /1 batch\(es\) left running/);
  assert.ok(post.summary.includes(`\`${id}\``));
  assert.ok(!post.summary.includes(API_KEY) && !post.stdout.replace(`::add-mask::${API_KEY}`, '').includes(API_KEY));
  const b = await client().batches.retrieve(id);
  assert.ok(['validating', 'in_progress'].includes(b.status), b.status);
});

test('cancelled job, on-cancel cancel: post cancels the batch through the run core', async () => {
  const { runner, inputs, id } = await cancelledJob();
  const post = await runStep(runner, 'post', { inputs: { ...inputs, 'on-cancel': 'cancel' } });
  assert.equal(post.code, 0, post.stdout + post.stderr);
  assert.match(post.summary, /1 batch\(es\) cancelled/);
  const b = await client().batches.retrieve(id);
  assert.ok(['cancelling', 'cancelled'].includes(b.status), b.status);
});

test('a job whose batch ran to the end leaves post nothing to do, even with on-cancel: cancel', async () => {
  const fast = await startEmulator({ completeAfterMs: 200, validateMs: 50, finalizeMs: 50 });
  try {
    const ws = tempDir('batchwise-ws-');
    writeFileSync(join(ws, 'a.jsonl'), [0, 1].map((i) => JSON.stringify(chatLine(`a${i}`, `finished job ${i}`, { max_tokens: 5 }))).join('\n') + '\n');
    const runner = makeRunner({ workspace: ws, eventName: 'push', event: {}, apiUrl: 'http://127.0.0.1:9' });
    const inputs = { requests: 'a.jsonl', mode: 'batch', 'api-key': API_KEY, 'base-url': fast.url, artifact: 'false', 'on-cancel': 'cancel' };
    const main = await runStep(runner, 'index', { inputs, timeoutMs: 60_000 });
    assert.equal(main.code, 0, main.stdout + main.stderr);
    const id = main.outputs['batch-ids'];
    assert.match(id, /^batch_\w+$/, 'a real batch ran');
    // The batch was in flight while it ran, and left the state when the run returned.
    assert.deepEqual(JSON.parse(main.state['batchwise-in-flight']), { batchIds: [], dirs: [] });

    const post = await runStep(runner, 'post', { inputs });
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.equal(post.summary, '');
    assert.doesNotMatch(post.stdout, /cancelled|still running/);
    const b = await new OpenAI({ apiKey: 'sk-test', baseURL: fast.url }).batches.retrieve(id);
    assert.equal(b.status, 'completed');
  } finally {
    await fast.close();
  }
});
