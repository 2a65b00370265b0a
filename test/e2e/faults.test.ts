// Calls that fail: 500/503 answers and connection resets on every kind of call, and a reset in the middle of a
// download. The run must end with every answer and without a duplicate batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFile } from 'openai';
import { downloadFile } from '../../src/run/batch/downloadFile.ts';
import { openAIProvider } from '../../src/run/providers/openai/openaiProvider.ts';
import { tempDir } from '../helpers.ts';
import { allBatches, assertOnePerRequest, clientFor, emulator, requestFile, run } from './helpers.ts';

test('5xx and connection resets on uploads, creates, polls and downloads: all answers, one batch per part', async () => {
  const emu = await emulator({ httpFaultRate: 0.25, dropRate: 0.15, seed: 3 });
  try {
    const file = requestFile(24);
    const { summary, results } = await run(file, emu, { partLimits: { maxLines: 8 } });
    assertOnePerRequest(results, 24, assert);
    assert.equal(summary.exit_code, 0);
    const batches = await allBatches(emu);
    assert.equal(batches.length, 3, 'exactly one batch per part despite failed create calls');
    assert.deepEqual(new Set(batches.map((b) => b.metadata?.batchwise_part_sha256)).size, 3);
  } finally {
    await emu.close();
  }
});

test('a download cut off half-way is fetched again, and what is kept on disk is whole', async () => {
  // A dropped …/content call sends its headers and half the body, then resets the connection.
  const emu = await emulator({ dropRate: 0.3, seed: 1 });
  try {
    const client = clientFor(emu);
    const body = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ custom_id: `c${i}`, pad: 'x'.repeat(40) })).join('\n') + '\n';
    const f = await client.files.create({ file: await toFile(Buffer.from(body), 'out.jsonl'), purpose: 'batch' });
    const logs: string[] = [];
    const dest = join(tempDir(), 'copy.jsonl');
    for (let i = 0; i < 8 && logs.length === 0; i++) {
      await downloadFile(openAIProvider({ client }), f.id, dest, { log: (l) => logs.push(l) });
      assert.equal(readFileSync(dest, 'utf8'), body);
    }
    assert.ok(logs.some((l) => /download of file-\S+ broke off/.test(l)), 'at least one download was cut off');
    assert.ok(!existsSync(`${dest}.part`), 'no partial file left behind');
  } finally {
    await emu.close();
  }
});
