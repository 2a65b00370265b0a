// estimateFile through an Anthropic or Gemini catalog (providerCatalog): approximate input tokens said everywhere,
// the providers' prices and cache rules, the provider's own counter, calibration from history, lifecycle, and the
// wrong-provider error with file:line.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog, providerCatalog } from '../../src/pricing/index.ts';
import { countRequestTokens } from '../../src/tokens/index.ts';
import { RequestFileError } from '../../src/requests/types.ts';
import { estimateToJson } from '../../src/report/estimateJson.ts';
import { estimateToCsv } from '../../src/report/estimateCsv.ts';
import { renderEstimateTable } from '../../src/report/estimateTable.ts';
import { renderEstimateMarkdown } from '../../src/report/estimateMarkdown.ts';
import { observation } from '../history/helpers.ts';
import { shapeOf } from '../../src/history/index.ts';
import { forgetSecrets, registerSecret } from '../../src/shared/secrets.ts';
import { chatLine, writeJsonl } from '../helpers.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const openai = loadCatalog();
const anthropic = providerCatalog('anthropic', openai);
const gemini = providerCatalog('gemini', openai);
const files: string[] = [];
after(() => {
  for (const f of files) rmSync(dirname(f), { recursive: true, force: true });
  forgetSecrets();
});

function file(lines: (object | string)[]): string {
  const path = writeJsonl(lines);
  files.push(path);
  return path;
}

const o200k = (line: ReturnType<typeof chatLine>) => countRequestTokens('/v1/chat/completions', line.body, 'o200k_base').input_tokens;
/** The table's text with its 80-column wrapping undone. */
const unwrap = (text: string) => text.replace(/\n  /g, ' ');
const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);
const LONG = 'Grade the answer against the rubric, citing the clause it rests on. '.repeat(450);

test('an Anthropic file: approximate input (o200k_base × 1.2 for Haiku 4.5) at Anthropic\'s sync and batch prices', async () => {
  const lines = [chatLine('a', 'hello', { max_tokens: 100 }, 'claude-haiku-4-5'), chatLine('b', 'hello there, how are you?', { max_tokens: 100 }, 'claude-haiku-4-5')];
  const e = await estimateFile(file(lines), { catalog: anthropic, detail: true, now: NOW, displayName: 'requests.jsonl' });
  const approx = lines.map((l) => Math.ceil(o200k(l) * 1.2 - 1e-9));
  assert.deepEqual(e.items!.map((i) => [i.input_tokens, i.input_tokens_source, i.approximate_input_tokens]), approx.map((n) => [n, 'approximate', n]));
  assert.equal(e.input_tokens, approx[0] + approx[1]);
  // Haiku 4.5: $1 in / $5 out, batch $0.50 / $2.50; expected output is the cap of 100 (below the 256 heuristic).
  const sync = (approx[0] + approx[1]) * 1 + 200 * 5;
  close(e.cost.sync.expected, sync / 1e6, 'sync expected');
  close(e.cost.batch.expected, sync / 2e6, 'batch expected');
  close(e.cost.sync.low, ((approx[0] + approx[1]) * 1 + 2 * 5) / 1e6, 'sync low');
  assert.equal(e.cost.flex, null);
  assert.equal(e.cost.priority, null);
  assert.equal(e.pricing.provider, 'anthropic');
  assert.match(e.pricing.source, /platform\.claude\.com/);
  const m = e.models[0];
  assert.deepEqual([m.input_tokens_source, m.input_tokens_sources, m.input_tokens_sample], ['approximate', { approximate: 2 }, 0]);
  assert.match(m.input_tokens_method, /^the o200k_base count × 1\.2 for the Claude tokenizer before 4\.7 \(/);
  assert.deepEqual([e.input_tokens_source, e.input_tokens_approximate], ['approximate', true]);
  assert.ok(e.notes.some((n) => /^claude-haiku-4-5: input tokens are approximate \(Anthropic publishes no offline tokenizer\)/.test(n)));
  assert.ok(e.notes.some((n) => /a batch bills 50% of every rate, cache reads/.test(n)));
  assert.ok(e.notes.some((n) => /no request marks a cache_control breakpoint/.test(n)));
  const uncapped = await estimateFile(file([chatLine('c', 'hi', {}, 'claude-haiku-4-5')]), { catalog: anthropic, now: NOW });
  assert.ok(uncapped.notes.some((n) => /set no output cap.*; Anthropic requires max_tokens: a run refuses these lines/.test(n)));

  // Every output says the count is approximate and how it was made.
  const table = unwrap(renderEstimateTable(e));
  assert.match(table, /^requests\.jsonl: 2 requests, ≈\d+ input tokens \(approximate\)$/m);
  assert.match(table, /^input: input tokens are approximate \(claude-haiku-4-5\)/m);
  assert.match(table, /o200k_base count × 1\.2/);
  const md = renderEstimateMarkdown(e);
  assert.match(md, /\| claude\\-haiku\\-4\\-5 \| 2 \| ≈\d+ \|/);
  assert.match(md, /input tokens are approximate/);
  const json = estimateToJson(e) as any;
  assert.deepEqual([json.input_tokens_source, json.input_tokens_approximate, json.input_tokens_sources], ['approximate', true, { approximate: 2 }]);
  assert.equal(json.models[0].input_tokens_source, 'approximate');
  assert.match(json.models[0].input_tokens_method, /× 1\.2/);
  assert.deepEqual([json.items[0].input_tokens_source, json.items[0].approximate_input_tokens], ['approximate', approx[0]]);
  assert.match(estimateToCsv(e).split('\n')[0], /,input_tokens_source$/);
});

test('a Gemini file: × 1.1, batch at half of input and output', async () => {
  const lines = [chatLine('a', 'hello', { max_tokens: 100 }, 'gemini-3.8-flash')];
  const e = await estimateFile(file(lines), { catalog: gemini, detail: true, now: NOW });
  const approx = Math.ceil(o200k(lines[0]) * 1.1 - 1e-9);
  assert.equal(e.input_tokens, approx);
  close(e.cost.sync.expected, (approx * 0.75 + 100 * 3.75) / 1e6, 'sync');
  close(e.cost.batch.expected, (approx * 0.375 + 100 * 1.875) / 1e6, 'batch');
  assert.match(e.models[0].input_tokens_method, /× 1\.1 for the Gemini tokenizer/);
  assert.deepEqual(e.lifecycle, []);
});

test('another provider\'s model is an error at its first line that names the --provider to use', async () => {
  const lines = [chatLine('a', 'hi', {}, 'gpt-4o-mini'), chatLine('b', 'hi', {}, 'claude-haiku-4-5'), chatLine('c', 'hi', {}, 'claude-haiku-4-5')];
  await assert.rejects(estimateFile(file(lines), { catalog: openai, displayName: 'requests.jsonl' }), (err: unknown) => {
    assert.ok(err instanceof RequestFileError);
    assert.deepEqual(err.problems.map((p) => p.line), [2]);
    assert.match(err.message, /requests\.jsonl:2: "claude-haiku-4-5" is an Anthropic model: use --provider anthropic \(or, if an OpenAI-compatible endpoint serves it, give its price with --pricing FILE\) \(2 lines use this model\)/);
    return true;
  });
  await assert.rejects(estimateFile(file(lines.slice(0, 2)), { catalog: anthropic, displayName: 'requests.jsonl' }), (err: unknown) => {
    assert.ok(err instanceof RequestFileError);
    assert.match(err.message, /requests\.jsonl:1: "gpt-4o-mini" is an OpenAI model, and this run's provider is Anthropic: use --provider openai/);
    return true;
  });
  // Endpoints the provider catalog does not price are refused on their line.
  const embed = { custom_id: 'e', method: 'POST', url: '/v1/embeddings', body: { model: 'gemini-3.8-flash', input: 'x' } };
  await assert.rejects(estimateFile(file([embed]), { catalog: gemini, displayName: 'requests.jsonl' }), /requests\.jsonl:1: \/v1\/embeddings: gemini-3\.8-flash is priced for \/v1\/chat\/completions and \/v1\/responses only/);
});

test("the provider's counter, when given, counts every line, at most 8 in flight, in line order", async () => {
  const lines = Array.from({ length: 30 }, (_, i) => chatLine(`r${i}`, `row ${i}`, { max_tokens: 50 }, 'claude-sonnet-5-5'));
  let active = 0;
  let most = 0;
  const seen: [number, string, string][] = [];
  const countInputTokens = async (line: number, body: Record<string, unknown>, url: string) => {
    active++;
    most = Math.max(most, active);
    seen.push([line, (body.messages as { content: string }[])[0].content, url]);
    // Let the other calls start before this one answers.
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    active--;
    return 1_000 + line;
  };
  const e = await estimateFile(file(lines), { catalog: anthropic, detail: true, now: NOW, countInputTokens });
  assert.equal(most, 8);
  assert.deepEqual(seen.map((s) => s[0]), lines.map((_, i) => i + 1));
  assert.deepEqual(seen[4], [5, 'row 4', '/v1/chat/completions']);
  assert.deepEqual(e.items!.map((i) => [i.input_tokens, i.input_tokens_source]), lines.map((_, i) => [1_001 + i, 'provider_count']));
  assert.ok(e.items!.every((i) => i.approximate_input_tokens! < 100), 'the approximation is kept for history');
  assert.equal(e.input_tokens_approximate, false);
  assert.equal(e.models[0].input_tokens_source, 'provider_count');
  // Sonnet 5.5: $2 in; the counted input is what is priced.
  const input = lines.reduce((n, _, i) => n + 1_001 + i, 0);
  close(e.cost.sync.max, (input * 2 + 30 * 50 * 10) / 1e6, 'sync max');
  assert.ok(e.notes.some((n) => n === "claude-sonnet-5-5: input tokens counted by Anthropic's count_tokens for every request"));
  assert.match(unwrap(renderEstimateTable(e)), /^input: input tokens \(claude-sonnet-5-5\): 30 counted by the provider's own counter$/m);
  // Scanned on worker threads, the bodies travel back to the counter and the window bounds it the same way.
  most = 0;
  seen.length = 0;
  const parallel = await estimateFile(file(lines), { catalog: anthropic, detail: true, now: NOW, countInputTokens, workers: 2 });
  assert.equal(most, 8);
  assert.deepEqual(seen.map((s) => s[0]), lines.map((_, i) => i + 1));
  assert.deepEqual(parallel.items!.map((i) => i.input_tokens), e.items!.map((i) => i.input_tokens));
});

test('a failing count falls back to the approximation for that line, the reason (scrubbed) in the notes', async () => {
  const secret = 'anthropic-test-key-0123456789';
  registerSecret(secret);
  const lines = [1, 2, 3].map((i) => chatLine(`r${i}`, `row ${i}`, { max_tokens: 50 }, 'claude-haiku-4-5'));
  const countInputTokens = async (line: number) => {
    if (line === 2) throw new Error(`429 rate_limit_error for key ${secret}\nretry later`);
    if (line === 3) return Number.NaN;
    return 500;
  };
  const e = await estimateFile(file(lines), { catalog: anthropic, detail: true, now: NOW, countInputTokens });
  assert.deepEqual(e.items!.map((i) => i.input_tokens_source), ['provider_count', 'approximate', 'approximate']);
  assert.equal(e.items![1].input_tokens, Math.ceil(o200k(lines[1]) * 1.2 - 1e-9));
  assert.deepEqual(e.models[0].input_tokens_sources, { provider_count: 1, approximate: 2 });
  assert.equal(e.input_tokens_approximate, true);
  const note = e.notes.find((n) => /count_tokens failed for 2 request\(s\)/.test(n));
  assert.ok(note, e.notes.join('\n'));
  assert.match(note!, /429 rate_limit_error for key \[redacted\]/);
  assert.match(note!, /the counter returned null, not a token count/);
  assert.ok(!note!.includes(secret) && !note!.includes('retry later'));
  assert.match(e.models[0].input_tokens_method, /^1 request\(s\): counted by Anthropic's count_tokens; 2 request\(s\): the o200k_base count × 1\.2/);
});

test('history calibrates the approximation by what earlier runs were billed; the worst case keeps the approximation', async () => {
  const lines = [chatLine('a', 'hello there', { max_tokens: 100 }, 'claude-haiku-4-5')];
  const approx = Math.ceil(o200k(lines[0]) * 1.2 - 1e-9);
  const shape = shapeOf('/v1/chat/completions', lines[0].body);
  const history = (ratio: number) => [observation(shape, 20, 100, 40, { input_mean: 1_000 * ratio, approx_input_mean: 1_000 })];
  const path = file(lines);

  const up = await estimateFile(path, { catalog: anthropic, detail: true, now: NOW, history: history(1.25) });
  assert.deepEqual([up.items![0].input_tokens, up.items![0].input_tokens_source], [Math.ceil(approx * 1.25 - 1e-9), 'history']);
  assert.equal(up.items![0].approximate_input_tokens, approx);
  assert.deepEqual([up.models[0].input_tokens_source, up.models[0].input_tokens_sample], ['history', 40]);
  assert.match(up.models[0].input_tokens_method, /calibrated × 1\.25: billed input was 1\.25× the approximation in 1 earlier run of claude-haiku-4-5, 40 answers/);
  assert.equal(up.input_tokens_approximate, true, 'calibrated, still an approximation');

  const down = await estimateFile(path, { catalog: anthropic, detail: true, now: NOW, history: history(0.5) });
  const calibrated = Math.ceil(approx * 0.5 - 1e-9);
  assert.equal(down.input_tokens, calibrated);
  close(down.cost.sync.expected, (calibrated * 1 + 100 * 5) / 1e6, 'expected on the calibrated input');
  close(down.cost.sync.max, (approx * 1 + 100 * 5) / 1e6, 'max on the uncalibrated approximation');
  assert.match(unwrap(renderEstimateTable(down)), /approximated and calibrated by what earlier runs were billed/);
});

test('Gemini 2.5 Pro and 2.5 Flash: shut down today, warned about with the replacement, as a shut-down OpenAI model is', async () => {
  const lines = [chatLine('a', 'hi', { max_tokens: 10 }, 'gemini-2.5-pro'), chatLine('b', 'hi', { max_tokens: 10 }, 'gemini-2.5-flash')];
  const e = await estimateFile(file(lines), { catalog: gemini, now: NOW });
  assert.deepEqual(e.lifecycle.map((l) => [l.model, l.status, l.replacement]), [
    ['gemini-2.5-pro', 'shut_down', 'gemini-3.8-flash'],
    ['gemini-2.5-flash', 'shut_down', 'gemini-3.5-flash-lite'],
  ]);
  assert.deepEqual(e.models[0].warnings, ['gemini-2.5-pro was shut down on 2026-12-01; Google recommends gemini-3.8-flash instead']);
  assert.match(renderEstimateTable(e), /^warning: gemini-2\.5-pro was shut down on 2026-12-01; Google recommends/m);
  // The day before, a warning that it is about to go.
  const before = await estimateFile(file(lines), { catalog: gemini, now: new Date('2026-11-20T12:00:00Z') });
  assert.deepEqual(before.lifecycle.map((l) => l.status), ['shutting_down', 'shutting_down']);
});

test("Claude's cache: no hits unless a request marks cache_control; marked prefixes are written then read; 1-hour writes cost more", async () => {
  const row = (id: string, mark: Record<string, unknown> | null) =>
    chatLine(id, `question ${id}`, { max_tokens: 50, messages: [{ role: 'system', content: [{ type: 'text', text: LONG, ...(mark ? { cache_control: mark } : {}) }] }, { role: 'user', content: `question ${id}` }] }, 'claude-haiku-4-5');
  const unmarked = await estimateFile(file(['a', 'b', 'c'].map((id) => row(id, null))), { catalog: anthropic, now: NOW });
  assert.equal(unmarked.models[0].cache, null);
  assert.ok(unmarked.notes.some((n) => /no request marks a cache_control breakpoint, and Claude caches only what a request marks/.test(n)));

  const fiveMinutes = await estimateFile(file(['a', 'b', 'c'].map((id) => row(id, { type: 'ephemeral' }))), { catalog: anthropic, now: NOW });
  const cache = fiveMinutes.models[0].cache!;
  assert.equal(cache.requests_with_shared_prefix, 2);
  assert.ok(cache.cached_input_tokens.batch > 0 && cache.cache_write_tokens > 0);
  assert.ok(fiveMinutes.cost.sync.expected < unmarked.cost.sync.expected, 'reads at 0.1x outweigh the first write at 1.25x');
  assert.ok(fiveMinutes.cost.sync.max > unmarked.cost.sync.max, 'max: no hits, and a write on every request');
  assert.ok(fiveMinutes.notes.some((n) => /3 request\(s\) mark cache_control; prefixes up to a breakpoint, from 4,096 tokens/.test(n)));

  const oneHour = await estimateFile(file(['a', 'b', 'c'].map((id) => row(id, { type: 'ephemeral', ttl: '1h' }))), { catalog: anthropic, now: NOW });
  // max writes every request's prefix: above the uncached cost by the written tokens × (write rate − input rate), which
  // is 1× input at the 1-hour rate (2×) and 0.25× at the 5-minute rate (1.25×).
  const extra = (e: typeof unmarked) => e.cost.sync.max - unmarked.cost.sync.max;
  assert.ok(Math.abs(extra(oneHour) / extra(fiveMinutes) - 4) < 1e-6, `${extra(oneHour)} vs ${extra(fiveMinutes)}`);
  assert.ok(oneHour.notes.some((n) => /ask for 1-hour cache writes, priced at 2× input/.test(n)));
});

test("Gemini's implicit cache: automatic, but only from the model's minimum (4,096 tokens)", async () => {
  const row = (id: string, system: string, model: string) =>
    chatLine(id, `question ${id}`, { max_tokens: 50, messages: [{ role: 'system', content: system }, { role: 'user', content: `question ${id}` }] }, model);
  const long = await estimateFile(file(['a', 'b'].map((id) => row(id, LONG, 'gemini-3.8-flash'))), { catalog: gemini, now: NOW });
  assert.equal(long.models[0].cache?.requests_with_shared_prefix, 1);
  assert.ok(long.notes.some((n) => /implicit caching from 4,096 tokens \(Google's caching page/.test(n)));
  // A 2,000-token system prompt is cached by OpenAI (from 1,024) but is below Gemini's minimum.
  const medium = 'Grade the answer. '.repeat(500);
  const short = await estimateFile(file(['a', 'b'].map((id) => row(id, medium, 'gemini-3.8-flash'))), { catalog: gemini, now: NOW });
  assert.equal(short.models[0].cache, null);
  const onOpenAi = await estimateFile(file(['a', 'b'].map((id) => row(id, medium, 'gpt-4o-mini'))), { catalog: openai, now: NOW });
  assert.equal(onOpenAi.models[0].cache?.requests_with_shared_prefix, 1);
});

test('Azure: OpenAI prices and exact counts, and the notes say the prices are OpenAI\'s list prices', async () => {
  const lines = [chatLine('a', 'hello', { max_tokens: 10 }, 'gpt-4o-mini')];
  const path = file(lines);
  const onAzure = await estimateFile(path, { catalog: providerCatalog('azure', openai), now: NOW });
  const onOpenAi = await estimateFile(path, { catalog: openai, now: NOW });
  assert.deepEqual(onAzure.cost, onOpenAi.cost);
  assert.deepEqual([onAzure.input_tokens_source, onAzure.input_tokens_approximate, onAzure.pricing.provider], ['exact', false, 'azure']);
  assert.ok(onAzure.notes.some((n) => /Azure OpenAI is priced at OpenAI's list prices/.test(n)));
  assert.ok(!onOpenAi.notes.some((n) => /Azure/.test(n)));
});

test('--compare still works from an Anthropic file: the target approximates from the o200k_base count', async () => {
  const lines = [chatLine('a', 'hello there', { max_tokens: 100 }, 'claude-haiku-4-5')];
  const e = await estimateFile(file(lines), { catalog: anthropic, now: NOW, compare: [{ from: null, to: 'gemini-3.8-flash' }, { from: null, to: 'azure/gpt-4o-mini' }] });
  const [g, az] = e.comparison!;
  assert.equal(g.input_tokens, Math.ceil(o200k(lines[0]) * 1.1 - 1e-9));
  assert.equal(az.input_tokens, o200k(lines[0]));
  assert.equal(az.priced_as, 'gpt-4o-mini');
});
