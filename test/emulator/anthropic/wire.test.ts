// The emulator's Anthropic API on the wire (raw fetch): headers, bodies, errors and the Message Batch lifecycle as
// Anthropic documents them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anthropicEmulator, call, Clock, HEADERS, hostOf, params, requests, resultLines } from './helpers.ts';

const BOUND = { timeout: 60_000 };
const DAY_MS = 86_400_000;

/** A system prompt well past the 1,024-token cache minimum. */
const LONG_SYSTEM = Array.from({ length: 400 }, (_, i) => `Rule ${i}: answer plainly and briefly.`).join(' ');

test('authentication: x-api-key or Bearer; without a key a 401 in Anthropic\'s error shape, with a request-id', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const none = await call(em, 'POST', '/v1/messages', params(), { 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    assert.equal(none.status, 401);
    assert.equal(none.body.type, 'error');
    assert.equal(none.body.error.type, 'authentication_error');
    assert.equal(typeof none.body.error.message, 'string');
    assert.match(none.headers.get('request-id') ?? '', /^req_/);
    assert.equal(none.body.request_id, none.headers.get('request-id'));
    const bearer = await call(em, 'POST', '/v1/messages', params(), { authorization: 'Bearer k-123456789', 'anthropic-version': '2023-06-01', 'content-type': 'application/json' });
    assert.equal(bearer.status, 200);
    const noVersion = await call(em, 'POST', '/v1/messages', params(), { 'x-api-key': 'k-123456789', 'content-type': 'application/json' });
    assert.equal(noVersion.status, 400);
    assert.equal(noVersion.body.error.type, 'invalid_request_error');
    assert.match(noVersion.body.error.message, /anthropic-version/);
  } finally {
    await em.close();
  }
});

test('POST /v1/messages: a Message with usage; the same request answers the same words; max_tokens and stop_sequences cut it', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const a = await call(em, 'POST', '/v1/messages', params('Tell me about batches', { max_tokens: 2000 }));
    assert.equal(a.status, 200);
    const m = a.body;
    assert.match(m.id, /^msg_/);
    assert.equal(m.type, 'message');
    assert.equal(m.role, 'assistant');
    assert.equal(m.model, 'claude-sonnet-4-6');
    assert.equal(m.stop_reason, 'end_turn');
    assert.equal(m.content.length, 1);
    assert.equal(m.content[0].type, 'text');
    for (const f of ['input_tokens', 'output_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens']) assert.equal(typeof m.usage[f], 'number', f);
    assert.equal(m.usage.service_tier, 'standard');
    assert.ok(m.usage.output_tokens > 0);
    const again = await call(em, 'POST', '/v1/messages', params('Tell me about batches', { max_tokens: 2000 }));
    assert.equal(again.body.content[0].text, m.content[0].text);

    const cut = await call(em, 'POST', '/v1/messages', params('Tell me about batches', { max_tokens: 5 }));
    assert.equal(cut.body.stop_reason, 'max_tokens');
    assert.equal(cut.body.usage.output_tokens, 5);
    assert.ok(m.content[0].text.startsWith(cut.body.content[0].text), 'a cut answer is a prefix of the whole one');

    const word = m.content[0].text.split(' ')[3];
    const stopped = await call(em, 'POST', '/v1/messages', params('Tell me about batches', { max_tokens: 2000, stop_sequences: [` ${word}`] }));
    assert.equal(stopped.body.stop_reason, 'stop_sequence');
    assert.equal(stopped.body.stop_sequence, ` ${word}`);
    assert.ok(!stopped.body.content[0].text.includes(` ${word} `));
  } finally {
    await em.close();
  }
});

test('params are checked as the API does: max_tokens required, unknown models 404, the model\'s output cap, 2026-10-21 refuses sampling', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const { max_tokens: _, ...uncapped } = params();
    const noCap = await call(em, 'POST', '/v1/messages', uncapped);
    assert.equal(noCap.status, 400);
    assert.equal(noCap.body.error.message, 'max_tokens: Field required');
    const unknown = await call(em, 'POST', '/v1/messages', params('x', { model: 'claude-nonexistent-9' }));
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body.error, { type: 'not_found_error', message: 'model: claude-nonexistent-9' });
    const over = await call(em, 'POST', '/v1/messages', params('x', { max_tokens: 64_001 }));
    assert.equal(over.status, 400);
    assert.match(over.body.error.message, /64001 > 64000/);
    const extra = await call(em, 'POST', '/v1/messages', params('x', { frequency_penalty: 1 }));
    assert.equal(extra.status, 400);
    assert.match(extra.body.error.message, /frequency_penalty: Extra inputs are not permitted/);

    assert.equal((await call(em, 'POST', '/v1/messages', params('x', { temperature: 0.3 }))).status, 200);
    const newer = await call(em, 'POST', '/v1/messages', params('x', { temperature: 1 }), { ...HEADERS, 'anthropic-version': '2026-10-21' });
    assert.equal(newer.status, 400);
    assert.match(newer.body.error.message, /temperature/);
    const fussy = await call(em, 'POST', '/v1/messages', params('x', { model: 'claude-opus-5-5', temperature: 0.3 }));
    assert.equal(fussy.status, 400, 'models after Opus 4.6 take the default temperature only');
  } finally {
    await em.close();
  }
});

test('count_tokens agrees with the answer\'s input tokens; cache_control writes then reads the prefix', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const plain = params('What is the batch discount?');
    const counted = await call(em, 'POST', '/v1/messages/count_tokens', { model: plain.model, messages: plain.messages });
    assert.equal(counted.status, 200);
    assert.deepEqual(Object.keys(counted.body), ['input_tokens']);
    const answered = await call(em, 'POST', '/v1/messages', plain);
    assert.equal(answered.body.usage.input_tokens, counted.body.input_tokens);

    const system = [{ type: 'text', text: LONG_SYSTEM, cache_control: { type: 'ephemeral' } }];
    const cached = params('First question', { system });
    const total = (await call(em, 'POST', '/v1/messages/count_tokens', { model: cached.model, system, messages: cached.messages })).body.input_tokens;
    const first = (await call(em, 'POST', '/v1/messages', cached)).body.usage;
    assert.ok(first.cache_creation_input_tokens >= 1024, `written ${first.cache_creation_input_tokens}`);
    assert.equal(first.cache_read_input_tokens, 0);
    assert.equal(first.cache_creation.ephemeral_5m_input_tokens, first.cache_creation_input_tokens);
    assert.equal(first.input_tokens + first.cache_creation_input_tokens, total);
    const second = (await call(em, 'POST', '/v1/messages', { ...cached, messages: [{ role: 'user', content: 'Second question' }] })).body.usage;
    assert.equal(second.cache_read_input_tokens, first.cache_creation_input_tokens, 'the same prefix is read back');
    assert.equal(second.cache_creation_input_tokens, 0);
    const noMarker = (await call(em, 'POST', '/v1/messages', params('Third', { system: LONG_SYSTEM }))).body.usage;
    assert.equal(noMarker.cache_read_input_tokens + noMarker.cache_creation_input_tokens, 0, 'nothing is cached without cache_control');
  } finally {
    await em.close();
  }
});

test('a batch\'s envelope is checked at create: custom_id pattern, unique ids, 1 to 100,000 requests', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const bad = await call(em, 'POST', '/v1/messages/batches', { requests: [{ custom_id: 'has.dot', params: params() }] });
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /custom_id/);
    const dup = await call(em, 'POST', '/v1/messages/batches', { requests: [{ custom_id: 'a', params: params() }, { custom_id: 'a', params: params() }] });
    assert.equal(dup.status, 400);
    assert.match(dup.body.error.message, /unique/);
    assert.equal((await call(em, 'POST', '/v1/messages/batches', { requests: [] })).status, 400);
    const many = Array.from({ length: 100_001 }, (_, i) => ({ custom_id: `r${i}`, params: { model: 'claude-sonnet-4-6', max_tokens: 1, messages: [] } }));
    const tooMany = await call(em, 'POST', '/v1/messages/batches', { requests: many });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message, /at most 100000/);
    assert.equal((await call(em, 'GET', '/v1/messages/batches')).body.data.length, 0, 'a refused create makes no batch');
  } finally {
    await em.close();
  }
});

test('a body over 256 MB is a 413 request_too_large', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const res = await fetch(`${hostOf(em)}/v1/messages/batches`, { method: 'POST', headers: HEADERS, body: Buffer.alloc(256 * 1024 * 1024 + 1, 0x20) });
    assert.equal(res.status, 413);
    assert.equal(((await res.json()) as { error: { type: string } }).error.type, 'request_too_large');
  } finally {
    await em.close();
  }
});

test('a batch runs in_progress → ended: counts only at the end, one result per request, params errors as errored results', BOUND, async () => {
  const clock = new Clock();
  const em = await anthropicEmulator({ now: clock.now, completeAfterMs: 60_000 });
  try {
    const { max_tokens: _, ...uncapped } = params();
    const body = { requests: [...requests(4), { custom_id: 'no-cap', params: uncapped }, { custom_id: 'ghost', params: params('x', { model: 'claude-ghost-1' }) }] };
    const created = await call(em, 'POST', '/v1/messages/batches', body);
    assert.equal(created.status, 200);
    const b = created.body;
    assert.match(b.id, /^msgbatch_/);
    assert.equal(b.type, 'message_batch');
    assert.equal(b.processing_status, 'in_progress');
    assert.deepEqual(b.request_counts, { processing: 6, succeeded: 0, errored: 0, canceled: 0, expired: 0 });
    assert.equal(Date.parse(b.expires_at) - Date.parse(b.created_at), DAY_MS);
    assert.equal(b.results_url, null);
    assert.equal((await call(em, 'GET', `/v1/messages/batches/${b.id}/results`)).status, 400, 'no results before the end');

    clock.advance(30_000);
    assert.equal((await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body.request_counts.processing, 6, 'still all processing half-way');
    clock.advance(30_000);
    const ended = (await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body;
    assert.equal(ended.processing_status, 'ended');
    assert.deepEqual(ended.request_counts, { processing: 0, succeeded: 4, errored: 2, canceled: 0, expired: 0 });
    assert.equal(ended.ended_at, new Date(clock.ms).toISOString());
    assert.equal(ended.results_url, `${hostOf(em)}/v1/messages/batches/${b.id}/results`);

    const results = await fetch(ended.results_url, { headers: HEADERS });
    assert.equal(results.status, 200);
    const lines = resultLines(await results.text());
    assert.deepEqual(lines.map((l) => l.custom_id).sort(), ['ghost', 'no-cap', 'req-0', 'req-1', 'req-2', 'req-3']);
    const byId = new Map(lines.map((l) => [l.custom_id, l.result]));
    assert.equal(byId.get('req-0').type, 'succeeded');
    assert.equal(byId.get('req-0').message.usage.service_tier, 'batch');
    assert.deepEqual(byId.get('no-cap'), { type: 'errored', error: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' }, request_id: null } });
    assert.equal(byId.get('ghost').error.error.type, 'not_found_error');
    const again = resultLines(await (await fetch(ended.results_url, { headers: HEADERS })).text());
    assert.deepEqual(again, lines, 'the results file is written once');
  } finally {
    await em.close();
  }
});

test('list: newest first, limit with has_more, after_id and before_id pages', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(em, 'POST', '/v1/messages/batches', { requests: requests(1) })).body.id);
    const first = (await call(em, 'GET', '/v1/messages/batches?limit=2')).body;
    assert.deepEqual(first.data.map((b: { id: string }) => b.id), [ids[2], ids[1]]);
    assert.equal(first.has_more, true);
    assert.equal(first.first_id, ids[2]);
    assert.equal(first.last_id, ids[1]);
    const next = (await call(em, 'GET', `/v1/messages/batches?limit=2&after_id=${first.last_id}`)).body;
    assert.deepEqual(next.data.map((b: { id: string }) => b.id), [ids[0]]);
    assert.equal(next.has_more, false);
    const before = (await call(em, 'GET', `/v1/messages/batches?limit=2&before_id=${ids[0]}`)).body;
    assert.deepEqual(before.data.map((b: { id: string }) => b.id), [ids[2], ids[1]]);
    assert.equal((await call(em, 'GET', '/v1/messages/batches?limit=0')).status, 400);
    assert.equal((await call(em, 'GET', '/v1/messages/batches/msgbatch_nope')).status, 404);
  } finally {
    await em.close();
  }
});

test('cancel: canceling, then ended with the unstarted requests canceled; cancelling an ended batch is refused', BOUND, async () => {
  const clock = new Clock();
  const em = await anthropicEmulator({ now: clock.now, completeAfterMs: 100_000, cancelAfterMs: 5_000 });
  try {
    const b = (await call(em, 'POST', '/v1/messages/batches', { requests: requests(20) })).body;
    clock.advance(40_000);
    const cancelling = await call(em, 'POST', `/v1/messages/batches/${b.id}/cancel`);
    assert.equal(cancelling.status, 200);
    assert.equal(cancelling.body.processing_status, 'canceling');
    assert.equal(cancelling.body.cancel_initiated_at, new Date(clock.ms).toISOString());
    clock.advance(5_000);
    const ended = (await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body;
    assert.equal(ended.processing_status, 'ended');
    const c = ended.request_counts;
    assert.ok(c.succeeded > 0 && c.canceled > 0, JSON.stringify(c));
    assert.equal(c.succeeded + c.canceled, 20);
    const lines = resultLines((await call(em, 'GET', `/v1/messages/batches/${b.id}/results`)).body);
    assert.equal(lines.filter((l) => l.result.type === 'canceled').length, c.canceled);
    assert.equal(lines.filter((l) => l.result.type === 'succeeded').length, c.succeeded);
    const late = await call(em, 'POST', `/v1/messages/batches/${b.id}/cancel`);
    assert.equal(late.status, 400);
    assert.equal(late.body.error.type, 'invalid_request_error');
  } finally {
    await em.close();
  }
});

test('expiry at 24 h ends a batch still running with its unprocessed requests expired; results go 404 after 29 days', BOUND, async () => {
  const clock = new Clock();
  const em = await anthropicEmulator({ now: clock.now, completeAfterMs: 2 * DAY_MS });
  try {
    const b = (await call(em, 'POST', '/v1/messages/batches', { requests: requests(20) })).body;
    clock.advance(DAY_MS - 1);
    assert.equal((await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body.processing_status, 'in_progress');
    clock.advance(1);
    const ended = (await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body;
    assert.equal(ended.processing_status, 'ended');
    assert.equal(ended.ended_at, ended.expires_at);
    const c = ended.request_counts;
    assert.ok(c.succeeded > 0 && c.expired > 0, JSON.stringify(c));
    assert.equal(c.succeeded + c.expired, 20);
    const lines = resultLines((await call(em, 'GET', `/v1/messages/batches/${b.id}/results`)).body);
    assert.equal(lines.filter((l) => l.result.type === 'expired').length, c.expired);

    clock.advance(28 * DAY_MS - 1);
    assert.equal((await call(em, 'GET', `/v1/messages/batches/${b.id}/results`)).status, 200);
    clock.advance(1);
    const gone = await call(em, 'GET', `/v1/messages/batches/${b.id}/results`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.type, 'not_found_error');
    const archived = (await call(em, 'GET', `/v1/messages/batches/${b.id}`)).body;
    assert.equal(archived.archived_at, new Date(Date.parse(archived.created_at) + 29 * DAY_MS).toISOString());
  } finally {
    await em.close();
  }
});

test('faults: --http-fault-rate answers 500 api_error / 529 overloaded_error; --drop-rate cuts a results download', BOUND, async () => {
  const faulty = await anthropicEmulator({ httpFaultRate: 1 });
  try {
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = await call(faulty, 'POST', '/v1/messages', params());
      assert.ok(r.status === 500 || r.status === 529, String(r.status));
      seen.add(r.body.error.type);
    }
    assert.deepEqual([...seen].sort(), ['api_error', 'overloaded_error']);
  } finally {
    await faulty.close();
  }
  const clock = new Clock();
  const dropping = await anthropicEmulator({ now: clock.now, dropRate: 0.5, seed: 3 });
  try {
    // Half the calls are reset: a call is tried until it gets through.
    const through = async (path: string, init: RequestInit): Promise<Response> => {
      for (let i = 0; i < 40; i++) {
        const res = await fetch(`${hostOf(dropping)}${path}`, init).catch(() => null);
        if (res) return res;
      }
      throw new Error(`${path} never got through`);
    };
    const b = (await (await through('/v1/messages/batches', { method: 'POST', headers: HEADERS, body: JSON.stringify({ requests: requests(30) }) })).json()) as { id: string };
    clock.advance(1_000);
    let whole = 0;
    let cut = 0;
    for (let i = 0; i < 20; i++) {
      const res = await through(`/v1/messages/batches/${b.id}/results`, { headers: HEADERS });
      assert.equal(res.status, 200, 'a dropped download still sends its headers');
      await res.text().then(() => whole++, () => cut++);
    }
    assert.ok(whole > 0 && cut > 0, `whole ${whole}, cut ${cut}`);
  } finally {
    await dropping.close();
  }
});

test('thinking: adaptive at an effort thinks more at higher effort, inside max_tokens; manual thinking is refused after 4.7', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const ask = async (extra: Record<string, unknown>) => (await call(em, 'POST', '/v1/messages', params('Plan a trip', { max_tokens: 20_000, ...extra }))).body;
    const plain = await ask({});
    assert.equal(plain.usage.output_tokens_details.thinking_tokens, 0, 'Sonnet 4.6 does not think unless asked');
    const low = await ask({ thinking: { type: 'adaptive' }, output_config: { effort: 'low' } });
    const high = await ask({ thinking: { type: 'adaptive' }, output_config: { effort: 'high' } });
    assert.ok(low.usage.output_tokens_details.thinking_tokens > 0);
    assert.ok(high.usage.output_tokens_details.thinking_tokens > low.usage.output_tokens_details.thinking_tokens);
    assert.equal(high.content[0].type, 'thinking');
    assert.equal(high.content[1].text, plain.content[0].text, 'effort changes the thinking, not the words');
    assert.equal(high.usage.output_tokens, plain.usage.output_tokens + high.usage.output_tokens_details.thinking_tokens);
    const opus = (await call(em, 'POST', '/v1/messages', params('Plan a trip', { model: 'claude-opus-5-5', max_tokens: 20_000 }))).body;
    assert.ok(opus.usage.output_tokens_details.thinking_tokens > 0, 'Opus 5.5 thinks by default');
    const manual = await call(em, 'POST', '/v1/messages', params('x', { model: 'claude-opus-5-5', max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 2000 } }));
    assert.equal(manual.status, 400);
    const forced = await call(em, 'POST', '/v1/messages', params('x', {
      thinking: { type: 'adaptive' },
      tools: [{ name: 'f', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any' },
    }));
    assert.equal(forced.status, 400);
  } finally {
    await em.close();
  }
});

test('a forced tool is called with an input its schema accepts; stop_reason tool_use', BOUND, async () => {
  const em = await anthropicEmulator();
  try {
    const tools = [{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] } }];
    const m = (await call(em, 'POST', '/v1/messages', params('Weather?', { tools, tool_choice: { type: 'tool', name: 'weather' } }))).body;
    assert.equal(m.stop_reason, 'tool_use');
    const use = m.content.find((b: { type: string }) => b.type === 'tool_use');
    assert.match(use.id, /^toolu_/);
    assert.equal(use.name, 'weather');
    assert.deepEqual(use.input, { city: 'value' });
    const auto = (await call(em, 'POST', '/v1/messages', params('Weather?', { tools }))).body;
    assert.equal(auto.stop_reason, 'end_turn');
  } finally {
    await em.close();
  }
});
