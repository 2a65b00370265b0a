// A self-hosted proxy that echoes the bearer key into every kind of error: batch output and error lines, sync 4xx,
// 5xx and 401 bodies, upload and download failures. Every byte the CLI prints or writes under --out is searched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.ts';
import { emulator, requestFile } from './helpers.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';

// Not shaped like an OpenAI key: only the registered-secret path can catch it.
const SECRET = 'proxy-key-LEAKCHECK-93f1c0e7';
const HOP_BY_HOP = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'content-encoding']);

/** Passes through to the emulator, echoing the Authorization header wherever `fault` says. */
async function echoingProxy(emu: RunningEmulator, fault: (method: string, url: string, n: number) => 'echo-body' | 'fail-500' | 'fail-401' | 'fail-400' | null): Promise<{ server: Server; url: string }> {
  let n = 0;
  const server = createServer(async (req, res) => {
    const auth = String(req.headers.authorization ?? '');
    const f = fault(req.method ?? '', req.url ?? '', n++);
    const fail = (status: number, type: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-should-retry': 'false' });
      res.end(JSON.stringify({ error: { message: `${type} for ${auth}`, type, code: status === 401 ? 'invalid_api_key' : null, param: null } }));
    };
    if (f === 'fail-500') return fail(500, 'server_error');
    if (f === 'fail-401') return fail(401, 'invalid_request_error');
    if (f === 'fail-400') return fail(400, 'invalid_request_error');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const upstream = await fetch(emu.url.replace(/\/v1$/, '') + req.url, {
      method: req.method, headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => !HOP_BY_HOP.has(k))) as Record<string, string>,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    let body = Buffer.from(await upstream.arrayBuffer());
    // Every message in an answer (a batch's output and error lines included) carries the key.
    if (f === 'echo-body') body = Buffer.from(body.toString('utf8').replace(/"(message|content)":"/g, `"$1":"echo ${auth} `));
    res.writeHead(upstream.status, Object.fromEntries([...upstream.headers].filter(([k]) => !HOP_BY_HOP.has(k))));
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/v1` };
}

function cliRun(args: string[], baseURL: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, OPENAI_API_KEY: SECRET, OPENAI_BASE_URL: baseURL, BATCHWISE_HISTORY: 'off' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? everyFile(join(dir, f)) : [join(dir, f)]));
}

function assertNowhere(out: string, r: { stdout: string; stderr: string }, echoed: () => number) {
  assert.ok(echoed() > 0, 'the proxy did echo the key');
  assert.ok(!r.stdout.includes(SECRET) && !r.stderr.includes(SECRET), `printed: ${r.stdout}\n${r.stderr}`);
  const files = everyFile(out);
  assert.ok(files.length > 3);
  for (const f of files) assert.ok(!readFileSync(f).includes(SECRET), `${f} holds the key`);
}

test('batch: echoed in output and error lines, a failed upload, a failed poll and a failed download — the key is nowhere', async () => {
  const emu = await emulator({ failRate: 0.3, seed: 4 });
  const seen = { upload: 0, poll: 0, download: 0, files: 0 };
  const { server, url } = await echoingProxy(emu, (method, u) => {
    if (method === 'POST' && u.endsWith('/files') && seen.upload++ === 0) return 'fail-500';
    if (method === 'GET' && /\/batches\/batch_/.test(u) && seen.poll++ === 0) return 'fail-500';
    if (method === 'GET' && /\/content$/.test(u)) return seen.download++ === 0 ? 'fail-500' : (seen.files++, 'echo-body');
    return null;
  });
  try {
    const out = tempDir('batchwise-echo-batch-');
    const r = await cliRun(['run', requestFile(10), '--mode', 'batch', '--out', out, '--poll-interval', '100ms,300ms', '--retries', '0'], url);
    assert.ok(r.code === 0 || r.code === 2, r.stderr);
    assertNowhere(out, r, () => seen.files);
    assert.ok(readFileSync(join(out, 'results.jsonl'), 'utf8').includes('[redacted]'), 'the echoed messages are kept, scrubbed');
  } finally {
    server.close();
    await emu.close();
  }
});

test('sync: echoed in 4xx and 5xx bodies and in answers; then a 401 that echoes it — the key is nowhere', async () => {
  const emu = await emulator();
  const { server, url } = await echoingProxy(emu, (method, u, n) => {
    if (method !== 'POST' || !u.endsWith('/chat/completions')) return null;
    return n % 3 === 0 ? 'fail-400' : n % 3 === 1 ? 'fail-500' : 'echo-body';
  });
  const refusing = await echoingProxy(emu, () => 'fail-401');
  try {
    const out = tempDir('batchwise-echo-sync-');
    const r = await cliRun(['run', requestFile(9), '--mode', 'sync', '--out', out, '--retries', '0'], url);
    assert.equal(r.code, 2, r.stderr);
    assertNowhere(out, r, () => 1);
    const out401 = tempDir('batchwise-echo-401-');
    const r401 = await cliRun(['run', requestFile(3), '--mode', 'sync', '--out', out401], refusing.url);
    assert.equal(r401.code, 1, r401.stderr);
    assertNowhere(out401, r401, () => 1);
  } finally {
    server.close();
    refusing.server.close();
    await emu.close();
  }
});
