// The Gemini provider against the emulator: upload + create + poll + fileContent gives one OpenAI-shaped line per
// request; partial failures; cancel; expiry on the emulator's clock; errors as the openai SDK's classes; attaching
// through listBatches metadata; sync calls and token counts; and the key never in an error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { Batch } from 'openai/resources/batches';
import { classifyBatchLine } from '../../../src/results/classifyBatchLine.ts';
import { sameWork } from '../../../src/run/batch/batchApi.ts';
import { createGeminiProvider } from '../../../src/run/providers/gemini/geminiProvider.ts';
import type { Provider } from '../../../src/run/providers/types.ts';
import { forgetSecrets } from '../../../src/shared/secrets.ts';
import { TestClock } from '../../emulator/helpers.ts';
import { geminiEmulator, KEY } from '../../emulator/gemini/helpers.ts';

const BOUND = { timeout: 60_000 };
const MODEL = 'gemini-3.8-flash';
const TERMINAL = new Set(['completed', 'failed', 'expired', 'cancelled']);
const IDENTITY = { batchwise_input_sha256: 'ab'.repeat(32), batchwise_part_sha256: 'cd'.repeat(32), batchwise_round: '1' };
const METADATA = { ...IDENTITY, batchwise_part: '1/1', batchwise_version: 'test' };

function chatLine(i: number, extra: Record<string, unknown> = {}) {
  return {
    custom_id: `row-${i}`,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: MODEL, messages: [{ role: 'system', content: 'Answer briefly.' }, { role: 'user', content: `Tell me about ${i}` }], max_completion_tokens: 3000, reasoning_effort: 'low', ...extra },
  };
}

function withPart(lines: unknown[], fn: (path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'batchwise-gemini-test-'));
  const path = join(dir, 'part-1.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return fn(path).finally(() => rmSync(dir, { recursive: true, force: true }));
}

async function poll(p: Provider, id: string, step: () => void = () => {}, timeoutMs = 10_000): Promise<Batch[]> {
  const seen: Batch[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await p.retrieveBatch(id);
    seen.push(b);
    if (TERMINAL.has(b.status)) return seen;
    if (Date.now() > deadline) throw new Error(`${id} still ${b.status}`);
    step();
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function lines(p: Provider, fileId: string) {
  const text = await new Response(await p.fileContent(fileId)).text();
  return text.trim().split('\n').filter(Boolean).map((l) => ({ raw: l, json: JSON.parse(l) }));
}

test('the provider advertises what it can do', () => {
  const p = createGeminiProvider({ apiKey: KEY });
  assert.equal(p.name, 'gemini');
  assert.deepEqual(p.tiers, { flex: false, priority: false });
  assert.equal(p.batchWindowHours, 48);
  assert.deepEqual(p.partLimits, { maxLines: 100_000, maxBytes: 1_000_000_000 });
  assert.deepEqual(p.check({ custom_id: 'a', url: '/v1/chat/completions', body: chatLine(1).body }), []);
  assert.equal(p.check({ custom_id: 'a', url: '/v1/embeddings', body: { model: 'x', input: 'y' } }).length, 1);
  assert.throws(() => createGeminiProvider({ apiKey: '' }), /no Gemini API key/);
  forgetSecrets();
});

test('upload + create + poll + fileContent: one OpenAI batch output line per request, partial failures included', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({ failRate: 0.25, seed: 21 });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base, maxRetries: 0 });
  try {
    await withPart(Array.from({ length: 24 }, (_, i) => chatLine(i)), async (path) => {
      const handle = await p.uploadPart(path);
      assert.match(handle, /^files\/[a-z0-9]{12}#gemini-3\.8-flash$/);
      const created = await p.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: METADATA });
      assert.equal(created.status, 'validating');
      assert.deepEqual(created.metadata, IDENTITY);
      const seen = await poll(p, created.id);
      const end = seen.at(-1)!;
      assert.ok(seen.some((b) => b.status === 'in_progress'));
      assert.equal(end.status, 'completed');
      assert.equal(end.request_counts?.total, 24);
      assert.ok(end.request_counts!.failed > 0, 'some lines failed');
      assert.equal(end.request_counts!.completed + end.request_counts!.failed, 24);
      assert.ok(end.output_file_id);

      const out = await lines(p, end.output_file_id!);
      assert.deepEqual(out.map((l) => l.json.custom_id).sort(), Array.from({ length: 24 }, (_, i) => `row-${i}`).sort(), 'each request exactly once');
      const classified = out.map((l) => classifyBatchLine(l.raw));
      assert.equal(classified.filter((c) => c.status === 'succeeded').length, end.request_counts!.completed);
      assert.equal(classified.filter((c) => c.status === 'failed').length, end.request_counts!.failed);
      const good = out.find((l) => l.json.response.status_code === 200)!.json;
      const body = good.response.body;
      assert.equal(body.object, 'chat.completion');
      assert.equal(body.model, MODEL);
      assert.equal(typeof body.choices[0].message.content, 'string');
      assert.ok(body.usage.prompt_tokens > 0);
      assert.ok(body.usage.completion_tokens_details.reasoning_tokens > 0, 'a thinking model reports thoughts as reasoning tokens');
      assert.equal(body.usage.completion_tokens, body.provider_response.usageMetadata.candidatesTokenCount + body.provider_response.usageMetadata.thoughtsTokenCount);
      for (const c of classified.filter((x) => x.status === 'failed')) assert.ok(['INTERNAL', 'RESOURCE_EXHAUSTED', 'INVALID_ARGUMENT'].includes(c.error!.code));
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('tool calls and results round-trip: the replay is signed for Gemini 3 and the forced call comes back as tool_calls', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    const tools = [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const answer = await p.call({
      url: '/v1/chat/completions',
      model: MODEL,
      body: {
        messages: [
          { role: 'user', content: 'Weather in Paris?' },
          { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
          { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
        ],
        tools,
        tool_choice: 'required',
      },
    });
    const choice = (answer.data as any).choices[0];
    assert.equal(choice.finish_reason, 'tool_calls');
    assert.equal(choice.message.tool_calls[0].function.name, 'get_weather');
    assert.ok(answer.headers instanceof Headers);
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('cancel: a running batch ends cancelled with the finished lines only; cancelling an ended batch is a ConflictError', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now, completeAfterMs: 10_000 });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart(Array.from({ length: 30 }, (_, i) => chatLine(i)), async (path) => {
      const b = await p.createBatch({ input_file_id: await p.uploadPart(path), endpoint: '/v1/chat/completions', metadata: METADATA });
      let now = await p.retrieveBatch(b.id);
      for (let i = 0; now.status !== 'in_progress' && i < 200; i++) {
        clock.advance(50);
        await new Promise((r) => setTimeout(r, 5));
        now = await p.retrieveBatch(b.id);
      }
      assert.equal(now.status, 'in_progress');
      clock.advance(4000);
      await p.cancelBatch(b.id);
      const end = (await poll(p, b.id)).at(-1)!;
      assert.equal(end.status, 'cancelled');
      assert.ok(end.output_file_id, 'what finished before the cancel is kept');
      const out = await lines(p, end.output_file_id!);
      assert.ok(out.length > 0 && out.length < 30, `${out.length} of 30 lines finished`);
      assert.equal(new Set(out.map((l) => l.json.custom_id)).size, out.length);
      await assert.rejects(p.cancelBatch(b.id), (e: unknown) => e instanceof OpenAI.ConflictError && e.status === 409);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('cancel with the no-output switch: cancelled, no output file (the runner writes the lines as not run)', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now, completeAfterMs: 10_000 }, { CANCELLED_OUTPUT: 'none' });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1), chatLine(2)], async (path) => {
      const b = await p.createBatch({ input_file_id: await p.uploadPart(path), endpoint: '/v1/chat/completions', metadata: METADATA });
      await p.cancelBatch(b.id);
      const end = await p.retrieveBatch(b.id);
      assert.equal(end.status, 'cancelled');
      assert.equal(end.output_file_id, undefined);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('expiry: a batch still running 48 h after creation is expired, with no output', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now, completeAfterMs: 72 * 3_600_000 });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1)], async (path) => {
      const b = await p.createBatch({ input_file_id: await p.uploadPart(path), endpoint: '/v1/chat/completions', metadata: METADATA });
      assert.equal(b.expires_at, b.created_at + 48 * 3600);
      const end = (await poll(p, b.id, () => clock.advance(6 * 3_600_000))).at(-1)!;
      assert.equal(end.status, 'expired');
      assert.equal(end.output_file_id, undefined);
      assert.ok(end.expired_at! >= b.created_at + 48 * 3600);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('a crash between create and save: listBatches gives the identity back, and sameWork attaches', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now }, { DISPLAY_NAME_MAX: '128' });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1)], async (path) => {
      const handle = await p.uploadPart(path);
      const first = await p.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: METADATA });
      clock.advance(1000);
      const other = await p.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: { ...METADATA, batchwise_round: '2' } });
      const listed: Batch[] = [];
      for await (const b of p.listBatches(Math.floor(clock.ms / 1000) - 3600)) listed.push(b);
      assert.deepEqual(listed.map((b) => b.id), [other.id, first.id], 'newest first');
      const attach = listed.find((b) => sameWork(b, METADATA));
      assert.equal(attach?.id, first.id);
      const none: Batch[] = [];
      for await (const b of p.listBatches(Math.floor(clock.ms / 1000) + 10)) none.push(b);
      assert.equal(none.length, 0, 'nothing created since then');
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('the JOB_STATE_ prefix reads the same', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({}, { STATE_PREFIX: 'JOB_STATE_' });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1)], async (path) => {
      const b = await p.createBatch({ input_file_id: await p.uploadPart(path), endpoint: '/v1/chat/completions', metadata: METADATA });
      const end = (await poll(p, b.id)).at(-1)!;
      assert.equal(end.status, 'completed');
      assert.equal((await lines(p, end.output_file_id!)).length, 1);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('errors: a bad key is an AuthenticationError, a 5xx an InternalServerError, an unknown model a NotFoundError — the key in none', BOUND, async () => {
  const wrong = 'AIzaSy-WRONG-key-for-this-test-42';
  const { emulator, base } = await geminiEmulator({}, { API_KEYS: KEY });
  try {
    const bad = createGeminiProvider({ apiKey: wrong, baseURL: base, maxRetries: 0 });
    await assert.rejects(bad.retrieveBatch('batches/whatever'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.AuthenticationError, String(e));
      assert.equal(e.status, 401);
      assert.equal(e.code, 'API_KEY_INVALID');
      assert.ok(!e.message.includes(wrong) && !JSON.stringify(e.error).includes(wrong), 'the echoed key is scrubbed');
      return true;
    });
    await assert.rejects(bad.call({ url: '/v1/chat/completions', model: MODEL, body: { messages: [{ role: 'user', content: 'x' }] } }), OpenAI.AuthenticationError);
    const good = createGeminiProvider({ apiKey: KEY, baseURL: base, maxRetries: 0 });
    await assert.rejects(good.call({ url: '/v1/chat/completions', model: 'gemini-0-nano', body: { messages: [{ role: 'user', content: 'x' }] } }), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.equal(e.code, 'NOT_FOUND');
      assert.ok(!e.message.includes(KEY));
      return true;
    });
    await assert.rejects(good.retrieveBatch('batches/nosuchbatch'), OpenAI.NotFoundError);
    await assert.rejects(
      good.call({ url: '/v1/chat/completions', model: MODEL, body: { messages: [{ role: 'user', content: 'x' }], logprobs: true } }),
      (e: unknown) => e instanceof OpenAI.BadRequestError && e.code === 'untranslatable_request',
    );
  } finally {
    await emulator.close();
    forgetSecrets();
  }
  const faulty = await geminiEmulator({ httpFaultRate: 1 });
  try {
    const p = createGeminiProvider({ apiKey: KEY, baseURL: faulty.base, maxRetries: 1 });
    await assert.rejects(p.retrieveBatch('batches/x'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.InternalServerError, String(e));
      assert.ok(e.status === 500 || e.status === 503);
      assert.ok(e.code === 'INTERNAL' || e.code === 'UNAVAILABLE');
      return true;
    });
  } finally {
    await faulty.emulator.close();
    forgetSecrets();
  }
});

test('a dead server is an APIConnectionError; an aborted call an APIUserAbortError', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  await emulator.close();
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base, maxRetries: 0 });
  try {
    await assert.rejects(p.retrieveBatch('batches/x'), (e: unknown) => e instanceof OpenAI.APIConnectionError && !(e instanceof OpenAI.APIUserAbortError));
    const ac = new AbortController();
    ac.abort();
    await assert.rejects(p.call({ url: '/v1/chat/completions', model: MODEL, body: { messages: [{ role: 'user', content: 'x' }] } }, { signal: ac.signal }), OpenAI.APIUserAbortError);
  } finally {
    forgetSecrets();
  }
});

test('reads retry 5xx: with retries, an emulator faulting half its calls still answers', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({ httpFaultRate: 0.5, seed: 3 });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base, maxRetries: 8 });
  try {
    for (let i = 0; i < 3; i++) {
      const n = await p.countInputTokens!({ url: '/v1/chat/completions', model: MODEL, body: { messages: [{ role: 'user', content: 'count me' }] } });
      assert.ok(n > 0);
    }
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('sync call and countInputTokens: a chat.completion with the Gemini body kept; the count includes the system prompt', BOUND, async () => {
  const { emulator } = await geminiEmulator();
  // The emulator's OpenAI URL (…/v1) works as a base too: the version suffix is dropped.
  const p = createGeminiProvider({ apiKey: KEY, baseURL: emulator.url });
  try {
    const body = { messages: [{ role: 'user', content: 'Hello' }], max_tokens: 2000 };
    const a = await p.call({ url: '/v1/chat/completions', model: MODEL, body });
    const d = a.data as any;
    assert.equal(d.object, 'chat.completion');
    assert.equal(d.choices[0].finish_reason, 'stop');
    assert.ok(d.provider_response.usageMetadata);
    const plain = await p.countInputTokens!({ url: '/v1/chat/completions', model: MODEL, body });
    const withSystem = await p.countInputTokens!({ url: '/v1/chat/completions', model: MODEL, body: { ...body, messages: [{ role: 'system', content: 'You are a careful assistant.' }, ...body.messages] } });
    assert.equal(plain, d.usage.prompt_tokens, 'countTokens agrees with the usage of the answer');
    assert.ok(withSystem > plain);
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('uploadPart refuses a part with an untranslatable line or two models, before uploading anything', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1), chatLine(2, { logprobs: true })], async (path) => {
      await assert.rejects(p.uploadPart(path), /part-1\.jsonl:2: logprobs/);
    });
    await withPart([chatLine(1), chatLine(2, { model: 'gemini-4-argon' })], async (path) => {
      await assert.rejects(p.uploadPart(path), /model gemini-4-argon in a part for gemini-3\.8-flash/);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('a download cut half-way errors the stream (never a short file that looks whole); reads and uploads retry resets', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({ dropRate: 0.3, seed: 9 });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base, maxRetries: 10 });
  const retry = async <T>(fn: () => Promise<T>): Promise<T> => {
    for (let i = 0; ; i++) {
      try {
        return await fn();
      } catch (err) {
        // A create dropped before the emulator handled it made nothing: sending it again is safe here.
        if (!(err instanceof OpenAI.APIConnectionError) || i >= 20) throw err;
      }
    }
  };
  try {
    await withPart(Array.from({ length: 40 }, (_, i) => chatLine(i)), async (path) => {
      const handle = await retry(() => p.uploadPart(path));
      const b = await retry(() => p.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: METADATA }));
      const end = (await poll(p, b.id)).at(-1)!;
      assert.equal(end.status, 'completed');
      let whole = 0;
      let cut = 0;
      for (let i = 0; i < 40 && (whole === 0 || cut === 0); i++) {
        try {
          const text = await new Response(await p.fileContent(end.output_file_id!)).text();
          assert.equal(text.trim().split('\n').length, 40);
          whole++;
        } catch (err) {
          assert.ok(!(err instanceof assert.AssertionError), String(err));
          cut++;
        }
      }
      assert.ok(whole > 0 && cut > 0, `whole ${whole}, cut ${cut}`);
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});

test('an input file past its 48 h (403 PERMISSION_DENIED from Google) reads as gone: a NotFoundError, so the runner uploads again', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now });
  const p = createGeminiProvider({ apiKey: KEY, baseURL: base });
  try {
    await withPart([chatLine(1)], async (path) => {
      const handle = await p.uploadPart(path);
      clock.advance(49 * 3_600_000);
      await assert.rejects(
        p.createBatch({ input_file_id: handle, endpoint: '/v1/chat/completions', metadata: METADATA }),
        (err: unknown) => err instanceof OpenAI.NotFoundError && /may not exist/.test((err as Error).message),
      );
      // What submitPart does on a NotFoundError: upload again, create again.
      const again = await p.createBatch({ input_file_id: await p.uploadPart(path), endpoint: '/v1/chat/completions', metadata: METADATA });
      assert.ok(again.id.startsWith('batches/'));
    });
  } finally {
    await emulator.close();
    forgetSecrets();
  }
});
