import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { RequestFileError } from '../../src/requests/types.ts';
import { ROOT, chatLine, tempDir, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();

test('seed 000: the two gpt-3.5-turbo-0125 requests are 20 + 22 = 42 input tokens, as the real API billed', async () => {
  const e = await estimateFile(join(ROOT, 'examples/hello.jsonl'), { catalog, detail: true, minSavingsUsd: 0 });
  assert.equal(e.requests, 2);
  assert.equal(e.input_tokens, 42);
  assert.deepEqual(e.items!.map((i) => i.input_tokens), [20, 22]);
  assert.deepEqual(e.output_tokens, { low: 2, expected: 512, max: 2000, source: 'heuristic', sample: 0, sources: { heuristic: 2 } });
  // gpt-3.5-turbo-0125: $0.50 in / $1.50 out per 1M; batch half of that.
  assert.ok(Math.abs(e.cost.sync.max - (42 * 0.5 + 2000 * 1.5) / 1e6) < 1e-12);
  assert.ok(Math.abs(e.cost.batch.max - e.cost.sync.max / 2) < 1e-12);
  assert.equal(e.cost.flex, null);
  assert.equal(e.recommendation.mode, 'batch');
  // With the default minimum saving ($0.01), saving a fraction of a cent is not worth a wait.
  const byDefault = await estimateFile(join(ROOT, 'examples/hello.jsonl'), { catalog });
  assert.equal(byDefault.recommendation.mode, 'sync');
  assert.match(byDefault.recommendation.reason, /not worth waiting for/);
});

test('a mixed file is reported per model and in total', async () => {
  const file = writeJsonl([
    chatLine('a', 'hello', { max_tokens: 10 }, 'gpt-4o-mini'),
    chatLine('b', 'hello', { max_tokens: 10 }, 'gpt-5-mini'),
    chatLine('c', 'hello again', { max_tokens: 10 }, 'gpt-4o-mini'),
  ]);
  const e = await estimateFile(file, { catalog });
  assert.deepEqual(e.models.map((m) => [m.model, m.requests]).sort(), [['gpt-4o-mini', 2], ['gpt-5-mini', 1]]);
  const sum = e.models.reduce((s, m) => s + m.cost.sync.expected, 0);
  assert.ok(Math.abs(e.cost.sync.expected - sum) < 1e-12);
  const g5 = e.models.find((m) => m.model === 'gpt-5-mini')!;
  const g4 = e.models.find((m) => m.model === 'gpt-4o-mini')!;
  assert.ok(g5.cost.flex, 'gpt-5-mini has flex');
  assert.equal(g4.cost.flex, null, 'gpt-4o-mini has none');
  // Flex mode runs what has flex at flex and the rest at the standard tier.
  assert.ok(Math.abs(e.cost.flex!.expected - (g5.cost.flex!.expected + g4.cost.sync.expected)) < 1e-12);
  assert.ok(e.notes.some((n) => /gpt-4o-mini has no flex/.test(n)));
  assert.ok(e.split_notes.some((n) => n.kind === 'models'));
});

test('every problem of a bad file at once, sorted, with file:line', async () => {
  const file = writeJsonl([
    chatLine('a', 'ok'),
    'not json',
    chatLine('a', 'duplicate'),
    { custom_id: 'x', method: 'GET', url: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages: [] } },
    chatLine('y', 'unknown model', {}, 'gpt-nonexistent-9'),
    chatLine('z', 'same unknown model', {}, 'gpt-nonexistent-9'),
  ]);
  await assert.rejects(estimateFile(file, { catalog, displayName: 'requests.jsonl' }), (err: unknown) => {
    assert.ok(err instanceof RequestFileError);
    const lines = err.problems.map((p) => p.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.ok(lines.includes(2) && lines.includes(3) && lines.includes(4) && lines.includes(5));
    assert.match(err.message, /^requests\.jsonl:2: /m);
    assert.match(err.message, /requests\.jsonl:3: duplicate custom_id "a" \(first on line 1\)/);
    assert.match(err.message, /requests\.jsonl:5: .*gpt-nonexistent-9.*\(2 lines use this model\)/);
    assert.ok(!lines.includes(6), 'an unknown model is reported once, at its first line');
    return true;
  });
});

test('a short budget on a mixed file: flex where it exists, and the reason names the model without it', async () => {
  const file = writeJsonl([
    chatLine('a', 'write a long essay', { max_completion_tokens: 4000 }, 'gpt-5'),
    chatLine('b', 'short', { max_tokens: 5 }, 'gpt-4o-mini'),
  ]);
  const e = await estimateFile(file, { catalog, latencyBudgetMs: 30 * 60_000 });
  assert.equal(e.recommendation.mode, 'flex');
  assert.match(e.recommendation.reason, /gpt-4o-mini without flex: standard tier/);
});

test('an empty file is an error, not a $0 estimate', async () => {
  await assert.rejects(estimateFile(writeJsonl(['']), { catalog }), /no requests/);
});

test('worker threads give exactly the single-thread result, duplicates across chunks included', async () => {
  const lines: object[] = [];
  for (let i = 0; i < 3000; i++) lines.push(chatLine(`id-${i}`, `message number ${i} ${'lorem ipsum '.repeat(i % 7)}`, { max_tokens: 20 + (i % 5) }));
  const file = writeJsonl(lines);
  const inline = await estimateFile(file, { catalog, workers: 0, detail: true });
  const parallel = await estimateFile(file, { catalog, workers: 2, detail: true });
  assert.deepEqual(parallel, inline);

  lines.push(chatLine('id-5', 'again'));
  const dup = writeJsonl(lines);
  await assert.rejects(estimateFile(dup, { catalog, workers: 2 }), /:3001: duplicate custom_id "id-5" \(first on line 6\)/);
});

test('the reorder buffer: a slow first chunk still comes back first, in line order', async () => {
  // Line 1 holds ~600 KB of unique words (a slow chunk on its own); the small lines after it finish earlier on the
  // other worker. The result must still equal the single-thread scan, line for line.
  const words = Array.from({ length: 90_000 }, (_, i) => `w${(i * 7919) % 100_003}`).join(' ');
  const lines: object[] = [chatLine('big', words, { max_tokens: 5 })];
  for (let i = 0; i < 4000; i++) lines.push(chatLine(`s-${i}`, `short ${i}`, { max_tokens: 5 }));
  const file = writeJsonl(lines);
  const inline = await estimateFile(file, { catalog, workers: 0, detail: true });
  const parallel = await estimateFile(file, { catalog, workers: 2, detail: true });
  assert.deepEqual(parallel.items!.map((i) => i.line), inline.items!.map((i) => i.line));
  assert.deepEqual(parallel, inline);
});

test('a directory is a clear error', async () => {
  await assert.rejects(estimateFile(tempDir(), { catalog }), (err: NodeJS.ErrnoException) => err.code === 'EISDIR');
});
