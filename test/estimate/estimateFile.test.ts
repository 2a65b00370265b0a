import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { estimateFile } from '../../src/estimate/estimateFile.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { RequestFileError } from '../../src/requests/types.ts';
import { ROOT, chatLine, writeJsonl } from '../helpers.ts';

const catalog = loadCatalog();

test('seed 000: the two gpt-3.5-turbo-0125 requests are 20 + 22 = 42 input tokens, as the real API billed', async () => {
  const e = await estimateFile(join(ROOT, 'examples/hello.jsonl'), { catalog, detail: true });
  assert.equal(e.requests, 2);
  assert.equal(e.input_tokens, 42);
  assert.deepEqual(e.items!.map((i) => i.input_tokens), [20, 22]);
  assert.deepEqual(e.output_tokens, { low: 2, expected: 512, max: 2000 });
  // gpt-3.5-turbo-0125: $0.50 in / $1.50 out per 1M; batch half of that.
  assert.ok(Math.abs(e.cost.sync.max - (42 * 0.5 + 2000 * 1.5) / 1e6) < 1e-12);
  assert.ok(Math.abs(e.cost.batch.max - e.cost.sync.max / 2) < 1e-12);
  assert.equal(e.cost.flex, null);
  assert.equal(e.recommendation.mode, 'batch');
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
  assert.equal(e.cost.flex, null, 'flex total needs every model to have flex');
  assert.ok(e.models.find((m) => m.model === 'gpt-5-mini')!.cost.flex, 'gpt-5-mini has flex');
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
