// The Batch API lifecycle against the emulator, driven by the real openai SDK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import OpenAI from 'openai';
import { chatLine, createBatch, fastEmulator, jsonl, pollBatch, readLines, uploadBatchFile } from './helpers.ts';

const seed = JSON.parse(readFileSync(new URL('./fixtures/seed000-batches.json', import.meta.url), 'utf8'));
const NEWER_FIELDS = ['model', 'usage'];

/** Same keys as the real object (plus the newer documented ones); where the real value is set, the same type;
 *  where the real value is null at that stage, null too. */
function assertShapeLike(actual: Record<string, unknown>, real: Record<string, unknown>, path = 'batch'): void {
  const expectedKeys = [...Object.keys(real), ...(path === 'batch' ? NEWER_FIELDS : [])].sort();
  assert.deepEqual(Object.keys(actual).sort(), expectedKeys, `${path}: field set`);
  for (const [key, value] of Object.entries(real)) {
    const got = actual[key];
    if (value === null) assert.equal(got, null, `${path}.${key} should be null`);
    else if (typeof value === 'object') assertShapeLike(got as Record<string, unknown>, value as Record<string, unknown>, `${path}.${key}`);
    else assert.equal(typeof got, typeof value, `${path}.${key} type`);
  }
}

test('a whole batch: validating → in_progress → finalizing → completed, every custom_id exactly once', async () => {
  const { emulator, client } = await fastEmulator({ failRate: 0.3, seed: 7 });
  try {
    const ids = Array.from({ length: 40 }, (_, i) => `req-${i}`);
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    assert.match(created.id, /^batch_/);
    const { batch, seen } = await pollBatch(client, created.id);

    const order = [...new Set(seen.map((b) => b.status))];
    assert.deepEqual(order, ['validating', 'in_progress', 'finalizing', 'completed']);
    // Progress is visible while running: counts only grow, and some poll saw a partial count.
    const running = seen.filter((b) => b.status === 'in_progress').map((b) => b.request_counts!.completed + b.request_counts!.failed);
    assert.ok(running.some((n) => n > 0 && n < 40), `partial progress seen: ${running.join(',')}`);
    for (let i = 1; i < running.length; i++) assert.ok(running[i] >= running[i - 1]);

    assert.equal(batch.status, 'completed');
    // "Model ID used to process the batch, like gpt-5-2025-08-07".
    assert.equal(batch.model, 'gpt-4o-mini-2024-07-18');
    assert.equal(batch.expires_at, batch.created_at + 86_400);
    for (const key of ['in_progress_at', 'finalizing_at', 'completed_at'] as const) assert.equal(typeof batch[key], 'number');

    const out = await readLines(client, batch.output_file_id);
    const err = await readLines(client, batch.error_file_id);
    const all = [...out, ...err].map((l) => l.custom_id).sort();
    assert.deepEqual(all, [...ids].sort(), 'every custom_id exactly once');
    assert.equal(batch.request_counts!.completed, out.length);
    assert.equal(batch.request_counts!.failed, err.length);
    assert.equal(batch.request_counts!.total, 40);
    assert.ok(out.length > 0 && err.length > 0, 'fail-rate 0.3 gives both successes and failures');
    assert.notDeepEqual(out.map((l) => l.custom_id), ids.filter((id) => out.some((l) => l.custom_id === id)), 'output not in input order');

    for (const line of out) {
      assert.match(line.id, /^batch_req_/);
      assert.equal(line.error, null);
      assert.equal(line.response!.status_code, 200);
      assert.equal(line.response!.body.object, 'chat.completion');
    }
    // Batch usage is the sum of the successful lines' usage.
    const input = out.reduce((s, l) => s + l.response!.body.usage.prompt_tokens, 0);
    const output = out.reduce((s, l) => s + l.response!.body.usage.completion_tokens, 0);
    assert.deepEqual(batch.usage, {
      input_tokens: input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: input + output,
    });

    // Output and error files are Files of purpose batch_output.
    const outFile = await client.files.retrieve(batch.output_file_id!);
    assert.equal(outFile.purpose, 'batch_output');
  } finally {
    await emulator.close();
  }
});

test('fail-rate lines come in the real HTTP-level shape: response with status and error body, error null', async () => {
  const { emulator, client } = await fastEmulator({ failRate: 1, seed: 3 });
  try {
    const ids = Array.from({ length: 60 }, (_, i) => `f-${i}`);
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'completed');
    assert.equal(batch.output_file_id, null, 'no line succeeded: no output file');
    const err = await readLines(client, batch.error_file_id);
    assert.equal(err.length, 60);
    const statuses = new Set(err.map((l) => l.response!.status_code));
    assert.deepEqual([...statuses].sort(), [400, 429, 500]);
    for (const line of err) {
      assert.equal(line.error, null);
      const e = line.response!.body.error;
      assert.deepEqual(Object.keys(e).sort(), ['code', 'message', 'param', 'type']);
      assert.equal(typeof e.message, 'string');
      if (line.response!.status_code === 500) assert.equal(e.type, 'server_error');
      if (line.response!.status_code === 429) assert.equal(e.code, 'rate_limit_exceeded');
      if (line.response!.status_code === 400) assert.equal(e.code, 'context_length_exceeded');
    }
  } finally {
    await emulator.close();
  }
});

test('a line whose body the endpoint rejects ends as a 400 line in the error file', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const bad = { custom_id: 'no-messages', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini' } };
    const created = await createBatch(client, jsonl([chatLine('ok'), bad]));
    const { batch } = await pollBatch(client, created.id);
    const [line] = await readLines(client, batch.error_file_id);
    assert.equal(line.custom_id, 'no-messages');
    assert.equal(line.response!.status_code, 400);
    assert.equal(line.response!.body.error.param, 'messages');
    assert.equal(batch.request_counts!.completed, 1);
    assert.equal(batch.request_counts!.failed, 1);
  } finally {
    await emulator.close();
  }
});

test('retrying a failed custom_id in a new batch is not doomed to fail again', async () => {
  const { emulator, client } = await fastEmulator({ failRate: 0.5, seed: 11 });
  try {
    const ids = Array.from({ length: 30 }, (_, i) => `x-${i}`);
    const first = await pollBatch(client, (await createBatch(client, jsonl(ids.map((id) => chatLine(id))))).id);
    const failed = (await readLines(client, first.batch.error_file_id)).map((l) => l.custom_id);
    assert.ok(failed.length > 0);
    const second = await pollBatch(client, (await createBatch(client, jsonl(failed.map((id) => chatLine(id))))).id);
    assert.ok(second.batch.request_counts!.completed > 0, 'some retried lines succeed');
  } finally {
    await emulator.close();
  }
});

test('the Batch objects have the field set and types of the real ones (seed 000)', async () => {
  const { emulator, client } = await fastEmulator({ completeAfterMs: 400 });
  try {
    const created = await createBatch(client, jsonl(seed.input_lines));
    assertShapeLike(created as unknown as Record<string, unknown>, seed.validating);
    assert.deepEqual(created.usage, {
      input_tokens: 0,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 0,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 0,
    });
    const { batch: running } = await pollBatch(client, created.id, (b) => b.status === 'in_progress');
    assertShapeLike(running as unknown as Record<string, unknown>, seed.in_progress);

    await pollBatch(client, created.id);
    const raw = (await (await fetch(`${emulator.url}/batches`, { headers: { authorization: 'Bearer sk-test' } })).json()) as any;
    assert.deepEqual(Object.keys(raw).sort(), Object.keys(seed.list).sort());
    assertShapeLike(raw.data[0], seed.list.data[0]);

    // The output line has the real line's fields; usage.prompt_tokens equals what the real API counted.
    const out = await readLines(client, raw.data[0].output_file_id);
    for (const line of out) {
      assert.deepEqual(Object.keys(line).sort(), Object.keys(seed.output_line).sort());
      assert.deepEqual(Object.keys(line.response!).sort(), Object.keys(seed.output_line.response).sort());
      assert.equal(line.response!.body.usage.prompt_tokens, seed.prompt_tokens[line.custom_id]);
      assert.equal(line.response!.body.model, 'gpt-3.5-turbo-0125');
      for (const key of Object.keys(seed.output_line.response.body)) assert.ok(key in line.response!.body, `body.${key}`);
    }
  } finally {
    await emulator.close();
  }
});

test('metadata is echoed; invalid create parameters are 400s naming the param', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const file = await uploadBatchFile(client, jsonl([chatLine('a')]));
    const ok = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { job: 'nightly' },
    });
    assert.deepEqual(ok.metadata, { job: 'nightly' });

    const cases: [Record<string, unknown>, number, string][] = [
      [{ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '48h' }, 400, 'completion_window'],
      [{ input_file_id: file.id, endpoint: '/v1/nope', completion_window: '24h' }, 400, 'endpoint'],
      // Not emulated (README): batches of image or video lines are refused.
      [{ input_file_id: file.id, endpoint: '/v1/images/generations', completion_window: '24h' }, 400, 'endpoint'],
      [{ endpoint: '/v1/chat/completions', completion_window: '24h' }, 400, 'input_file_id'],
      [{ input_file_id: 'file-missing', endpoint: '/v1/chat/completions', completion_window: '24h' }, 404, 'input_file_id'],
      [
        { input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) },
        400,
        'metadata',
      ],
      [{ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { ['k'.repeat(65)]: 'v' } }, 400, 'metadata'],
      [{ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h', metadata: { k: 'v'.repeat(513) } }, 400, 'metadata.k'],
    ];
    for (const [params, status, param] of cases) {
      await assert.rejects(client.batches.create(params as never), (e: unknown) => {
        assert.ok(e instanceof OpenAI.APIError);
        assert.equal(e.status, status, JSON.stringify(params).slice(0, 80));
        assert.equal(e.param, param);
        return true;
      });
    }
  } finally {
    await emulator.close();
  }
});

test('every validation failure code, with the lines that caused it', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const check = async (text: string, expected: { code: string; line: number | null }[], endpoint?: '/v1/embeddings') => {
      const created = await createBatch(client, text, endpoint);
      const { batch, seen } = await pollBatch(client, created.id);
      assert.equal(batch.status, 'failed');
      assert.ok(seen.some((b) => b.status === 'validating'));
      assert.equal(typeof batch.failed_at, 'number');
      assert.equal(batch.in_progress_at, null);
      assert.equal(batch.errors!.object, 'list');
      assert.deepEqual(
        batch.errors!.data!.map((e) => ({ code: e.code, line: e.line })),
        expected,
      );
      for (const e of batch.errors!.data!) assert.equal(typeof e.message, 'string');
      return batch;
    };
    const invalid = await check(jsonl([chatLine('a'), '{not json', chatLine('b'), '[1,2]']), [
      { code: 'invalid_json_line', line: 2 },
      { code: 'invalid_json_line', line: 4 },
    ]);
    assert.equal(invalid.errors!.data![0].message, 'This line is not parseable as valid JSON.');
    await check(jsonl([chatLine('a'), chatLine('b'), chatLine('a')]), [{ code: 'duplicate_custom_id', line: 3 }]);
    await check(jsonl([chatLine('a'), { ...chatLine('b'), url: '/v1/embeddings' }]), [{ code: 'url_mismatch', line: 2 }]);
    const other = chatLine('b');
    other.body.model = 'gpt-4o';
    await check(jsonl([chatLine('a'), other]), [{ code: 'model_mismatch', line: 2 }]);
    await check('\n\n', [{ code: 'empty_file', line: null }]);
    const missing = { method: 'POST', url: '/v1/chat/completions', body: chatLine('x').body };
    const batch = await check(jsonl([missing]), [{ code: 'missing_required_parameter', line: 1 }]);
    assert.equal(batch.errors!.data![0].param, 'custom_id');
  } finally {
    await emulator.close();
  }
});

test('more than 50,000 lines fail with too_many_tasks', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const line = JSON.stringify({ custom_id: 'x', method: 'POST', url: '/v1/embeddings', body: { model: 'text-embedding-3-small', input: 'a' } });
    // Lines past 50,000 are not checked, so cheap identical lines suffice after the first 50,000 distinct ones.
    const text = Array.from({ length: 50_001 }, (_, i) => line.replace('"x"', `"r${i}"`)).join('\n');
    const created = await createBatch(client, text, '/v1/embeddings');
    const { batch } = await pollBatch(client, created.id, undefined, 15_000);
    assert.equal(batch.status, 'failed');
    assert.equal(batch.errors!.data![0].code, 'too_many_tasks');
    assert.equal(batch.errors!.data![0].line, null);
  } finally {
    await emulator.close();
  }
});

test('list: newest first, limit, after, first_id/last_id/has_more; the SDK auto-paginates', async () => {
  const { emulator, client } = await fastEmulator();
  try {
    const file = await uploadBatchFile(client, jsonl([chatLine('a')]));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' })).id);
    }
    const newest = [...ids].reverse();
    const page1 = await client.batches.list({ limit: 2 });
    assert.deepEqual(page1.data.map((b) => b.id), newest.slice(0, 2));
    assert.equal(page1.has_more, true);
    const raw = (await (await fetch(`${emulator.url}/batches?limit=2&after=${newest[1]}`, { headers: { authorization: 'Bearer k' } })).json()) as any;
    assert.deepEqual(raw.data.map((b: { id: string }) => b.id), newest.slice(2, 4));
    assert.equal(raw.first_id, newest[2]);
    assert.equal(raw.last_id, newest[3]);
    assert.equal(raw.has_more, true);
    const last = await client.batches.list({ limit: 2, after: newest[3] });
    assert.deepEqual(last.data.map((b) => b.id), [newest[4]]);
    assert.equal(last.has_more, false);
    const all: string[] = [];
    for await (const b of client.batches.list({ limit: 2 })) all.push(b.id);
    assert.deepEqual(all, newest);
    const def = (await (await fetch(`${emulator.url}/batches?limit=101`, { headers: { authorization: 'Bearer k' } })).json()) as any;
    assert.equal(def.error.param, 'limit');
  } finally {
    await emulator.close();
  }
});

test('cancel: cancelling, then cancelled with partial results; cancelling a finished batch is a 409', async () => {
  // Unrun lines in the error file (cancelledLines 'error-file'); the default, omitted, is in cancel.test.ts.
  const { emulator, client } = await fastEmulator({ completeAfterMs: 600, finalizeMs: 100, cancelledLines: 'error-file' });
  try {
    const ids = Array.from({ length: 50 }, (_, i) => `c-${i}`);
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    const { batch: running } = await pollBatch(client, created.id, (b) => b.status === 'in_progress' && b.request_counts!.completed > 5);
    const cancelling = await client.batches.cancel(created.id);
    assert.equal(cancelling.status, 'cancelling');
    assert.equal(typeof cancelling.cancelling_at, 'number');
    assertShapeLike(cancelling as unknown as Record<string, unknown>, { ...seed.cancelling, errors: null });
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'cancelled');
    assert.equal(typeof batch.cancelled_at, 'number');
    assert.equal(batch.completed_at, null);
    const out = await readLines(client, batch.output_file_id);
    const err = await readLines(client, batch.error_file_id);
    assert.ok(out.length >= running.request_counts!.completed && out.length < 50, `partial: ${out.length}`);
    assert.equal(out.length, batch.request_counts!.completed);
    assert.deepEqual([...out, ...err].map((l) => l.custom_id).sort(), [...ids].sort());
    for (const l of err) {
      assert.equal(l.response, null);
      assert.equal(l.error!.code, 'batch_cancelled');
    }

    const done = await pollBatch(client, (await createBatch(client, jsonl([chatLine('z')]))).id);
    await assert.rejects(client.batches.cancel(done.batch.id), (e: unknown) => {
      assert.ok(e instanceof OpenAI.ConflictError);
      assert.deepEqual(e.error, seed.cancel_completed_409.error);
      return true;
    });
    await assert.rejects(client.batches.cancel(batch.id), (e: unknown) => {
      assert.ok(e instanceof OpenAI.ConflictError);
      assert.equal((e.error as { message: string }).message, "Cannot cancel a batch with status 'cancelled'.");
      return true;
    });
  } finally {
    await emulator.close();
  }
});

test('cancel while validating: cancelled with no result files', async () => {
  const { emulator, client } = await fastEmulator({ validateMs: 400, finalizeMs: 50 });
  try {
    const created = await createBatch(client, jsonl([chatLine('a'), chatLine('b')]));
    assert.equal((await client.batches.cancel(created.id)).status, 'cancelling');
    const again = await client.batches.cancel(created.id);
    assert.equal(again.status, 'cancelling', 'cancelling twice is harmless');
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'cancelled');
    assert.equal(batch.in_progress_at, null);
    assert.equal(batch.output_file_id, null);
    assert.equal(batch.error_file_id, null);
  } finally {
    await emulator.close();
  }
});

test('expiry: finished lines in the output file, the rest batch_expired in the error file', async () => {
  const { emulator, client } = await fastEmulator({ completeAfterMs: 2000, expireAfterMs: 700 });
  try {
    const ids = Array.from({ length: 40 }, (_, i) => `e-${i}`);
    const created = await createBatch(client, jsonl(ids.map((id) => chatLine(id))));
    const { batch } = await pollBatch(client, created.id);
    assert.equal(batch.status, 'expired');
    assert.equal(typeof batch.expired_at, 'number');
    const out = await readLines(client, batch.output_file_id);
    const err = await readLines(client, batch.error_file_id);
    assert.ok(out.length > 0 && out.length < 40, `partial: ${out.length}`);
    assert.deepEqual([...out, ...err].map((l) => l.custom_id).sort(), [...ids].sort());
    for (const l of err) {
      assert.deepEqual(l.error, { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' });
      assert.equal(l.response, null);
    }
    assert.equal(batch.request_counts!.completed, out.length);
  } finally {
    await emulator.close();
  }
});

test('queue limit: token_limit_exceeded while another batch holds the queue; freed when it finishes', async () => {
  const { emulator, client } = await fastEmulator({ completeAfterMs: 800, queueLimit: 200 });
  try {
    const lines = (prefix: string) => jsonl(Array.from({ length: 10 }, (_, i) => chatLine(`${prefix}-${i}`)));
    const first = await createBatch(client, lines('a'));
    await pollBatch(client, first.id, (b) => b.status === 'in_progress');
    const second = await createBatch(client, lines('b'));
    const { batch: refused } = await pollBatch(client, second.id);
    assert.equal(refused.status, 'failed');
    assert.deepEqual(refused.errors!.data, [
      {
        code: 'token_limit_exceeded',
        line: null,
        param: null,
        message:
          'Enqueued token limit reached for gpt-4o-mini in organization org-emulator. Limit: 200 enqueued tokens. Please try again once some in_progress batches have been completed.',
      },
    ]);
    await pollBatch(client, first.id);
    const third = await createBatch(client, lines('c'));
    assert.equal((await pollBatch(client, third.id)).batch.status, 'completed');
  } finally {
    await emulator.close();
  }
});
