// The Anthropic provider against the emulator's Anthropic API (and, for what the emulator cannot be made to say, a
// stub server): every call through the Anthropic SDK, every answer in OpenAI's shapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { startEmulator, type EmulatorOptions } from '../../../src/emulator/index.ts';
import { classifyBatchLine } from '../../../src/results/index.ts';
import { createAnthropicProvider } from '../../../src/run/providers/anthropic/anthropicProvider.ts';
import { bodyPathOf, writeBatchBody, AnthropicPartError } from '../../../src/run/providers/anthropic/batchBody.ts';
import type { Provider } from '../../../src/run/providers/types.ts';

const BOUND = { timeout: 60_000 };
const KEY = 'anthropic-provider-test-key-42424242';
const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);

class Clock {
  ms = Date.UTC(2026, 11, 1);
  readonly now = (): number => this.ms;
}

function chatLine(id: string, extra: Record<string, unknown> = {}) {
  return {
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'claude-sonnet-4-6', max_completion_tokens: 80, messages: [{ role: 'user', content: `Question ${id}` }], ...extra },
  };
}

interface Setup {
  provider: Provider;
  url: string;
  dir: string;
  part(lines: unknown[]): Promise<string>;
  close(): Promise<void>;
}

async function setup(opts: EmulatorOptions = {}): Promise<Setup> {
  const emulator = await startEmulator({ completeAfterMs: 200, ...opts });
  const dir = await mkdtemp(join(tmpdir(), 'anthropic-provider-'));
  // The emulator prints its address with /v1, as OpenAI's base URL is written: the provider takes either.
  const provider = createAnthropicProvider({ apiKey: KEY, baseURL: emulator.url, maxRetries: 0 });
  let n = 0;
  return {
    provider,
    url: emulator.url,
    dir,
    async part(lines) {
      const path = join(dir, `part-${++n}.jsonl`);
      await writeFile(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
      return path;
    },
    async close() {
      await provider.close?.();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls until `done` (a terminal status by default), within a bound. */
async function poll(provider: Provider, id: string, done = (b: Batch) => TERMINAL.has(b.status), timeoutMs = 10_000): Promise<Batch> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await provider.retrieveBatch(id);
    if (done(b)) return b;
    if (Date.now() > deadline) throw new Error(`batch ${id} still ${b.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function lines(provider: Provider, fileId: string | undefined | null): Promise<Record<string, any>[]> {
  if (!fileId) return [];
  const text = await new Response(await provider.fileContent(fileId)).text();
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
}

test('upload + create + poll to the end + fileContent: one OpenAI-shaped answer line per request', BOUND, async () => {
  const s = await setup();
  try {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const path = await s.part(ids.map((id) => chatLine(id)));
    const handle = await s.provider.uploadPart(path);
    assert.equal(handle, `anthropic-part:${path}`);
    const body = JSON.parse(await readFile(bodyPathOf(path), 'utf8'));
    assert.deepEqual(body.requests.map((r: { custom_id: string }) => r.custom_id), ids);
    assert.equal(body.requests[0].params.max_tokens, 80);

    const created = await s.provider.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: { batchwise_part: '1' } });
    assert.equal(created.status, 'in_progress');
    assert.equal(created.metadata, null, 'Anthropic keeps no metadata');
    assert.deepEqual(created.request_counts, { total: 5, completed: 0, failed: 0 });
    const done = await poll(s.provider, created.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual(done.request_counts, { total: 5, completed: 5, failed: 0 });
    assert.equal(done.error_file_id, undefined);
    const out = await lines(s.provider, done.output_file_id);
    assert.deepEqual(out.map((l) => l.custom_id).sort(), ids);
    for (const l of out) {
      const read = classifyBatchLine(JSON.stringify(l));
      assert.equal(read.status, 'succeeded');
      assert.equal(l.response.body.object, 'chat.completion');
      assert.equal(typeof l.response.body.choices[0].message.content, 'string');
      assert.equal(l.response.body.provider_response.type, 'message');
      assert.ok((read.usage as { prompt_tokens: number }).prompt_tokens > 0);
    }
    const listed: Batch[] = [];
    for await (const b of s.provider.listBatches(done.created_at)) listed.push(b);
    assert.deepEqual(listed.map((b) => b.id), [created.id]);
    assert.equal(listed[0].metadata, null);
    const none: Batch[] = [];
    for await (const b of s.provider.listBatches(done.created_at + 1)) none.push(b);
    assert.equal(none.length, 0, 'older batches are not listed');
  } finally {
    await s.close();
  }
});

test('a resumed run in another process: createBatch makes the body again from the part when it is gone', BOUND, async () => {
  const s = await setup();
  try {
    const path = await s.part([chatLine('x'), chatLine('y')]);
    const handle = await s.provider.uploadPart(path);
    await rm(bodyPathOf(path));
    // Another provider stands for the other process: the handle alone says where the work is.
    const other = createAnthropicProvider({ apiKey: KEY, baseURL: s.url });
    const created = await other.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: {} });
    assert.equal(created.request_counts?.total, 2);
    assert.ok((await stat(bodyPathOf(path))).size > 0);
  } finally {
    await s.close();
  }
});

test('partial failures (--fail-rate): answers in the output file, the rest in the error file, each request once', BOUND, async () => {
  const s = await setup({ failRate: 0.4, seed: 11 });
  try {
    const ids = Array.from({ length: 30 }, (_, i) => `r${i}`);
    const handle = await s.provider.uploadPart(await s.part(ids.map((id) => chatLine(id))));
    const created = await s.provider.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: {} });
    const done = await poll(s.provider, created.id);
    assert.equal(done.status, 'completed');
    const { completed, failed } = done.request_counts!;
    assert.ok(completed > 0 && failed > 0, JSON.stringify(done.request_counts));
    const out = await lines(s.provider, done.output_file_id);
    const errors = await lines(s.provider, done.error_file_id);
    assert.equal(out.length, completed);
    assert.equal(errors.length, failed);
    assert.deepEqual([...out, ...errors].map((l) => l.custom_id).sort(), [...ids].sort());
    for (const l of errors) {
      const read = classifyBatchLine(JSON.stringify(l));
      assert.equal(read.status, 'failed');
      assert.ok(['api_error', 'overloaded_error'].includes(read.error!.code), read.error!.code);
      assert.equal(read.retryable, true);
    }
  } finally {
    await s.close();
  }
});

test('cancel: cancelling, then cancelled with the unrun requests in the error file as batch_cancelled; a second cancel is a 409', BOUND, async () => {
  const clock = new Clock();
  const s = await setup({ now: clock.now, completeAfterMs: 100_000, cancelAfterMs: 1_000 });
  try {
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const handle = await s.provider.uploadPart(await s.part(ids.map((id) => chatLine(id))));
    const created = await s.provider.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: {} });
    clock.ms += 50_000;
    await s.provider.cancelBatch(created.id);
    assert.equal((await s.provider.retrieveBatch(created.id)).status, 'cancelling');
    clock.ms += 1_000;
    const done = await s.provider.retrieveBatch(created.id);
    assert.equal(done.status, 'cancelled');
    assert.ok(done.cancelled_at);
    const out = await lines(s.provider, done.output_file_id);
    const errors = await lines(s.provider, done.error_file_id);
    assert.ok(out.length > 0 && errors.length > 0);
    assert.equal(out.length + errors.length, 20);
    for (const l of errors) assert.equal(classifyBatchLine(JSON.stringify(l)).status, 'cancelled');
    await assert.rejects(s.provider.cancelBatch(created.id), OpenAI.ConflictError);
  } finally {
    await s.close();
  }
});

test('expiry: a batch still running at 24 h ends expired, its unprocessed requests batch_expired', BOUND, async () => {
  const clock = new Clock();
  const s = await setup({ now: clock.now, completeAfterMs: 2 * 86_400_000 });
  try {
    const ids = Array.from({ length: 20 }, (_, i) => `r${i}`);
    const handle = await s.provider.uploadPart(await s.part(ids.map((id) => chatLine(id))));
    const created = await s.provider.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: {} });
    assert.equal(created.expires_at, created.created_at + 86_400);
    clock.ms += 86_400_000;
    const done = await s.provider.retrieveBatch(created.id);
    assert.equal(done.status, 'expired');
    assert.equal(done.expired_at, done.expires_at);
    const out = await lines(s.provider, done.output_file_id);
    const errors = await lines(s.provider, done.error_file_id);
    assert.ok(out.length > 0 && errors.length > 0);
    assert.equal(out.length + errors.length, 20);
    for (const l of errors) {
      const read = classifyBatchLine(JSON.stringify(l));
      assert.equal(read.status, 'expired');
      assert.equal(read.retryable, true);
    }
  } finally {
    await s.close();
  }
});

test('call() answers a chat.completion with the response headers; countInputTokens is count_tokens', BOUND, async () => {
  const s = await setup();
  try {
    const req = { url: '/v1/chat/completions' as const, model: 'claude-sonnet-4-6', body: chatLine('q', { max_completion_tokens: 12 }).body };
    const answer = await s.provider.call(req);
    const body = answer.data as any;
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].finish_reason, 'length');
    assert.equal(body.usage.completion_tokens, 12);
    assert.match(answer.headers.get('request-id') ?? '', /^req_/);
    const counted = await s.provider.countInputTokens!(req);
    assert.equal(counted, body.usage.prompt_tokens);
    await assert.rejects(s.provider.call({ ...req, body: { ...req.body, seed: 3 } }), /seed/);
  } finally {
    await s.close();
  }
});

test('check() is the translation\'s problems; uploadPart refuses a part over the limits', BOUND, async () => {
  const s = await setup();
  try {
    assert.deepEqual(s.provider.check(chatLine('ok')), []);
    assert.equal(s.provider.check({ ...chatLine('bad id!'), body: { model: 'claude-sonnet-4-6', messages: [] } }).length, 2, 'an id outside the pattern is sent as a stand-in, not a problem');
    const path = await s.part([chatLine('a'), chatLine('b')]);
    await assert.rejects(writeBatchBody(path, undefined, { maxLines: 1, maxBytes: 1_000_000 }), AnthropicPartError);
    await assert.rejects(writeBatchBody(path, undefined, { maxLines: 10, maxBytes: 100 }), AnthropicPartError);
    await assert.rejects(stat(bodyPathOf(path)), 'a refused part leaves no body behind');
    await assert.rejects(s.provider.fileContent('anthropic-results:msgbatch_missing'), OpenAI.NotFoundError);
    // A handle naming a part that is no longer there (the run folder moved): the runner re-uploads on a 404.
    await assert.rejects(
      s.provider.createBatch({ input_file_id: 'anthropic-part:/nonexistent/part.jsonl', endpoint: '/v1/chat/completions', metadata: {} }),
      OpenAI.NotFoundError,
    );
  } finally {
    await s.close();
  }
});

test('server errors (--http-fault-rate) are the openai SDK\'s InternalServerError, with Anthropic\'s type as code', BOUND, async () => {
  const s = await setup({ httpFaultRate: 1 });
  try {
    await assert.rejects(s.provider.retrieveBatch('msgbatch_x'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.InternalServerError, String(e));
      assert.ok(e.status === 500 || e.status === 529);
      assert.ok(e.code === 'api_error' || e.code === 'overloaded_error', String(e.code));
      return true;
    });
  } finally {
    await s.close();
  }
});

/** A server that answers every call with `status` and Anthropic's error body, echoing the key it was sent. */
async function echoingServer(status: number, type: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const sent = req.headers['x-api-key'] ?? String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const body = JSON.stringify({ type: 'error', error: { type, message: `invalid x-api-key: ${String(sent)}` }, request_id: 'req_stub' });
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stub' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('a 401 is the openai SDK\'s AuthenticationError, and the key a server echoes never reaches the message', BOUND, async () => {
  const { server, url } = await echoingServer(401, 'authentication_error');
  try {
    const provider = createAnthropicProvider({ apiKey: KEY, baseURL: url, maxRetries: 0 });
    const dir = await mkdtemp(join(tmpdir(), 'anthropic-echo-'));
    try {
      for (const attempt of [
        () => provider.retrieveBatch('msgbatch_1'),
        () => provider.call({ url: '/v1/chat/completions', model: 'claude-sonnet-4-6', body: chatLine('a').body }),
        async () => {
          const path = join(dir, 'p.jsonl');
          await writeFile(path, JSON.stringify(chatLine('a')) + '\n');
          return provider.createBatch({ input_file_id: await provider.uploadPart(path), endpoint: '/v1/chat/completions', metadata: {} });
        },
      ]) {
        await assert.rejects(attempt(), (e: unknown) => {
          assert.ok(e instanceof OpenAI.AuthenticationError, String(e));
          assert.equal(e.status, 401);
          assert.equal(e.code, 'authentication_error');
          assert.equal(e.requestID, 'req_stub');
          for (const text of [e.message, String(e), JSON.stringify(e.error), e.stack ?? '']) assert.ok(!text.includes(KEY), text);
          assert.match(e.message, /invalid x-api-key: \[redacted\]/);
          return true;
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  } finally {
    server.close();
  }
});

test('a connection failure is the openai SDK\'s APIConnectionError', BOUND, async () => {
  const { server, url } = await echoingServer(500, 'api_error');
  server.close();
  await new Promise((r) => server.once('close', r));
  const provider = createAnthropicProvider({ apiKey: KEY, baseURL: url, maxRetries: 0 });
  await assert.rejects(provider.retrieveBatch('msgbatch_1'), OpenAI.APIConnectionError);
});
