// The Gemini emulator's wire format, by raw fetch: authentication, Google's error bodies, the resumable upload
// handshake, File objects and downloads, generateContent / countTokens, and batch Operations through their life.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TestClock } from '../helpers.ts';
import { geminiEmulator, geminiLines, KEY, pollOperation, raw, uploadText } from './helpers.ts';

const BOUND = { timeout: 30_000 };
const MODEL = 'gemini-3.8-flash';
const ENDED = (op: any) => op.done === true;
const hello = { contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }] };

test('authentication: x-goog-api-key or ?key=; none is a 403; a key outside the configured list is the real 400 API_KEY_INVALID', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({}, { API_KEYS: `${KEY},other-key-123` });
  try {
    assert.equal((await raw(base, `/v1beta/models/${MODEL}:countTokens`, { body: hello })).status, 200);
    assert.equal((await raw(base, `/v1beta/models/${MODEL}:countTokens?key=${KEY}`, { body: hello, key: null })).status, 200);
    const none = await raw(base, `/v1beta/models/${MODEL}:countTokens`, { body: hello, key: null });
    assert.equal(none.status, 403);
    assert.equal(none.body.error.status, 'PERMISSION_DENIED');
    assert.equal(none.body.error.code, 403);
    const bad = await raw(base, `/v1beta/models/${MODEL}:countTokens`, { body: hello, key: 'AIza-wrong-key-999' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.status, 'INVALID_ARGUMENT');
    assert.equal(bad.body.error.message, 'API key not valid. Please pass a valid API key.');
    assert.equal(bad.body.error.details[0].reason, 'API_KEY_INVALID');
    assert.match(JSON.stringify(bad.body), /AIza-wrong-key-999/, 'the DebugInfo echoes the key, as the real one does');
  } finally {
    await emulator.close();
  }
});

test('generateContent: a GenerateContentResponse with usageMetadata (thoughts on a thinking model); caps cut with MAX_TOKENS', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({ seed: 4 });
  try {
    const r = await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: { ...hello, generationConfig: { maxOutputTokens: 4000, thinkingConfig: { thinkingLevel: 'low' } } } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = r.body.candidates[0];
    assert.equal(c.finishReason, 'STOP');
    assert.equal(c.content.role, 'model');
    assert.ok(c.content.parts[0].text.length > 0);
    const u = r.body.usageMetadata;
    assert.ok(u.promptTokenCount > 0 && u.candidatesTokenCount > 0 && u.thoughtsTokenCount > 0);
    assert.equal(u.totalTokenCount, u.promptTokenCount + u.candidatesTokenCount + u.thoughtsTokenCount);
    assert.equal(r.body.modelVersion, MODEL);
    const again = await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: { ...hello, generationConfig: { maxOutputTokens: 4000, thinkingConfig: { thinkingLevel: 'low' } } } });
    assert.deepEqual(again.body, r.body, 'the same seed and request give the same answer');

    const cut = await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: { ...hello, generationConfig: { maxOutputTokens: 5, thinkingConfig: { thinkingLevel: 'minimal' } } } });
    assert.equal(cut.body.candidates[0].finishReason, 'MAX_TOKENS');
    assert.ok(cut.body.usageMetadata.candidatesTokenCount <= 5);

    // gemini-2.5-flash-lite does not think unless given a budget.
    const lite = await raw(base, '/v1beta/models/gemini-2.5-flash-lite:generateContent', { body: hello });
    assert.equal(lite.body.usageMetadata.thoughtsTokenCount, undefined);
    const budget = await raw(base, '/v1beta/models/gemini-2.5-flash-lite:generateContent', { body: { ...hello, generationConfig: { thinkingConfig: { thinkingBudget: 64 } } } });
    assert.ok(budget.body.usageMetadata.thoughtsTokenCount > 0 && budget.body.usageMetadata.thoughtsTokenCount <= 64);
  } finally {
    await emulator.close();
  }
});

test('generateContent refusals: unknown model 404, no contents 400, Gemini 4 and minimal / budgets, replayed calls without a signature', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const unknown = await raw(base, '/v1beta/models/gemini-9-ultra:generateContent', { body: hello });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.status, 'NOT_FOUND');
    assert.match(unknown.body.error.message, /^models\/gemini-9-ultra is not found for API version v1beta, or is not supported for generateContent/);
    assert.equal((await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: {} })).status, 400);
    assert.equal((await raw(base, '/v1beta/models/gemini-4-argon:generateContent', { body: { ...hello, generationConfig: { thinkingConfig: { thinkingLevel: 'minimal' } } } })).status, 400);
    assert.equal((await raw(base, '/v1beta/models/gemini-4-argon:generateContent', { body: { ...hello, generationConfig: { thinkingConfig: { thinkingBudget: 100 } } } })).status, 400);
    const replay = (signature?: string) => ({
      contents: [
        { role: 'user', parts: [{ text: 'weather?' }] },
        { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: {} }, ...(signature ? { thoughtSignature: signature } : {}) }] },
        { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { output: 'sunny' } } }] },
      ],
    });
    const unsigned = await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: replay() });
    assert.equal(unsigned.status, 400);
    assert.match(unsigned.body.error.message, /^Function call is missing a thought_signature in functionCall parts/);
    assert.equal((await raw(base, `/v1beta/models/${MODEL}:generateContent`, { body: replay('skip_thought_signature_validator') })).status, 200);
    assert.equal((await raw(base, '/v1beta/models/gemini-2.5-flash-lite:generateContent', { body: replay() })).status, 200, '2.5 checks no signatures');
  } finally {
    await emulator.close();
  }
});

test('a forced function call (toolConfig ANY) answers with a functionCall part', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const r = await raw(base, `/v1beta/models/${MODEL}:generateContent`, {
      body: { ...hello, tools: [{ functionDeclarations: [{ name: 'f' }, { name: 'g' }] }], toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['g'] } } },
    });
    assert.equal(r.body.candidates[0].content.parts[0].functionCall.name, 'g');
    assert.equal(typeof r.body.candidates[0].content.parts[0].thoughtSignature, 'string');
  } finally {
    await emulator.close();
  }
});

test('retired models: routed to their replacement by default, 404 with the not-found switch', BOUND, async () => {
  const clock = new TestClock(Date.UTC(2026, 11, 1, 12));
  const routed = await geminiEmulator({ now: clock.now });
  try {
    const r = await raw(routed.base, '/v1beta/models/gemini-2.5-pro:generateContent', { body: hello });
    assert.equal(r.status, 200);
    assert.equal(r.body.modelVersion, 'gemini-3.8-flash', 'answered (and billed) as the replacement');
  } finally {
    await routed.emulator.close();
  }
  const refused = await geminiEmulator({ now: clock.now }, { RETIRED_MODELS: 'not-found' });
  try {
    assert.equal((await raw(refused.base, '/v1beta/models/gemini-2.5-flash:generateContent', { body: hello })).status, 404);
  } finally {
    await refused.emulator.close();
  }
});

test('countTokens: contents or generateContentRequest (not both); system instruction and tools count', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const plain = await raw(base, `/v1beta/models/${MODEL}:countTokens`, { body: hello });
    const whole = await raw(base, `/v1beta/models/${MODEL}:countTokens`, {
      body: { generateContentRequest: { model: `models/${MODEL}`, ...hello, systemInstruction: { parts: [{ text: 'You are terse and exact.' }] } } },
    });
    assert.ok(plain.body.totalTokens > 0);
    assert.ok(whole.body.totalTokens > plain.body.totalTokens);
    assert.equal(whole.body.promptTokensDetails[0].modality, 'TEXT');
    assert.equal((await raw(base, `/v1beta/models/${MODEL}:countTokens`, { body: { ...hello, generateContentRequest: hello } })).status, 400);
  } finally {
    await emulator.close();
  }
});

test('the resumable upload: start answers X-Goog-Upload-URL; chunks at offsets; finalize answers the File; download with alt=media', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const text = geminiLines(3);
    const bytes = Buffer.byteLength(text);
    const start = await fetch(`${base}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        'x-goog-api-key': KEY,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': String(bytes),
        'x-goog-upload-header-content-type': 'application/jsonl',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ file: { display_name: 'three.jsonl' } }),
    });
    assert.equal(start.status, 200);
    assert.equal(start.headers.get('x-goog-upload-status'), 'active');
    const url = start.headers.get('x-goog-upload-url')!;
    assert.match(url, /\/upload\/v1beta\/files\?upload_id=/);
    const half = Math.floor(bytes / 2);
    const first = await fetch(url, { method: 'POST', headers: { 'x-goog-upload-offset': '0', 'x-goog-upload-command': 'upload' }, body: text.slice(0, half) });
    assert.equal(first.headers.get('x-goog-upload-status'), 'active');
    await first.arrayBuffer();
    const wrong = await fetch(url, { method: 'POST', headers: { 'x-goog-upload-offset': '1', 'x-goog-upload-command': 'upload, finalize' }, body: text.slice(half) });
    assert.equal(wrong.status, 400, 'an offset that is not what the session holds');
    await wrong.arrayBuffer();
    const last = await fetch(url, { method: 'POST', headers: { 'x-goog-upload-offset': String(half), 'x-goog-upload-command': 'upload, finalize' }, body: text.slice(half) });
    assert.equal(last.headers.get('x-goog-upload-status'), 'final');
    const { file } = (await last.json()) as any;
    assert.match(file.name, /^files\/[a-z0-9]{12}$/);
    assert.equal(file.displayName, 'three.jsonl');
    assert.equal(file.sizeBytes, String(bytes), 'int64 as a string');
    assert.equal(file.state, 'ACTIVE');
    assert.equal(Date.parse(file.expirationTime) - Date.parse(file.createTime), 48 * 3_600_000);
    assert.deepEqual((await raw(base, `/v1beta/${file.name}`)).body, file);
    const down = await raw(base, `/download/v1beta/${file.name}:download?alt=media`);
    assert.equal(down.status, 200);
    assert.equal(down.body, text);
    assert.equal((await raw(base, `/download/v1beta/${file.name}:download`)).status, 400, 'alt=media is required');
    assert.equal((await raw(base, '/v1beta/files/nosuchfile')).status, 404);
  } finally {
    await emulator.close();
  }
});

test('a batch Operation through its life: PENDING → RUNNING → SUCCEEDED, batchStats as strings, responses in input order', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now, failRate: 0.3, seed: 11 });
  try {
    const file = await uploadText(base, geminiLines(20));
    const created = await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { display_name: 'job-1', input_config: { file_name: file.name } } } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const op = created.body;
    assert.match(op.name, /^batches\/[a-z0-9]{36}$/);
    assert.equal(op.done, undefined, 'done is left out while false');
    assert.equal(op.metadata['@type'], 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatch');
    assert.equal(op.metadata.model, `models/${MODEL}`);
    assert.equal(op.metadata.displayName, 'job-1');
    assert.equal(op.metadata.state, 'BATCH_STATE_PENDING');
    assert.deepEqual(op.metadata.inputConfig, { fileName: file.name });

    const seen = await pollOperation(base, op.name, ENDED, () => clock.advance(50));
    const states = [...new Set(seen.map((o) => o.metadata.state))];
    assert.deepEqual(states, ['BATCH_STATE_PENDING', 'BATCH_STATE_RUNNING', 'BATCH_STATE_SUCCEEDED']);
    const running = seen.filter((o) => o.metadata.state === 'BATCH_STATE_RUNNING');
    assert.ok(running.some((o) => o.metadata.batchStats.pendingRequestCount !== undefined), 'pending requests are counted while running');
    const end = seen.at(-1);
    const stats = end.metadata.batchStats;
    assert.equal(stats.requestCount, '20');
    assert.equal(stats.pendingRequestCount, undefined, 'zero counts are left out');
    const ok = Number(stats.successfulRequestCount);
    const failed = Number(stats.failedRequestCount ?? 0);
    assert.equal(ok + failed, 20);
    assert.ok(failed > 0 && ok > 0, `fail-rate 0.3 over 20 lines: ${failed} failed`);
    assert.equal(end.metadata.output.responsesFile, `files/batch-${op.name.slice('batches/'.length)}`);
    assert.equal(end.response['@type'], 'type.googleapis.com/google.ai.generativelanguage.v1main.GenerateContentBatchOutput');
    assert.equal(end.response.responsesFile, end.metadata.output.responsesFile);
    assert.ok(end.metadata.endTime);

    const out = (await raw(base, `/download/v1beta/${end.response.responsesFile}:download?alt=media`)).body as string;
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.key), Array.from({ length: 20 }, (_, i) => `req-${i}`), 'input order');
    const errors = lines.filter((l) => l.error);
    assert.equal(errors.length, failed);
    for (const e of errors) {
      assert.equal(typeof e.error.code, 'number', 'a google.rpc.Status: the gRPC code');
      assert.ok(['INTERNAL', 'RESOURCE_EXHAUSTED', 'INVALID_ARGUMENT'].includes(e.error.status));
    }
    for (const l of lines.filter((x) => x.response)) assert.ok(l.response.usageMetadata.promptTokenCount > 0);
  } finally {
    await emulator.close();
  }
});

test('the JOB_STATE_ prefix switch', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({}, { STATE_PREFIX: 'JOB_STATE_' });
  try {
    const file = await uploadText(base, geminiLines(2));
    const op = (await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { displayName: 'j', inputConfig: { fileName: file.name } } } })).body;
    assert.equal(op.metadata.state, 'JOB_STATE_PENDING');
    const end = (await pollOperation(base, op.name, ENDED)).at(-1);
    assert.equal(end.metadata.state, 'JOB_STATE_SUCCEEDED');
  } finally {
    await emulator.close();
  }
});

test('create refusals: unknown model 404 NOT_FOUND, a missing file 403 PERMISSION_DENIED (as Google answers), no display name 400, inline requests 400', BOUND, async () => {
  const { emulator, base } = await geminiEmulator({}, { DISPLAY_NAME_MAX: '10' });
  try {
    const file = await uploadText(base, geminiLines(1));
    const create = (model: string, batch: unknown) => raw(base, `/v1beta/models/${model}:batchGenerateContent`, { body: { batch } });
    const unknown = await create('gemini-0-nano', { displayName: 'x', inputConfig: { fileName: file.name } });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /not supported for batchGenerateContent/);
    assert.equal((await create(MODEL, { displayName: 'x', inputConfig: { fileName: 'files/missing' } })).status, 403);
    assert.equal((await create(MODEL, { inputConfig: { fileName: file.name } })).status, 400);
    assert.equal((await create(MODEL, { displayName: 'x'.repeat(11), inputConfig: { fileName: file.name } })).status, 400, 'longer than the switch allows');
    assert.equal((await create(MODEL, { displayName: 'x', inputConfig: { requests: { requests: [] } } })).status, 400);
    assert.equal((await raw(base, '/v1beta/batches')).body.operations.length, 0, 'nothing was created');
  } finally {
    await emulator.close();
  }
});

test('an unreadable input line fails the whole job with the Operation error', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const file = await uploadText(base, `${geminiLines(1)}not json\n`);
    const op = (await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { displayName: 'j', inputConfig: { fileName: file.name } } } })).body;
    const end = (await pollOperation(base, op.name, ENDED)).at(-1);
    assert.equal(end.metadata.state, 'BATCH_STATE_FAILED');
    assert.equal(end.error.code, 3);
    assert.match(end.error.message, /line 2/);
    assert.equal(end.response, undefined);
  } finally {
    await emulator.close();
  }
});

test('cancel: a running job ends CANCELLED with what finished (partial) or nothing (none); an ended job refuses', BOUND, async () => {
  for (const mode of ['partial', 'none']) {
    const clock = new TestClock();
    const { emulator, base } = await geminiEmulator({ now: clock.now, completeAfterMs: 10_000 }, { CANCELLED_OUTPUT: mode });
    try {
      const file = await uploadText(base, geminiLines(30));
      const op = (await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { displayName: 'j', inputConfig: { fileName: file.name } } } })).body;
      await pollOperation(base, op.name, (o) => o.metadata.state === 'BATCH_STATE_RUNNING', () => clock.advance(30));
      clock.advance(5000);
      const c = await raw(base, `/v1beta/${op.name}:cancel`, { body: {} });
      assert.equal(c.status, 200);
      assert.deepEqual(c.body, {});
      const end = (await pollOperation(base, op.name, ENDED)).at(-1);
      assert.equal(end.metadata.state, 'BATCH_STATE_CANCELLED');
      if (mode === 'partial') {
        const out = (await raw(base, `/download/v1beta/${end.metadata.output.responsesFile}:download?alt=media`)).body as string;
        const n = out.trim().split('\n').length;
        assert.ok(n > 0 && n < 30, `about half finished: ${n}`);
        assert.equal(Number(end.metadata.batchStats.successfulRequestCount), n);
      } else {
        assert.equal(end.metadata.output, undefined);
        assert.equal(end.response, undefined);
      }
      const again = await raw(base, `/v1beta/${op.name}:cancel`, { body: {} });
      assert.equal(again.status, 400);
      assert.equal(again.body.error.status, 'FAILED_PRECONDITION');
    } finally {
      await emulator.close();
    }
  }
});

test('expiry: a job still pending or running 48 h after creation is EXPIRED, with no results', BOUND, async () => {
  const clock = new TestClock();
  const { emulator, base } = await geminiEmulator({ now: clock.now, completeAfterMs: 100 * 3_600_000 });
  try {
    const file = await uploadText(base, geminiLines(3));
    const op = (await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { displayName: 'j', inputConfig: { fileName: file.name } } } })).body;
    await pollOperation(base, op.name, (o) => o.metadata.state === 'BATCH_STATE_RUNNING', () => clock.advance(30));
    clock.advance(48 * 3_600_000 - 60_000);
    assert.equal((await raw(base, `/v1beta/${op.name}`)).body.metadata.state, 'BATCH_STATE_RUNNING');
    clock.advance(60_000);
    const end = (await raw(base, `/v1beta/${op.name}`)).body;
    assert.equal(end.metadata.state, 'BATCH_STATE_EXPIRED');
    assert.equal(end.done, true);
    assert.equal(end.response, undefined);
    assert.equal(end.metadata.output, undefined);
  } finally {
    await emulator.close();
  }
});

test('list: every batch, newest first, paged with nextPageToken', BOUND, async () => {
  const { emulator, base } = await geminiEmulator();
  try {
    const file = await uploadText(base, geminiLines(1));
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push((await raw(base, `/v1beta/models/${MODEL}:batchGenerateContent`, { body: { batch: { displayName: `j${i}`, inputConfig: { fileName: file.name } } } })).body.name);
    }
    const first = (await raw(base, '/v1beta/batches?pageSize=2')).body;
    assert.deepEqual(first.operations.map((o: any) => o.name), [names[2], names[1]]);
    const second = (await raw(base, `/v1beta/batches?pageSize=2&pageToken=${first.nextPageToken}`)).body;
    assert.deepEqual(second.operations.map((o: any) => o.name), [names[0]]);
    assert.equal(second.nextPageToken, undefined);
  } finally {
    await emulator.close();
  }
});

test('faults: --http-fault-rate answers 500 INTERNAL / 503 UNAVAILABLE in the Google body; --drop-rate cuts a download half-way', BOUND, async () => {
  const faulty = await geminiEmulator({ httpFaultRate: 1, seed: 1 });
  try {
    const statuses = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await raw(faulty.base, `/v1beta/models/${MODEL}:countTokens`, { body: hello });
      assert.ok(r.status === 500 || r.status === 503);
      statuses.add(r.body.error.status);
    }
    assert.deepEqual([...statuses].sort(), ['INTERNAL', 'UNAVAILABLE']);
    assert.equal((await raw(faulty.base, `/v1beta/models/${MODEL}:countTokens`, { body: hello, key: null })).status, 403, 'authentication comes before faults');
  } finally {
    await faulty.emulator.close();
  }
  // Drops: other calls reset the connection; a download sends its headers and half its body, then resets.
  const { emulator, base } = await geminiEmulator({ dropRate: 0.5, seed: 5 });
  try {
    const text = geminiLines(50);
    let file: any = null;
    let resets = 0;
    let cut = 0;
    let whole = 0;
    for (let i = 0; i < 60 && (cut === 0 || resets === 0 || whole === 0); i++) {
      if (!file) {
        file = await uploadText(base, text).catch(() => {
          resets++;
          return null;
        });
        continue;
      }
      const res = await fetch(`${base}/download/v1beta/${file.name}:download?alt=media`, { headers: { 'x-goog-api-key': KEY } });
      assert.equal(res.status, 200, 'a download picked for a drop still answers its headers');
      try {
        assert.equal(await res.text(), text);
        whole++;
      } catch {
        cut++;
      }
    }
    assert.ok(resets > 0 && cut > 0 && whole > 0, `resets ${resets}, cut downloads ${cut}, whole downloads ${whole}`);
  } finally {
    await emulator.close();
  }
});
