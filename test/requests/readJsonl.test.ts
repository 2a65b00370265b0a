import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { readJsonlLines, readJsonlStream } from '../../src/requests/index.ts';
import type { RawLine } from '../../src/requests/index.ts';

const BOM = '\uFEFF';
const korean = '{"custom_id":"ko","body":{"messages":[{"role":"user","content":"안녕하세요, 배치 요청입니다 😀"}]}}';

// Each physical line of the file as written (with its own line ending), and what the reader should make of it.
const physical = [
  { raw: `${BOM}{"custom_id":"a"}\r\n`, text: '{"custom_id":"a"}' },
  { raw: '   \r\n', text: null },
  { raw: `${korean}\r\n`, text: korean },
  { raw: '\n', text: null },
  { raw: '\t\n', text: null },
  { raw: '{"custom_id":"b","note":"한국어 텍스트"}\n', text: '{"custom_id":"b","note":"한국어 텍스트"}' },
  { raw: '{"custom_id":"last"}', text: '{"custom_id":"last"}' }, // no final newline
];
const fileText = physical.map((p) => p.raw).join('');
const expected: RawLine[] = physical.flatMap((p, i) =>
  p.text === null ? [] : [{ line: i + 1, text: p.text, bytes: Buffer.byteLength(p.raw, 'utf8') }],
);

async function collect(lines: AsyncIterable<RawLine>): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

test('reads BOM + CRLF + blank lines + Korean from a file with chunks split inside characters', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'batchwise-requests-'));
  try {
    const path = join(dir, 'requests.jsonl');
    await writeFile(path, fileText, 'utf8');
    // Default path (1 MiB chunks) and tiny chunks that split lines, CRLF pairs and multi-byte characters.
    assert.deepEqual(await collect(readJsonlLines(path)), expected);
    for (const highWaterMark of [1, 2, 3, 5, 7, 16]) {
      const got = await collect(readJsonlStream(createReadStream(path, { highWaterMark })));
      assert.deepEqual(got, expected, `highWaterMark ${highWaterMark}`);
    }
    // The yielded bytes plus the skipped blank lines are the whole file: nothing counted twice or lost.
    const blankBytes = physical.filter((p) => p.text === null).reduce((n, p) => n + Buffer.byteLength(p.raw), 0);
    const yielded = expected.reduce((n, l) => n + l.bytes, 0);
    assert.equal(yielded + blankBytes, (await stat(path)).size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('splits at every byte boundary of a Readable of Buffers', async () => {
  const bytes = Buffer.from(fileText, 'utf8');
  for (let cut = 1; cut < bytes.length; cut += 3) {
    const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
    assert.deepEqual(await collect(readJsonlStream(Readable.from(chunks))), expected, `cut at byte ${cut}`);
  }
});

test('accepts a string stream (stdin with setEncoding)', async () => {
  assert.deepEqual(await collect(readJsonlStream(Readable.from([fileText.slice(0, 30), fileText.slice(30)]))), expected);
});

test('a BOM only counts on line 1; a later U+FEFF is kept as text', async () => {
  const got = await collect(readJsonlStream(Readable.from([Buffer.from(`{}\n${BOM}{}\n`)])));
  assert.deepEqual(got.map((l) => l.text), ['{}', `${BOM}{}`]);
  assert.equal(got[1].bytes, 3 + 3);
});

test('flags invalid UTF-8 bytes but not a genuine U+FFFD', async () => {
  const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
  const genuine = Buffer.from('{"a":"\uFFFD"}\n');
  const got = await collect(readJsonlStream(Readable.from([bad, genuine])));
  assert.equal(got[0].invalidUtf8, true);
  assert.equal(got[1].invalidUtf8, undefined);
  assert.equal(got[1].text, '{"a":"\uFFFD"}');
});

test('a long line spread over many chunks comes out whole, and an empty file yields nothing', async () => {
  const long = `{"x":"${'가'.repeat(100_000)}"}`;
  const buf = Buffer.from(`${long}\n`);
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += 4099) chunks.push(buf.subarray(i, i + 4099));
  const got = await collect(readJsonlStream(Readable.from(chunks)));
  assert.equal(got.length, 1);
  assert.equal(got[0].text, long);
  assert.equal(got[0].bytes, buf.length);
  assert.deepEqual(await collect(readJsonlStream(Readable.from([]))), []);
  assert.deepEqual(await collect(readJsonlStream(Readable.from([Buffer.from('\n\r\n  ')]))), []);
});

test('readJsonlChunks + linesOfChunk yield exactly what readJsonlLines yields, at any chunk size', async () => {
  const { readJsonlChunks, linesOfChunk, readJsonlLines } = await import('../../src/requests/index.ts');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const path = join(mkdtempSync(join(tmpdir(), 'bw-chunks-')), 'f.jsonl');
  const body = '\uFEFF{"a":1}\r\n\n  \n{"b":"배송이 빠르고"}\n' + '{"c":"' + 'x'.repeat(5000) + '"}\n\n{"d":4}';
  writeFileSync(path, body);
  const expected = [];
  for await (const l of readJsonlLines(path)) expected.push(l);
  for (const size of [1, 7, 64, 4096, 1 << 20]) {
    const got = [];
    let lines = 0;
    for await (const chunk of readJsonlChunks(path, size)) {
      assert.equal(chunk.firstLine, lines + 1, 'chunks are contiguous');
      lines += chunk.lines;
      got.push(...linesOfChunk(chunk));
    }
    assert.deepEqual(got, expected, `chunk size ${size}`);
    assert.equal(lines, 7);
  }
});
