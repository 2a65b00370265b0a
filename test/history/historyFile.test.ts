import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendHistory, compactHistory, observeResults, predict, readHistory, shapeOf } from '../../src/history/index.ts';
import { chatBody, chatUsage, observation } from './helpers.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'bw-history-'));
  dirs.push(d);
  return d;
}

const CHAT = '/v1/chat/completions';
const shape = shapeOf(CHAT, chatBody('row'));

test('observe → append → read → predict, across two nightly runs', async () => {
  const path = join(await tempDir(), '.batchwise', 'history.jsonl');
  const night = (day: number, outputs: number[]) =>
    observeResults(
      outputs.map((out, i) => ({ shape: shapeOf(CHAT, chatBody(`row ${day}-${i}`)), mode: 'batch' as const, usage: chatUsage(out) })),
      { run_at: `2026-11-0${day}T02:00:00.000Z`, run_id: `night-${day}`, file: 'nightly.jsonl' },
    );
  await appendHistory(path, night(1, new Array(300).fill(100)));
  const result = await appendHistory(path, night(2, new Array(300).fill(100)));
  assert.deepEqual(result, { appended: 1, compacted: false, dropped: 0 });

  const { observations, skipped } = await readHistory(path);
  assert.equal(skipped, 0);
  assert.equal(observations.length, 2);
  const p = predict(observations, shapeOf(CHAT, chatBody('a row of tomorrow')));
  assert.ok(p);
  assert.equal(p.expected_per_request, 100);
  assert.deepEqual([p.sample, p.runs, p.match, p.source, p.same_cap], [600, 2, 'shape', 'history', true]);
  assert.equal(p.reason, 'expected output from 2 earlier runs, 600 answers');
});

test('a missing file is an empty history', async () => {
  assert.deepEqual(await readHistory(join(await tempDir(), 'none.jsonl')), { observations: [], skipped: 0 });
});

test('corrupt lines are skipped and counted, never fatal', async () => {
  const path = join(await tempDir(), 'history.jsonl');
  const good = observation(shape, 1, 80);
  await writeFile(
    path,
    [
      JSON.stringify(good),
      '{"v":1,"run_at":"2026-11-02T02',
      'not json',
      JSON.stringify({ ...good, n: -3 }),
      JSON.stringify({ ...good, mode: 'teleport' }),
      JSON.stringify({ ...good, run_at: 'yesterday' }),
      '[1,2]',
      '',
      JSON.stringify({ ...observation(shape, 2, 90), extra: 'kept out' }),
    ].join('\n'),
  );
  const { observations, skipped } = await readHistory(path);
  assert.equal(skipped, 6);
  assert.deepEqual(observations, [good, observation(shape, 2, 90)]);
});

test('append creates the folder; an empty append writes nothing', async () => {
  const dir = await tempDir();
  const path = join(dir, 'a', 'b', 'history.jsonl');
  assert.deepEqual(await appendHistory(path, []), { appended: 0, compacted: false, dropped: 0 });
  await assert.rejects(readFile(path));
  await appendHistory(path, [observation(shape, 1, 10)]);
  assert.equal((await readFile(path, 'utf8')).split('\n').filter(Boolean).length, 1);
});

test('a file without its last newline: the appended line does not fuse with it', async () => {
  const path = join(await tempDir(), 'history.jsonl');
  await writeFile(path, JSON.stringify(observation(shape, 1, 10)));
  await appendHistory(path, [observation(shape, 2, 20)]);
  assert.deepEqual(await readHistory(path), { observations: [observation(shape, 1, 10), observation(shape, 2, 20)], skipped: 0 });
});

test('more than N runs of a shape: the file is compacted to the newest N, other shapes untouched', async () => {
  const dir = await tempDir();
  const path = join(dir, 'history.jsonl');
  const other = shapeOf(CHAT, chatBody('row', {}, 'Another prompt.'));
  await appendHistory(path, [observation(other, 1, 7)], { maxRunsPerShape: 3 });
  // A torn line from a crash: dropped by the rewrite. A newer batchwise's line: kept as it was.
  await appendFile(path, '{"v":1,"torn\n{"v":2,"shape":"future"}\n');
  const results = [];
  for (let day = 2; day <= 6; day++) results.push(await appendHistory(path, [observation(shape, day, day * 10)], { maxRunsPerShape: 3 }));
  assert.deepEqual(results.map((r) => r.compacted), [false, false, false, true, true]);
  assert.equal(results[3].dropped, 1);

  const { observations, skipped } = await readHistory(path);
  assert.deepEqual(
    observations.map((o) => [o.shape, o.run_id]),
    [[other.id, 'run-1'], [shape.id, 'run-4'], [shape.id, 'run-5'], [shape.id, 'run-6']],
  );
  assert.equal(skipped, 1, 'only the newer-version line is left to skip');
  assert.match(await readFile(path, 'utf8'), /\{"v":2,"shape":"future"\}/);
  assert.deepEqual(await readdir(dir), ['history.jsonl'], 'no temp file left behind');
});

test('compaction counts runs, not lines: a run in two modes is one run', () => {
  const obs = [1, 2, 3].flatMap((day) => [observation(shape, day, 10), observation(shape, day, 10, 5, { mode: 'sync' })]);
  const kept = compactHistory(obs, { maxRunsPerShape: 2, maxObservations: 100 });
  assert.deepEqual(kept.map((o) => `${o.run_id} ${o.mode}`), ['run-2 batch', 'run-2 sync', 'run-3 batch', 'run-3 sync']);
});

test('the whole file is bounded too, newest runs first', () => {
  const shapes = [1, 2, 3, 4].map((i) => shapeOf(CHAT, chatBody('row', {}, `prompt ${i}`)));
  const obs = shapes.map((s, i) => observation(s, i + 1, 10));
  const kept = compactHistory(obs, { maxRunsPerShape: 50, maxObservations: 2 });
  assert.deepEqual(kept.map((o) => o.run_id), ['run-3', 'run-4']);
});
