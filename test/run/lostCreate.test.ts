// A create whose answer is lost after the server made the batch (the connection reset on the way back) must not make
// a second batch — paid twice — on any provider: OpenAI finds it by metadata, Azure by the uploaded file, Anthropic
// (which keeps neither) by a batch of exactly this many requests created since the first attempt. The fault is a
// loopback proxy between client and emulator, independent of both: the emulator's own drop happens before a route
// runs, so it cannot lose an answer after the work is done.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator } from '../../src/emulator/index.ts';
import { makeProvider, parseDeployments } from '../../src/run/index.ts';
import type { ProviderName } from '../../src/run/index.ts';
import { AmbiguousCreateError, createBatchOnce } from '../../src/run/batch/batchApi.ts';
import { tempDir } from '../helpers.ts';

/** Forwards everything; the first answer to a batch create (path `createPath`) is dropped after the server answered. */
async function losingProxy(target: string, createPath: string): Promise<{ url: string; server: Server; lost: () => number }> {
  const t = new URL(target);
  let lost = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (upRes) => {
        const body: Buffer[] = [];
        upRes.on('data', (c: Buffer) => body.push(c));
        upRes.on('end', () => {
          if (req.method === 'POST' && req.url === createPath && lost === 0 && (upRes.statusCode ?? 500) < 300) {
            lost++;
            req.socket.destroy();
            return;
          }
          res.writeHead(upRes.statusCode!, upRes.headers);
          res.end(Buffer.concat(body));
        });
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, server, lost: () => lost };
}

function part(model: string, n: number): string {
  const p = join(tempDir(), 'part.jsonl');
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({
    custom_id: `r${i}`, method: 'POST', url: '/v1/chat/completions',
    body: { model, max_completion_tokens: 20, messages: [{ role: 'user', content: `hi ${i}` }] },
  }));
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

const meta = (part: string) => ({ batchwise_input_sha256: 'a'.repeat(64), batchwise_part_sha256: part.repeat(64), batchwise_round: '1' });

const CASES: { provider: ProviderName; model: string; createPath: string; base: (origin: string) => string }[] = [
  { provider: 'openai', model: 'gpt-4.1-mini', createPath: '/v1/batches', base: (o) => `${o}/v1` },
  { provider: 'azure', model: 'gpt-4.1-mini', createPath: '/openai/v1/batches', base: (o) => o },
  { provider: 'anthropic', model: 'claude-haiku-4-5', createPath: '/v1/messages/batches', base: (o) => o },
];

for (const c of CASES) {
  test(`${c.provider}: a create answered but lost on the way back makes one batch, not two`, async () => {
    const emu = await startEmulator({ completeAfterMs: 60_000, azureDeployments: { 'evals-mini': 'gpt-4.1-mini' } });
    const proxy = await losingProxy(emu.origin, c.createPath);
    try {
      const provider = makeProvider({ provider: c.provider, apiKey: 'k-test', baseURL: c.base(proxy.url), deployments: parseDeployments(['evals-mini']), maxRetries: 0 });
      const handle = await provider.uploadPart(part(c.model, 3));
      const b = await createBatchOnce(provider, { input_file_id: handle, endpoint: '/v1/chat/completions', metadata: meta('b'), inputSha256: 'a'.repeat(64), requests: 3 });
      assert.equal(proxy.lost(), 1, 'the first answer was lost');
      const all: string[] = [];
      for await (const x of provider.listBatches(0)) all.push(x.id);
      assert.deepEqual(all, [b.id], 'the one batch the server made is the one returned');
      await provider.close?.();
    } finally {
      proxy.server.close();
      await emu.close();
    }
  });
}

test('anthropic: two batches that could each be the lost one are named, and nothing is sent a third time', async () => {
  const emu = await startEmulator({ completeAfterMs: 60_000 });
  const proxy = await losingProxy(emu.origin, '/v1/messages/batches');
  try {
    const direct = makeProvider({ provider: 'anthropic', apiKey: 'k-test', baseURL: emu.origin, maxRetries: 0 });
    // Someone else's batch of the same size, made meanwhile on the same account.
    await direct.createBatch({ input_file_id: await direct.uploadPart(part('claude-haiku-4-5', 3)), endpoint: '/v1/chat/completions', metadata: meta('c') });
    const provider = makeProvider({ provider: 'anthropic', apiKey: 'k-test', baseURL: proxy.url, maxRetries: 0 });
    const handle = await provider.uploadPart(part('claude-haiku-4-5', 3));
    await assert.rejects(
      createBatchOnce(provider, { input_file_id: handle, endpoint: '/v1/chat/completions', metadata: meta('b'), inputSha256: 'a'.repeat(64), requests: 3 }),
      (err: Error) => err instanceof AmbiguousCreateError && /2 batches of 3 requests/.test(err.message),
    );
    const all: string[] = [];
    for await (const x of direct.listBatches(0)) all.push(x.id);
    assert.equal(all.length, 2);
  } finally {
    proxy.server.close();
    await emu.close();
  }
});

test('anthropic: a create that never reached the server is sent again, never attached to another part\'s batch of the same size', async () => {
  const emu = await startEmulator({ completeAfterMs: 60_000 });
  // The first create is answered 503 without being forwarded: nothing was made.
  let refused = 0;
  const t = new URL(emu.origin);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/messages/batches' && refused === 0) {
        refused++;
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
        return;
      }
      const up = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const direct = makeProvider({ provider: 'anthropic', apiKey: 'k-test', baseURL: emu.origin, maxRetries: 0 });
    // Part 1 of this run, already made and recorded.
    const first = await direct.createBatch({ input_file_id: await direct.uploadPart(part('claude-haiku-4-5', 3)), endpoint: '/v1/chat/completions', metadata: meta('c') });
    const provider = makeProvider({ provider: 'anthropic', apiKey: 'k-test', baseURL: `http://127.0.0.1:${(server.address() as { port: number }).port}`, maxRetries: 0 });
    const second = await createBatchOnce(provider, {
      input_file_id: await provider.uploadPart(part('claude-haiku-4-5', 3)), endpoint: '/v1/chat/completions', metadata: meta('b'),
      inputSha256: 'a'.repeat(64), requests: 3, knownBatchIds: new Set([first.id]),
    });
    assert.equal(refused, 1);
    assert.notEqual(second.id, first.id, 'part 2 got a batch of its own');
    const all: string[] = [];
    for await (const x of direct.listBatches(0)) all.push(x.id);
    assert.equal(all.length, 2);
  } finally {
    server.close();
    await emu.close();
  }
});
