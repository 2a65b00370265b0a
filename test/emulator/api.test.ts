// Auth, errors, the Files API, the sync endpoints, rate limits and faults, driven by the real openai SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';
import { chatLine, createBatch, fastEmulator, jsonl, pollBatch, readLines, uploadBatchFile } from './helpers.ts';

test('401 with the real body without a bearer key; any key is accepted', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const res = await fetch(`${emulator.url}/batches`);
    assert.equal(res.status, 401);
    const body = (await res.json()) as any;
    assert.equal(body.error.type, 'invalid_request_error');
    assert.equal(body.error.param, null);
    assert.equal(body.error.code, null);
    assert.match(body.error.message, /^You didn't provide an API key\. You need to provide your API key in an Authorization header using Bearer auth/);
    assert.equal((await fetch(`${emulator.url}/batches`, { headers: { authorization: 'Basic abc' } })).status, 401);
    const other = new OpenAI({ apiKey: 'anything-at-all', baseURL: emulator.url, maxRetries: 0 });
    assert.ok(Array.isArray((await other.batches.list()).data));
    assert.ok(client);
  } finally {
    await emulator.close();
  }
});

test('404s: unknown route, unknown file, unknown batch — real messages', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const res = await fetch(`${emulator.url}/nope`, { headers: { authorization: 'Bearer k' } });
    assert.equal(res.status, 404);
    assert.deepEqual((await res.json()) as any, {
      error: { message: 'Invalid URL (GET /v1/nope)', type: 'invalid_request_error', param: null, code: null },
    });
    await assert.rejects(client.files.retrieve('file-nope'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.equal((e.error as { message: string }).message, 'No such File object: file-nope');
      return true;
    });
    await assert.rejects(client.batches.retrieve('batch_nope'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.equal((e.error as { message: string }).message, "No batch found with id 'batch_nope'.");
      return true;
    });
  } finally {
    await emulator.close();
  }
});

test('files: upload, retrieve, list, content, delete; purpose and .jsonl rules', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const text = jsonl([chatLine('a'), chatLine('b')]);
    const before = Math.floor(Date.now() / 1000);
    const file = await uploadBatchFile(client, text, 'in.jsonl');
    assert.match(file.id, /^file-/);
    assert.deepEqual(
      { object: file.object, bytes: file.bytes, filename: file.filename, purpose: file.purpose, status: file.status, status_details: file.status_details },
      { object: 'file', bytes: Buffer.byteLength(text), filename: 'in.jsonl', purpose: 'batch', status: 'processed', status_details: null },
    );
    assert.ok(file.created_at >= before);
    assert.equal(file.expires_at, file.created_at + 30 * 86_400);
    assert.deepEqual(await client.files.retrieve(file.id), file);
    assert.equal(await (await client.files.content(file.id)).text(), text);

    const other = await client.files.create({ file: await toFile(Buffer.from('{}'), 'notes.json'), purpose: 'user_data' });
    assert.equal(other.expires_at, null);
    const listed = await client.files.list();
    assert.deepEqual(listed.data.map((f) => f.id), [other.id, file.id]);
    const batchOnly = await client.files.list({ purpose: 'batch' });
    assert.deepEqual(batchOnly.data.map((f) => f.id), [file.id]);

    assert.deepEqual(await client.files.delete(file.id), { id: file.id, object: 'file', deleted: true });
    await assert.rejects(client.files.retrieve(file.id), OpenAI.NotFoundError);
    await assert.rejects(client.files.content(file.id), OpenAI.NotFoundError);

    await assert.rejects(client.files.create({ file: await toFile(Buffer.from('{}'), 'in.json'), purpose: 'batch' }), (e: unknown) => {
      assert.ok(e instanceof OpenAI.BadRequestError);
      assert.equal((e.error as { message: string }).message, 'Invalid file format for Batch API. Must be .jsonl');
      return true;
    });
    const form = new FormData();
    form.append('file', new Blob(['{}']), 'in.jsonl');
    const noPurpose = await fetch(`${emulator.url}/files`, { method: 'POST', body: form, headers: { authorization: 'Bearer k' } });
    assert.equal(noPurpose.status, 400);
    assert.equal(((await noPurpose.json()) as any).error.param, 'purpose');
    await assert.rejects(client.files.create({ file: await toFile(Buffer.from('{}'), 'a.jsonl'), purpose: 'nonsense' as never }), (e: unknown) => {
      assert.ok(e instanceof OpenAI.BadRequestError);
      assert.equal(e.param, 'purpose');
      return true;
    });
  } finally {
    await emulator.close();
  }
});

test('chat completions: the real shape, deterministic, max_tokens truncates with finish_reason length, n choices', async () => {
  const { emulator, client } = await fastEmulator({ seed: 5 });
  try {
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Hello world!' }] };
    const a = await client.chat.completions.create(params);
    const b = await client.chat.completions.create(params);
    assert.equal(a.object, 'chat.completion');
    assert.match(a.id, /^chatcmpl-/);
    // A family name answers as its snapshot, as the real API does.
    assert.equal(a.model, 'gpt-4o-mini-2024-07-18');
    assert.equal(a.service_tier, 'default');
    assert.match(a.system_fingerprint!, /^fp_/);
    assert.deepEqual(a.choices[0].message, { role: 'assistant', content: b.choices[0].message.content, refusal: null, annotations: [] });
    assert.equal(a.choices[0].finish_reason, 'stop');
    assert.equal(a.usage!.total_tokens, a.usage!.prompt_tokens + a.usage!.completion_tokens);
    assert.ok(a.usage!.completion_tokens > 1);
    assert.deepEqual(Object.keys(a.usage!.prompt_tokens_details!).sort(), ['audio_tokens', 'cached_tokens']);

    const cut = await client.chat.completions.create({ ...params, max_completion_tokens: 1 });
    assert.equal(cut.choices[0].finish_reason, 'length');
    assert.equal(cut.usage!.completion_tokens, 1);
    assert.ok(a.choices[0].message.content!.startsWith(cut.choices[0].message.content!));
    const many = await client.chat.completions.create({ ...params, n: 3 });
    assert.deepEqual(many.choices.map((c) => c.index), [0, 1, 2]);

    await assert.rejects(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [] }), OpenAI.BadRequestError);
    await assert.rejects(client.chat.completions.create({ messages: params.messages } as never), (e: unknown) => {
      assert.ok(e instanceof OpenAI.BadRequestError);
      assert.equal((e.error as { message: string }).message, 'you must provide a model parameter');
      return true;
    });
  } finally {
    await emulator.close();
  }
});

test('a batch line body equals what the sync endpoint answers for the same request', async () => {
  const { emulator, client } = await fastEmulator({ seed: 9 });
  try {
    const line = chatLine('same', 'Tell me about batches', { max_tokens: 12 });
    const sync = await client.chat.completions.create(line.body as never);
    const { batch } = await pollBatch(client, (await createBatch(client, jsonl([line]))).id);
    const [out] = await readLines(client, batch.output_file_id);
    const body = out.response!.body;
    // Ids and timestamps differ per call, as on the real API; everything else is the same answer.
    for (const key of ['id', 'created']) {
      delete (body as Record<string, unknown>)[key];
      delete (sync as unknown as Record<string, unknown>)[key];
    }
    assert.deepEqual(body, JSON.parse(JSON.stringify(sync)));
  } finally {
    await emulator.close();
  }
});

test('embeddings: the SDK asks for base64 and decodes it; real dimensions; `dimensions` honoured; float too', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const small = await client.embeddings.create({ model: 'text-embedding-3-small', input: ['one', 'two'] });
    assert.equal(small.object, 'list');
    assert.equal(small.data.length, 2);
    assert.equal(small.data[0].embedding.length, 1536);
    const norm = Math.sqrt(small.data[0].embedding.reduce((s, x) => s + x * x, 0));
    assert.ok(Math.abs(norm - 1) < 1e-3, `unit length, got ${norm}`);
    assert.ok(small.usage.prompt_tokens >= 2);
    const large = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'x' });
    assert.equal(large.data[0].embedding.length, 3072);
    const ada = await client.embeddings.create({ model: 'text-embedding-ada-002', input: 'x' });
    assert.equal(ada.data[0].embedding.length, 1536);
    const cut = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'x', dimensions: 256 });
    assert.equal(cut.data[0].embedding.length, 256);
    const floats = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'one', encoding_format: 'float' });
    // base64 and float carry the same vector (float32 precision).
    floats.data[0].embedding.forEach((x, i) => assert.ok(Math.abs(x - small.data[0].embedding[i]) < 1e-6));
    await assert.rejects(client.embeddings.create({ model: 'text-embedding-3-small', input: 'x', dimensions: 5000 }), OpenAI.BadRequestError);
  } finally {
    await emulator.close();
  }
});

test('responses and completions: real shapes, max_output_tokens makes an incomplete response', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const r = await client.responses.create({ model: 'gpt-4o-mini', input: 'Write a long story about batches' });
    assert.equal(r.object, 'response');
    assert.equal(r.status, 'completed');
    assert.ok(r.output_text.length > 0, 'the SDK finds the output_text');
    assert.equal(r.usage!.total_tokens, r.usage!.input_tokens + r.usage!.output_tokens);
    // Find an input whose full answer is longer than the 16-token minimum budget, then ask again with that budget.
    let input = 'Write story number 0';
    let full = await client.responses.create({ model: 'gpt-4o-mini', input, instructions: 'Be long.' });
    for (let i = 1; full.usage!.output_tokens <= 16; i++) {
      input = `Write story number ${i}`;
      full = await client.responses.create({ model: 'gpt-4o-mini', input, instructions: 'Be long.' });
    }
    const cut = await client.responses.create({ model: 'gpt-4o-mini', input, max_output_tokens: 16, instructions: 'Be long.' });
    assert.equal(cut.status, 'incomplete');
    assert.deepEqual(cut.incomplete_details, { reason: 'max_output_tokens' });
    assert.ok(cut.usage!.output_tokens <= 16);
    assert.ok(full.output_text.startsWith(cut.output_text), 'a smaller budget returns a prefix of the same answer');
    assert.equal(cut.instructions, 'Be long.');

    const c = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test' });
    assert.equal(c.object, 'text_completion');
    assert.ok(c.usage!.completion_tokens <= 16, 'max_tokens defaults to 16');
    const m = await client.moderations.create({ input: 'hello' });
    assert.equal(m.results[0].flagged, false);
  } finally {
    await emulator.close();
  }
});

test('rate limits (window): x-ratelimit headers count down; a burst gets 429 with the real message and retry-after', async () => {
  const { emulator, client } = await fastEmulator({ rpm: 3, tpm: 10_000, limiter: 'window', tokenCounting: 'sum' });
  try {
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 100 };
    const remaining: string[] = [];
    const tokens: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { response } = await client.chat.completions.create(params).withResponse();
      remaining.push(response.headers.get('x-ratelimit-remaining-requests')!);
      tokens.push(Number(response.headers.get('x-ratelimit-remaining-tokens')));
      assert.equal(response.headers.get('x-ratelimit-limit-requests'), '3');
      assert.equal(response.headers.get('x-ratelimit-limit-tokens'), '10000');
      assert.match(response.headers.get('x-ratelimit-reset-requests')!, /^(\d+m)?\d+(\.\d+)?s$/);
    }
    assert.deepEqual(remaining, ['2', '1', '0']);
    // Each request reserves its prompt tokens plus max_tokens.
    assert.ok(tokens[0] < 10_000 - 100 && tokens[1] < tokens[0] && tokens[2] < tokens[1]);
    await assert.rejects(client.chat.completions.create(params), (e: unknown) => {
      assert.ok(e instanceof OpenAI.RateLimitError);
      assert.equal(e.code, 'rate_limit_exceeded');
      assert.equal(e.type, 'requests');
      assert.match(
        e.message,
        /Rate limit reached for gpt-4o-mini in organization org-emulator on requests per min \(RPM\): Limit 3, Used 3, Requested 1\. Please try again in (\d+\.)?\d+s\./,
      );
      const retryAfter = Number(e.headers?.get('retry-after'));
      assert.ok(retryAfter >= 59 && retryAfter <= 60, `retry-after ${retryAfter}`);
      return true;
    });
    // Limits are per model.
    await client.chat.completions.create({ ...params, model: 'gpt-4o' });
  } finally {
    await emulator.close();
  }
});

test('rate limits on tokens: a request that does not fit the window is a 429 of type tokens', async () => {
  const { emulator, client } = await fastEmulator({ tpm: 1000, limiter: 'window' });
  try {
    const params = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'hi' }], max_tokens: 400 };
    await client.chat.completions.create(params);
    await client.chat.completions.create(params);
    await assert.rejects(client.chat.completions.create(params), (e: unknown) => {
      assert.ok(e instanceof OpenAI.RateLimitError);
      assert.equal(e.type, 'tokens');
      assert.match(e.message, /on tokens per min \(TPM\): Limit 1000, Used \d+, Requested \d+\./);
      return true;
    });
  } finally {
    await emulator.close();
  }
});

test('http faults: the SDK without retries sees 500 and 503 with real-looking bodies; the seed reproduces them', async () => {
  const statusesFor = async (seed: number) => {
    const { emulator, client } = await fastEmulator({ httpFaultRate: 0.5, seed });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        try {
          await client.models.retrieve('gpt-4o-mini');
          statuses.push(200);
        } catch (e) {
          assert.ok(e instanceof OpenAI.InternalServerError);
          assert.equal((e.error as { type: string }).type, 'server_error');
          statuses.push(e.status);
        }
      }
      return statuses;
    } finally {
      await emulator.close();
    }
  };
  const first = await statusesFor(42);
  assert.ok(first.includes(500) && first.includes(503) && first.includes(200), first.join(','));
  assert.deepEqual(await statusesFor(42), first);
  assert.notDeepEqual(await statusesFor(43), first);
});

test('drops: the SDK sees a connection error, also half-way through a file download', async () => {
  const { emulator } = await fastEmulator({ dropRate: 1 });
  try {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: emulator.url, maxRetries: 0 });
    await assert.rejects(client.batches.list(), OpenAI.APIConnectionError);
    // A download picked for a drop that fails before its body (unknown file) is reset too, not answered 404.
    await assert.rejects(client.files.content('file-x'), OpenAI.APIConnectionError);
    await assert.rejects(client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }), OpenAI.APIConnectionError);
  } finally {
    await emulator.close();
  }
});

test('a drop half-way through streaming a file: part of the body, then a reset', async () => {
  // Upload on a clean emulator sharing a data dir, then download from a dropping one.
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'bw-drop-'));
  try {
    const clean = await fastEmulator({ dataDir: dir });
    const text = jsonl(Array.from({ length: 2000 }, (_, i) => chatLine(`d-${i}`)));
    const file = await uploadBatchFile(clean.client, text);
    await clean.emulator.close();
    const dropping = await fastEmulator({ dataDir: dir, dropRate: 1 });
    try {
      const res = await fetch(`${dropping.emulator.url}/files/${file.id}/content`, { headers: { authorization: 'Bearer k' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(text)));
      const reader = res.body!.getReader();
      let received = 0;
      await assert.rejects(async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.length;
        }
      });
      assert.ok(received > 0 && received < Buffer.byteLength(text), `received ${received}`);
      // Through the SDK: files.content() resolves (the headers came), then reading the body fails. The SDK does not
      // wrap this one: it is undici's TypeError "terminated", not an APIConnectionError. The runner must catch both.
      const response = await dropping.client.files.content(file.id);
      await assert.rejects(response.text(), (e: unknown) => e instanceof TypeError && e.message === 'terminated');
    } finally {
      await dropping.emulator.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('flex: service_tier flex is accepted and echoed; flexUnavailableRate gives 429 resource_unavailable', async () => {
  const ok = await fastEmulator({ flexDelayMs: 50 });
  const busy = await fastEmulator({ flexUnavailableRate: 1 });
  try {
    const params = { model: 'o4-mini', messages: [{ role: 'user' as const, content: 'hi' }], service_tier: 'flex' as const };
    const started = Date.now();
    const res = await ok.client.chat.completions.create(params);
    assert.equal(res.service_tier, 'flex');
    assert.ok(Date.now() - started >= 45);
    await assert.rejects(busy.client.chat.completions.create(params), (e: unknown) => {
      assert.ok(e instanceof OpenAI.RateLimitError);
      assert.equal(e.code, 'resource_unavailable');
      return true;
    });
    // The default tier is never unavailable.
    await busy.client.chat.completions.create({ ...params, service_tier: 'default' });
  } finally {
    await ok.emulator.close();
    await busy.emulator.close();
  }
});
