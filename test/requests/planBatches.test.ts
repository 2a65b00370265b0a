import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planBatches, toPlanLine, validateLine } from '../../src/requests/index.ts';
import { piecesToFit, splitEvenly } from '../../src/requests/planBatches.ts';
import type { TokenPlanLine } from '../../src/requests/planBatches.ts';
import type { BatchPart, Endpoint, PlanLine } from '../../src/requests/index.ts';

const chat: Endpoint = '/v1/chat/completions';
const emb: Endpoint = '/v1/embeddings';
const line = (n: number, model = 'a', bytes = 10, url: Endpoint = chat, embeddingInputs?: number): PlanLine =>
  embeddingInputs === undefined ? { line: n, url, model, bytes } : { line: n, url, model, bytes, embeddingInputs };
const limits = { maxLines: 3, maxBytes: 100, maxEmbeddingInputs: 10 };

/** Invariants any plan must keep, whatever the input: every line once, one group per part, limits held. */
function assertPlanIsSound(input: PlanLine[], parts: BatchPart[]): void {
  const byLine = new Map(input.map((l) => [l.line, l]));
  const seen = parts.flatMap((p) => p.lines);
  assert.deepEqual([...seen].sort((x, y) => x - y), input.map((l) => l.line).sort((x, y) => x - y));
  for (const part of parts) {
    const members = part.lines.map((n) => byLine.get(n)!);
    assert.ok(members.every((m) => m.url === part.url && m.model === part.model), 'one (url, model) per part');
    assert.deepEqual(part.lines, [...part.lines].sort((x, y) => x - y), 'input order inside a part');
    assert.equal(part.bytes, members.reduce((s, m) => s + m.bytes, 0));
    if (part.lines.length > 1) {
      assert.ok(part.lines.length <= limits.maxLines);
      assert.ok(part.bytes <= limits.maxBytes);
      assert.ok(part.embeddingInputs <= limits.maxEmbeddingInputs);
    }
  }
}

test('one file of one model under the limits is one part', () => {
  const input = [line(1), line(2), line(4)];
  const parts = planBatches(input, limits);
  assert.deepEqual(parts, [{ url: chat, model: 'a', lines: [1, 2, 4], bytes: 30, embeddingInputs: 0, tokens: 0 }]);
});

test('splits by line count, by bytes and by embedding inputs', () => {
  assert.deepEqual(planBatches([1, 2, 3, 4, 5, 6, 7].map((n) => line(n)), limits).map((p) => p.lines), [[1, 2, 3], [4, 5, 6], [7]]);
  assert.deepEqual(planBatches([line(1, 'a', 60), line(2, 'a', 40), line(3, 'a', 1)], limits).map((p) => p.lines), [[1, 2], [3]]);
  const embeddings = [line(1, 'e', 1, emb, 6), line(2, 'e', 1, emb, 4), line(3, 'e', 1, emb, 1)];
  assert.deepEqual(planBatches(embeddings, limits).map((p) => [p.lines, p.embeddingInputs]), [[[1, 2], 10], [[3], 1]]);
});

test('interleaved models and urls become one group each, in input order', () => {
  const input = [line(1, 'a'), line(2, 'b'), line(3, 'a', 10, emb, 1), line(4, 'a'), line(5, 'b'), line(6, 'a')];
  const parts = planBatches(input, limits);
  assert.deepEqual(
    parts.map((p) => [p.url, p.model, p.lines]),
    [[chat, 'a', [1, 4, 6]], [chat, 'b', [2, 5]], [emb, 'a', [3]]],
  );
  assertPlanIsSound(input, parts);
});

test('a single line over a limit gets a part of its own', () => {
  const parts = planBatches([line(1, 'a', 10), line(2, 'a', 500), line(3, 'a', 10)], limits);
  assert.deepEqual(parts.map((p) => p.lines), [[1], [2], [3]]);
});

test('a larger mixed file keeps every invariant', () => {
  // Deterministic pseudo-random mix (an LCG), so a failure is reproducible.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const input: PlanLine[] = [];
  for (let n = 1; n <= 2000; n++) {
    const isEmb = next() < 0.3;
    input.push(line(n, ['a', 'b', 'c'][Math.floor(next() * 3)], 1 + Math.floor(next() * 60), isEmb ? emb : chat, isEmb ? 1 + Math.floor(next() * 5) : undefined));
  }
  const parts = planBatches(input, limits);
  assertPlanIsSound(input, parts);
  assert.ok(parts.length >= Math.ceil(input.length / limits.maxLines));
});

test('the defaults are the API limits: 50,000 lines per part', () => {
  const input = Array.from({ length: 120_001 }, (_, i) => line(i + 1, 'a', 100));
  assert.deepEqual(planBatches(input).map((p) => p.lines.length), [50_000, 50_000, 20_001]);
});

test('toPlanLine takes url, model and embedding input count from a validated request', () => {
  const text = JSON.stringify({ custom_id: 'x', method: 'POST', url: emb, body: { model: 'text-embedding-3-small', input: ['a', 'b'] } });
  const { request } = validateLine(text, 4);
  assert.ok(request);
  assert.deepEqual(toPlanLine(4, request, 99), { line: 4, url: emb, model: 'text-embedding-3-small', bytes: 99, embeddingInputs: 2 });
});

const tokenLine = (n: number, tokens: number, model = 'a'): TokenPlanLine => ({ line: n, url: chat, model, bytes: 1, tokens });

test('splits by input tokens too: one cap for every model, or one per model (a model without one has none)', () => {
  const input = [1, 2, 3, 4, 5, 6].map((n) => tokenLine(n, 40));
  assert.deepEqual(planBatches(input, { maxTokens: 100 }).map((p) => [p.lines, p.tokens]), [[[1, 2], 80], [[3, 4], 80], [[5, 6], 80]]);
  const mixed = [tokenLine(1, 40, 'a'), tokenLine(2, 40, 'b'), tokenLine(3, 40, 'a'), tokenLine(4, 40, 'b'), tokenLine(5, 40, 'a')];
  assert.deepEqual(
    planBatches(mixed, { maxTokens: { a: 50 } }).map((p) => [p.model, p.lines]),
    [['a', [1]], ['b', [2, 4]], ['a', [3]], ['a', [5]]],
  );
  // A line above the cap gets a part of its own, as with every other limit; lines still cap first.
  assert.deepEqual(planBatches([tokenLine(1, 10), tokenLine(2, 500), tokenLine(3, 10)], { maxTokens: 100 }).map((p) => p.lines), [[1], [2], [3]]);
  assert.deepEqual(planBatches(input, { maxTokens: 1000, maxLines: 4 }).map((p) => p.lines.length), [4, 2]);
});

test('splitEvenly cuts a part into equal pieces by tokens, in input order, with no small remainder', () => {
  const input = Array.from({ length: 21 }, (_, i) => tokenLine(i + 1, 10 + (i % 3)));
  const total = input.reduce((t, l) => t + l.tokens!, 0);
  for (const pieces of [1, 2, 3, 5, 8, 21]) {
    const parts = splitEvenly(input, pieces);
    assert.equal(parts.length, pieces);
    assert.deepEqual(parts.flatMap((p) => p.lines), input.map((l) => l.line), 'every line once, in order');
    assert.ok(parts.every((p) => p.tokens <= total / pieces + 12), 'at most an equal share plus one line');
    assert.ok(parts.every((p) => p.tokens >= total / pieces - 12), 'at least an equal share minus one line');
    assert.deepEqual(splitEvenly(input, pieces), parts, 'the same cut every time');
  }
  assert.equal(splitEvenly(input, 50).length, 21, 'never more pieces than lines');
});

test('piecesToFit: the fewest equal pieces that each fit the room', () => {
  const input = Array.from({ length: 100 }, (_, i) => tokenLine(i + 1, 10));
  assert.equal(piecesToFit(input, 1000), 1);
  // 1,000 tokens in a room of 190: 6 pieces, the fewest possible.
  assert.equal(piecesToFit(input, 190), 6);
  assert.ok(splitEvenly(input, 6).every((p) => p.tokens <= 190));
  assert.equal(piecesToFit([tokenLine(1, 500), tokenLine(2, 500)], 100), 2, 'lines bigger than the room: one each');
});
