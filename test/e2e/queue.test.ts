// The batch scheduler against the enqueued-token queue: parts sized and sent to fit a known or learned limit, the next
// part sent when a batch ends, a queue held full by someone else waited for with a backoff (never fanned out into
// tiny batches), and the creation ceilings. The emulator's clock is the test's where a batch must wait for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { toFile } from 'openai';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadState } from '../../src/run/index.ts';
import { tempDir } from '../helpers.ts';
import { allBatches, assertOnePerRequest, catalog, clientFor, emulator, requestFile, run } from './helpers.ts';

const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

async function tokensPerRequest(file: string): Promise<number[]> {
  const est = await estimateFile(file, { catalog, detail: true });
  return est.items!.map((i) => i.input_tokens);
}

test('a queue someone else keeps full: one part, tried again on a doubling backoff, never split into single requests', async () => {
  const clock = { offset: 0 };
  const file = requestFile(32);
  const ours = (await tokensPerRequest(file)).reduce((a, b) => a + b, 0);
  // Room for our 32 requests, but another job's batch holds most of it, for ten (emulated) minutes.
  const limit = ours * 2;
  const emu = await emulator({ queueLimit: limit, completeAfterMs: 10 * 60_000, now: () => Date.now() + clock.offset });
  try {
    const client = clientFor(emu);
    const foreign = requestFile(48);
    const f = await client.files.create({ file: await toFile((await import('node:fs')).createReadStream(foreign), 'other.jsonl'), purpose: 'batch' });
    let other = await client.batches.create({ input_file_id: f.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    for (const end = Date.now() + 10_000; other.status === 'validating' && Date.now() < end; await delay(20)) other = await client.batches.retrieve(other.id);
    assert.equal(other.status, 'in_progress', 'the other job holds the queue');

    const outDir = tempDir('batchwise-fullqueue-');
    const first = await run(file, emu, { outDir, untilMs: 4_000 });
    assert.equal(first.summary.exit_code, 3, first.logs.join('\n'));
    assert.equal(first.summary.in_progress?.reason, 'until');
    assert.equal(first.summary.in_progress?.requests_left, 32);
    const mine = (await allBatches(emu)).filter((b) => b.id !== other.id);
    // The problem this replaces: 32 requests made 223 batches against a queue that stayed full.
    assert.ok(mine.length >= 2 && mine.length <= 4, `${mine.length} batches in 4 s: ${first.logs.join('\n')}`);
    assert.ok(mine.every((b) => b.status === 'failed' && b.errors?.data?.[0]?.code === 'token_limit_exceeded'));
    let state = loadState(outDir)!;
    assert.equal(state.parts.length, 1, 'the part was never split');
    assert.equal(state.parts[0].lines, 32);
    assert.equal(state.parts[0].refused_batch_ids?.length, mine.length);
    assert.deepEqual(state.queue_limits?.['gpt-4.1-mini'] && { tokens: state.queue_limits['gpt-4.1-mini'].tokens, source: state.queue_limits['gpt-4.1-mini'].source }, { tokens: limit, source: 'api' }, 'the limit the API stated is kept in state.json');
    assert.ok(first.logs.some((l) => /the queue of gpt-4\.1-mini is full \(token_limit_exceeded\); part 1\/1 waits \d/.test(l)), first.logs.join('\n'));

    // The other job ends: the next run sends the part once and it runs.
    await client.batches.cancel(other.id);
    for (const end = Date.now() + 10_000; !TERMINAL.has(other.status) && Date.now() < end; await delay(20)) other = await client.batches.retrieve(other.id);
    const second = run(file, emu, { outDir });
    let mineNow = mine.length;
    for (const end = Date.now() + 20_000; Date.now() < end; await delay(20)) {
      const running = (await allBatches(emu)).find((b) => b.id !== other.id && b.status === 'in_progress');
      if (running) {
        clock.offset += 10 * 60_000 + 1_000;
        break;
      }
    }
    const { summary, results } = await second;
    assert.equal(summary.exit_code, 0);
    assertOnePerRequest(results, 32, assert);
    mineNow = (await allBatches(emu)).filter((b) => b.id !== other.id).length;
    assert.equal(mineNow, mine.length + 1, 'one more batch, accepted');
    state = loadState(outDir)!;
    assert.equal(state.parts.length, 1);
  } finally {
    await emu.close();
  }
});

test('--queue-limit: parts sized by tokens to fit, the next sent as one ends, never a refusal', async () => {
  const file = requestFile(40);
  const t = await tokensPerRequest(file);
  const limit = Math.ceil((t.slice(0, 10).reduce((a, b) => a + b, 0) + 2) / 0.95);
  const emu = await emulator({ queueLimit: limit, completeAfterMs: 200 });
  try {
    const { summary, results, outDir, logs } = await run(file, emu, { queueLimitTokens: limit });
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    assertOnePerRequest(results, 40, assert);
    const batches = await allBatches(emu);
    assert.ok(batches.every((b) => b.status === 'completed'), 'no refusal');
    assert.ok(batches.length >= 4 && batches.length <= 5, `${batches.length} parts of about 10 requests`);
    const state = loadState(outDir)!;
    assert.ok(state.parts.every((p) => p.tokens! <= Math.floor(limit * 0.95)), 'each part fits the queue');
    assert.deepEqual(state.round_plans?.['0'], { max_tokens: { 'gpt-4.1-mini': Math.floor(limit * 0.95) } }, 'the plan is kept for reruns');
    // One at a time: each batch was created after the one before it ended.
    for (let i = 1; i < batches.length; i++) assert.ok(batches[i].created_at >= batches[i - 1].completed_at!);
    assert.ok(logs.some((l) => /waiting for room in the queue/.test(l)), logs.join('\n'));
  } finally {
    await emu.close();
  }
});

test('a limit learned from the first refusal: the part is cut to fit once, no piece is refused', async () => {
  const file = requestFile(40);
  const t = await tokensPerRequest(file);
  const limit = t.slice(0, 12).reduce((a, b) => a + b, 0);
  const emu = await emulator({ queueLimit: limit, completeAfterMs: 200 });
  try {
    const { summary, results, outDir, logs } = await run(file, emu);
    assert.equal(summary.exit_code, 0, logs.join('\n'));
    assertOnePerRequest(results, 40, assert);
    const batches = await allBatches(emu);
    const refused = batches.filter((b) => b.status === 'failed');
    assert.equal(refused.length, 1, 'only the first, uncut part');
    assert.equal(refused[0].errors?.data?.[0]?.code, 'token_limit_exceeded');
    const state = loadState(outDir)!;
    assert.equal(state.queue_limits?.['gpt-4.1-mini']?.tokens, limit);
    const top = state.parts.find((p) => p.key === 'r0-p0')!;
    assert.ok(top.split && top.split_pieces === batches.length - 1, 'cut into as many pieces as were sent');
    const pieces = state.parts.filter((p) => p.key.startsWith('r0-p0.'));
    assert.equal(pieces.length, batches.length - 1);
    assert.ok(pieces.every((p) => p.tokens! <= Math.floor(limit * 0.95) && (p.refused_batch_ids ?? []).length === 0));
    assert.ok(logs.some((l) => /the queue limit of gpt-4\.1-mini is [\d,]+ enqueued tokens \(the API says so\)/.test(l)), logs.join('\n'));
  } finally {
    await emu.close();
  }
});

test('--max-batches: the run stops creating at the ceiling, says so, exits in progress; the next run finishes', async () => {
  const file = requestFile(40);
  const t = await tokensPerRequest(file);
  const limit = Math.ceil((t.slice(0, 10).reduce((a, b) => a + b, 0) + 2) / 0.95);
  const emu = await emulator({ queueLimit: limit, completeAfterMs: 200 });
  try {
    const outDir = tempDir('batchwise-maxbatches-');
    const first = await run(file, emu, { outDir, queueLimitTokens: limit, maxBatches: 2 });
    assert.equal(first.summary.exit_code, 3);
    assert.equal(first.summary.in_progress?.reason, 'max_batches');
    assert.equal(first.summary.in_progress?.batches_running, 0, 'the batches it made were waited for');
    assert.ok(first.logs.some((l) => /^--max-batches 2 reached: this run creates no more batches/.test(l)), first.logs.join('\n'));
    assert.equal((await allBatches(emu)).length, 2);
    assert.equal(first.summary.succeeded, first.results.filter((r) => r.status === 'succeeded').length);
    assert.ok(first.summary.succeeded > 0 && first.summary.succeeded < 40);
    const second = await run(file, emu, { outDir, queueLimitTokens: limit });
    assert.equal(second.summary.exit_code, 0, second.logs.join('\n'));
    assertOnePerRequest(second.results, 40, assert);
    assert.ok((await allBatches(emu)).every((b) => b.status === 'completed'));
  } finally {
    await emu.close();
  }
});

/** The emulator behind a proxy that strips "Limit: N enqueued tokens." from refusals: a provider whose message says
 *  nothing of the limit, so that only bounds can be learned. */
async function withoutStatedLimit(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer, request } = await import('node:http');
  const to = new URL(target);
  const server = createServer((req, res) => {
    const up = request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      if (!/\/batches/.test(req.url ?? '') || !/json/.test(String(r.headers['content-type']))) {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').replace(/ Limit: [\d,]+ enqueued tokens\./g, ''));
        res.writeHead(r.statusCode!, { ...r.headers, 'content-length': String(body.length) });
        res.end(body);
      });
    });
    req.pipe(up);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

test('a refusal that states no limit: the limit is bounded, the part halved while halves keep 1,000 requests, never below', async () => {
  const file = requestFile(2400);
  const total = (await tokensPerRequest(file)).reduce((a, b) => a + b, 0);
  for (const share of [0.6, 0.4]) {
    const emu = await emulator({ queueLimit: Math.floor(total * share), completeAfterMs: 200 });
    const proxy = await withoutStatedLimit(emu.url);
    try {
      const outDir = tempDir('batchwise-bound-');
      const { summary, logs } = await run(file, { url: proxy.url } as typeof emu, { outDir, untilMs: share === 0.4 ? 5_000 : undefined });
      const state = loadState(outDir)!;
      const batches = await allBatches(emu);
      assert.equal(state.queue_limits?.['gpt-4.1-mini']?.source, 'refusal', logs.join('\n'));
      assert.ok(logs.some((l) => /the queue limit of gpt-4\.1-mini is below [\d,]+ tokens \(what was queued when it refused\)/.test(l)), logs.join('\n'));
      const sent = state.parts.filter((p) => !p.split);
      assert.ok(sent.every((p) => p.lines >= 1_000), `no part below 1,000 requests: ${sent.map((p) => p.lines).join(', ')}`);
      if (share === 0.6) {
        // Halves fit: one refusal, then the halves one after the other.
        assert.equal(summary.exit_code, 0, logs.join('\n'));
        assert.equal(batches.filter((b) => b.status === 'failed').length, 1);
        assert.equal(sent.length, 2, 'halves (by tokens)');
        assert.equal(sent[0].lines + sent[1].lines, 2400);
        assert.equal(batches.length, 3);
      } else {
        // Halves do not fit and may not be halved again: they wait on the backoff until --until.
        assert.equal(summary.exit_code, 3);
        assert.ok(batches.length <= 6, `${batches.length} batches in 5 s`);
        assert.ok(batches.every((b) => b.status === 'failed'));
      }
    } finally {
      await proxy.close();
      await emu.close();
    }
  }
});
