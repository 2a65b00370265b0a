// The commands as a user types them: run, status, cancel, demo; exit codes 0 / 2 / 1; the key never shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { ROOT, tempDir, writeJsonl } from '../helpers.ts';
import { KEY, emulator, requestFile, run } from './helpers.ts';

const ENTRY = join(ROOT, 'src/cli/main.ts');

function cli(args: string[], emu?: RunningEmulator): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_API_KEY: KEY };
  if (emu) env.OPENAI_BASE_URL = emu.url;
  const child = spawn(process.execPath, [ENTRY, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => {
    assert.ok(!stdout.includes(KEY) && !stderr.includes(KEY), 'the API key was printed');
    resolve({ code, stdout, stderr });
  }));
}

test('run, then status DIR / BATCH_ID and cancel on a finished batch', async () => {
  const emu = await emulator();
  try {
    const file = requestFile(6);
    const out = tempDir();
    const r = await cli(['run', file, '--out', out, '--mode', 'batch', '--poll-interval', '100ms,200ms'], emu);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /6 of 6 requests succeeded/);
    assert.match(r.stdout, new RegExp(`results: ${out}/results.jsonl`));
    assert.match(r.stderr, /^decision: batch — --mode batch$/m);
    const id = /batches: (batch_\w+)/.exec(r.stdout)![1];

    const s = await cli(['status', out], emu);
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, new RegExp(`${id} \\(r0-p0\\): completed, 6/6 completed, 0 failed`));
    const j = await cli(['status', id, '--json'], emu);
    assert.equal(JSON.parse(j.stdout).batches[0].status, 'completed');
    const c = await cli(['cancel', id], emu);
    assert.equal(c.code, 0, c.stderr);
    assert.match(c.stdout, /completed/);
    const bad = await cli(['status', 'not-a-batch'], emu);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /neither a run folder nor a batch id/);
  } finally {
    await emu.close();
  }
});

test('exit 2 when some requests failed, 1 when nothing could run (max-cost, another input in DIR, a bad file)', async () => {
  const emu = await emulator({ failRate: 1 });
  try {
    const file = requestFile(4);
    const out = tempDir();
    const failed = await cli(['run', file, '--out', out, '--mode', 'batch', '--retries', '0', '--poll-interval', '100ms,200ms'], emu);
    assert.equal(failed.code, 2, failed.stderr);
    assert.match(failed.stdout, /0 of 4 requests succeeded \(4 failed/);

    const costly = await cli(['run', file, '--out', tempDir(), '--mode', 'batch', '--max-cost', '0.0000001'], emu);
    assert.equal(costly.code, 1);
    assert.match(costly.stderr, /^batchwise: the worst case of the batch plan is .* above --max-cost/m);

    const other = await cli(['run', requestFile(3), '--out', out, '--mode', 'batch'], emu);
    assert.equal(other.code, 1);
    assert.match(other.stderr, /holds the run of another input/);

    const broken = writeJsonl(['{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","messages":[]}}', 'nope']);
    const invalid = await cli(['run', broken, '--out', tempDir()], emu);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /requests\.jsonl:2: /);
    assert.doesNotMatch(invalid.stderr, /internal error/);
  } finally {
    await emu.close();
  }
});

test('batchwise demo: estimate, decision, run and results with no key and no network', async () => {
  const r = await cli(['demo']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /listening on http:\/\/127\.0\.0\.1:\d+\/v1/);
  assert.match(r.stdout, /batch \*/);
  assert.match(r.stdout, /decision: batch — batch saves/);
  assert.match(r.stdout, /12 of 12 requests succeeded/);
  assert.match(r.stdout, /results: \S+results\.jsonl/);
});

test('the key never reaches a log line, even when a server echoes it in an error body', async () => {
  const { createServer } = await import('node:http');
  const emu = await emulator();
  // Headers that belong to one connection, not to the request (uploads arrive chunked).
  const HOP_BY_HOP = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);
  // A proxy that answers every batch poll 503 once, with the bearer key in the body, then passes through.
  let echoed = 0;
  const proxy = createServer(async (req, res) => {
    if (req.method === 'GET' && /\/batches\/batch_/.test(req.url ?? '') && echoed++ === 0) {
      res.writeHead(503, { 'content-type': 'application/json', 'x-should-retry': 'false' });
      res.end(JSON.stringify({ error: { message: `overloaded for ${req.headers.authorization}`, type: 'server_error', code: null, param: null } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const upstream = await fetch(emu.url.replace(/\/v1$/, '') + req.url, {
      method: req.method, headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k))) as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([k]) => !HOP_BY_HOP.has(k))));
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  try {
    const { logs, outDir } = await run(requestFile(3), emu, { baseURL: `http://127.0.0.1:${port}/v1` });
    assert.ok(echoed > 0, 'the echoing answer was served');
    const text = logs.join('\n');
    assert.ok(!text.includes(KEY), text);
    for (const f of ['results.jsonl', 'report.md', 'report.json', 'state.json']) {
      assert.ok(!readFileSync(join(outDir, f), 'utf8').includes(KEY), f);
    }
  } finally {
    proxy.close();
    await emu.close();
  }
});

test('every call refused for the key (401) in sync mode: exit 1, could not run; each request still has its line', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((_req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  try {
    const emu = { url: `http://127.0.0.1:${port}/v1` } as RunningEmulator;
    const { summary, results } = await run(requestFile(4), emu, { mode: 'sync' });
    assert.equal(summary.exit_code, 1);
    assert.equal(results.length, 4);
    assert.ok(results.every((r) => r.status === 'failed' && r.error?.code === 'invalid_api_key'));
  } finally {
    server.close();
  }
});
