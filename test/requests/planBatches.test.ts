import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planBatches, toPlanLine, validateLine } from '../../src/requests/index.ts';
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
  assert.deepEqual(parts, [{ url: chat, model: 'a', lines: [1, 2, 4], bytes: 30, embeddingInputs: 0 }]);
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
