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
