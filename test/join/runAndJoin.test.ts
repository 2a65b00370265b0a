// End to end: prepare a table, run it through the Batch API of the emulator, join the answers back — some fail,
// some do not parse, and those come back as requests ready to run again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { startEmulator } from '../../src/emulator/index.ts';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { loadCatalog } from '../../src/pricing/index.ts';
import { prepareRequests } from '../../src/prepare/index.ts';
import { runFile } from '../../src/run/index.ts';
import { answerText } from '../../src/results/index.ts';
import type { ResultRecord } from '../../src/results/types.ts';
import { joinResults } from '../../src/join/index.ts';
import { tempDir } from '../helpers.ts';
import { writeTable } from '../prepare/helpers.ts';

const KEY = 'sk-test';
let emu: RunningEmulator;
before(async () => {
  emu = await startEmulator({ seed: 3, failRate: 0.25, completeAfterMs: 300, validateMs: 20, finalizeMs: 20 });
});
after(() => emu.close());

test('prepare → run (batch, emulator) → join: every row back, failed rows with their error, unparsed ones ready to rerun', async () => {
  const dir = tempDir();
  const rows = Array.from({ length: 16 }, (_, i) => `q${i + 1},"질문 ${i + 1}: ""왜""?\n둘째 줄"`);
  const data = writeTable('questions.csv', '\uFEFFqid,question\n' + rows.join('\n') + '\n', dir);
  const requests = join(dir, 'requests.jsonl');
  await prepareRequests({ data, out: requests, model: 'gpt-4o-mini', prompt: 'Answer in one sentence: {{question}}', idColumn: 'qid', maxTokens: 60 });

  const outDir = join(dir, 'run');
  const summary = await runFile(requests, {
    mode: 'batch', outDir, catalog: loadCatalog(), apiKey: KEY, baseURL: emu.url, retries: 0, syncRetryThreshold: 0,
    pollIntervalMs: { min: 50, max: 200 },
  });
  assert.ok(summary);
  const results = join(outDir, 'results.jsonl');
  const records: ResultRecord[] = readFileSync(results, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(records.length, 16);

  // The emulator's answers are sentences of its own words; only some mention "batch" — the rest "do not parse".
  const pattern = '\\b(?<word>batch|model)\\b';
  const re = new RegExp(pattern, 'u');
  const ok = records.filter((r) => r.status === 'succeeded');
  const expectUnparsed = ok.filter((r) => !re.test(answerText(r.response))).map((r) => r.custom_id);
  const failedIds = records.filter((r) => r.status !== 'succeeded').map((r) => r.custom_id);
  assert.ok(failedIds.length > 0, 'the fail rate left some requests failed');
  assert.ok(expectUnparsed.length > 0 && expectUnparsed.length < ok.length, 'some answers parse and some do not');

  const out = join(outDir, 'results.csv');
  const s = await joinResults({ data, results, out, idColumn: 'qid', parse: pattern, requests });
  assert.deepEqual(s.unparsed.ids, expectUnparsed.slice(0, 10));
  assert.equal(s.unparsed.count, expectUnparsed.length);
  assert.equal(s.parsed, ok.length - expectUnparsed.length);

  const table: string[][] = parse(readFileSync(out, 'utf8'));
  assert.deepEqual(table[0], ['qid', 'question', 'answer', 'word', 'status', 'input_tokens', 'output_tokens', 'cost_usd', 'error']);
  assert.equal(table.length, 17);
  const byId = new Map(records.map((r) => [r.custom_id, r]));
  table.slice(1).forEach((row, i) => {
    assert.equal(row[0], `q${i + 1}`);
    assert.equal(row[1], `질문 ${i + 1}: "왜"?\n둘째 줄`, 'the source columns come back untouched');
    const r = byId.get(row[0])!;
    assert.equal(row[4], r.status);
    if (r.status === 'succeeded') {
      assert.equal(row[2], answerText(r.response));
      assert.equal(Number(row[7]), r.cost_usd);
    } else {
      assert.equal(row[2], '');
      assert.equal(row[8], `${r.error!.code}: ${r.error!.message}`);
    }
  });

  // unparsed.jsonl: the request lines that ran, for exactly the unparsed rows, in input order.
  const requestLines = readFileSync(requests, 'utf8').trimEnd().split('\n');
  const want = requestLines.filter((l) => expectUnparsed.includes(JSON.parse(l).custom_id));
  assert.equal(readFileSync(s.unparsed_path!, 'utf8'), want.join('\n') + '\n');

  for (const file of [out, s.unparsed_path!]) assert.ok(!readFileSync(file, 'utf8').includes(KEY), `${file} holds no API key`);
});
