// `batchwise emulator`: prints where it listens, serves, and stops cleanly on SIGTERM / SIGINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';

const script = fileURLToPath(new URL('./fixtures/runEmulatorCli.ts', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, [script, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)\n/.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
  });
  // Only the tests that wait for the URL care about an early exit.
  listening.catch(() => {});
  return { child, listening, output: () => ({ stdout, stderr }) };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`prints its URL, serves the API, and exits 0 on ${signal}`, async () => {
    const { child, listening } = run(['--port', '0', '--seed', '3', '--complete-after', '300ms', '--rpm', '5']);
    const url = await listening;
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    const { response } = await client.chat.completions
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    assert.equal(response.headers.get('x-ratelimit-limit-requests'), '5');
    child.kill(signal);
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
}

test('a bad duration is a clear error', async () => {
  const { child, output } = run(['--complete-after', 'soon']);
  const [code] = await once(child, 'exit');
  assert.notEqual(code, 0);
  assert.match(output().stderr, /invalid duration "soon"/);
});

test('the limit and latency flags: --limiter window --token-counting sum --latency, and the 429 they give', { timeout: 20_000 }, async () => {
  const { child, listening } = run(['--rpm', '2', '--tpm', '100000', '--limiter', 'window', '--token-counting', 'sum', '--latency', '300ms', '--latency-jitter', '0']);
  try {
    const url = await listening;
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 50 };
    const started = performance.now();
    const { data, response } = await client.chat.completions.create(params).withResponse();
    assert.ok(performance.now() - started >= 290, 'the answer was held');
    // sum: the prompt's tokens plus max_tokens.
    assert.equal(response.headers.get('x-ratelimit-remaining-tokens'), String(100_000 - data.usage!.prompt_tokens - 50));
    await client.chat.completions.create(params);
    await assert.rejects(client.chat.completions.create(params), (e: unknown) => {
      assert.ok(e instanceof OpenAI.RateLimitError);
      // A window waits for the oldest request to be 60 s old (a bucket of 2 per minute would say 30 s).
      assert.ok(Number(e.headers?.get('retry-after')) >= 59, String(e.headers?.get('retry-after')));
      return true;
    });
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

test('a bad --limiter / --cancelled-lines value is a clear error', { timeout: 20_000 }, async () => {
  for (const [flag, value] of [
    ['--limiter', 'leaky'],
    ['--cancelled-lines', 'anywhere'],
    ['--token-counting', 'min'],
  ]) {
    const { child, output } = run([flag, value]);
    const [code] = await once(child, 'exit');
    assert.notEqual(code, 0);
    assert.match(output().stderr, /expected one of/);
  }
});

test('every batch-limit flag parses: --per-second --queue-limit --creations-per-hour --cancel-after --cancelled-lines', { timeout: 20_000 }, async () => {
  const { child, listening } = run([
    '--rpm', '120', '--per-second', '--queue-limit', '1000', '--creations-per-hour', '5', '--cancel-after', '1s',
    '--cancelled-lines', 'error-file', '--flex-slowdown-factor', '2', '--priority-latency-factor', '0.25',
  ]);
  try {
    const url = await listening;
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 });
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }] };
    await client.chat.completions.create(params);
    await client.chat.completions.create(params);
    // 120 a minute is 2 a second with --per-second.
    await assert.rejects(client.chat.completions.create(params), (e: unknown) => e instanceof OpenAI.RateLimitError && e.headers?.get('retry-after') === '1');
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

test('--json prints where it listens as one object, and --azure-deployment serves Azure\'s face', { timeout: 20_000 }, async () => {
  const child = spawn(process.execPath, [script, 'emulator', '--json', '--azure-deployment', 'evals-mini=gpt-4.1-mini'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let stdout = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        stdout += d;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]);
      });
      child.on('exit', () => reject(new Error('exited early')));
    });
    const where = JSON.parse(line) as { url: string; origin: string; port: number };
    assert.equal(where.url, `${where.origin}/v1`);
    const res = await fetch(`${where.origin}/openai/v1/chat/completions`, {
      method: 'POST', headers: { 'api-key': 'any', 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'evals-mini', messages: [{ role: 'user', content: 'hi' }] }),
    });
    assert.equal(res.status, 200);
    assert.match(((await res.json()) as { model: string }).model, /^gpt-4\.1-mini/);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});
