import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLineAt, scanLines } from '../../src/results/index.ts';
import { tempDir } from '../helpers.ts';

test('every line is found at its byte offset (multi-byte text, CRLF, blank lines, no final newline, > 1 MiB)', async () => {
  const path = join(tempDir(), 'f.jsonl');
  const big = 'x'.repeat(1_500_000);
  const lines = ['{"a":"안녕"}', '{"b":1}', '', `{"c":"${big}"}`, '{"d":"é"}'];
  writeFileSync(path, lines[0] + '\r\n' + lines[1] + '\n\n' + lines[3] + '\n' + lines[4]);
  const found = [];
  for await (const l of scanLines(path)) found.push(l);
  assert.deepEqual(found.map((l) => l.text), [lines[0], lines[1], lines[3], lines[4]]);
  const fd = openSync(path, 'r');
  try {
    for (const l of found) assert.equal(readLineAt(fd, l.offset, l.length), l.text);
  } finally {
    closeSync(fd);
  }
});
