// The one JSONL reader. It works on bytes, not decoded text, so that byte counts are exact (the 200 MB rule) and a
// multi-byte character split across two chunks is never decoded in halves.
import { createReadStream } from 'node:fs';
import type { RawLine } from './types.ts';

/** What the caller reports for a line whose bytes are not UTF-8 (RawLine.invalidUtf8). */
export const INVALID_UTF8 = 'not valid UTF-8 (the Batch API reads request files as UTF-8)';

const NEWLINE = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf] as const;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Streams a JSONL file line by line (never the whole file in memory). See readJsonlStream. */
export function readJsonlLines(path: string): AsyncGenerator<RawLine> {
  // 1 MiB chunks: far fewer iterations than the 64 KiB default on a 200 MB file.
  return readJsonlStream(createReadStream(path, { highWaterMark: 1 << 20 }));
}

/** Yields every non-blank line with its 1-based number and byte length (newline included). Strips a UTF-8 BOM on
 *  line 1 and a trailing \r. Whitespace-only lines are skipped but still counted. A last line without newline is fine. */
export async function* readJsonlStream(stream: NodeJS.ReadableStream): AsyncGenerator<RawLine> {
  let lineNumber = 0;
  // Pieces of a line that started in an earlier chunk; usually empty.
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    let start = 0;
    let nl = buf.indexOf(NEWLINE, start);
    while (nl !== -1) {
      let bytes: Buffer;
      if (pending.length === 0) {
        bytes = buf.subarray(start, nl + 1);
      } else {
        pending.push(buf.subarray(start, nl + 1));
        bytes = Buffer.concat(pending, pendingBytes + nl + 1 - start);
        pending = [];
        pendingBytes = 0;
      }
      lineNumber++;
      const raw = toRawLine(bytes, lineNumber);
      if (raw) yield raw;
      start = nl + 1;
      nl = buf.indexOf(NEWLINE, start);
    }
    if (start < buf.length) {
      // Copy: some streams reuse their chunk buffers.
      const rest = Buffer.from(buf.subarray(start));
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }

  if (pendingBytes > 0) {
    lineNumber++;
    const raw = toRawLine(Buffer.concat(pending, pendingBytes), lineNumber);
    if (raw) yield raw;
  }
}

/** A run of whole lines of a file, as bytes, with the number of its first line: what a worker thread can split and
 *  scan on its own (the bytes are a fresh copy, safe to transfer). `lines` counts every line, blank ones too. */
export interface LineChunk {
  firstLine: number;
  lines: number;
  bytes: Uint8Array;
}

/** Streams a file as LineChunks of about `chunkBytes`, each ending after a newline (or at the end of the file). The
 *  reader thread only looks for newlines; decoding and everything after it happen where the chunk is sent. */
export async function* readJsonlChunks(path: string, chunkBytes = 1 << 20): AsyncGenerator<LineChunk> {
  let nextLine = 1;
  let carry: Buffer | null = null;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const lastNewline = buf.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      carry = Buffer.from(buf);
      continue;
    }
    const whole = buf.subarray(0, lastNewline + 1);
    const lines = countNewlines(whole);
    yield { firstLine: nextLine, lines, bytes: new Uint8Array(whole) };
    nextLine += lines;
    carry = lastNewline + 1 < buf.length ? Buffer.from(buf.subarray(lastNewline + 1)) : null;
  }
  if (carry && carry.length > 0) yield { firstLine: nextLine, lines: 1, bytes: new Uint8Array(carry) };
}

/** The non-blank lines of a LineChunk, as readJsonlStream would have yielded them. */
export function linesOfChunk(chunk: LineChunk): RawLine[] {
  const buf = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const out: RawLine[] = [];
  let line = chunk.firstLine;
  for (let start = 0; start < buf.length; line++) {
    const nl = buf.indexOf(NEWLINE, start);
    const end = nl === -1 ? buf.length : nl + 1;
    const raw = toRawLine(buf.subarray(start, end), line);
    if (raw) out.push(raw);
    start = end;
  }
  return out;
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let at = buf.indexOf(NEWLINE); at !== -1; at = buf.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

/** `bytes` is the whole line as in the file, newline included if there was one. Null for a blank line. */
function toRawLine(bytes: Buffer, line: number): RawLine | null {
  let from = 0;
  let to = bytes.length;
  if (to > 0 && bytes[to - 1] === NEWLINE) to--;
  if (to > from && bytes[to - 1] === CR) to--;
  if (line === 1 && to - from >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) from = 3;

  const content = bytes.subarray(from, to);
  const text = content.toString('utf8');
  if (isBlank(text)) return null;

  const raw: RawLine = { line, text, bytes: bytes.length };
  // Buffer#toString replaces bad bytes with U+FFFD silently; only a line that shows one pays for the strict check.
  if (text.includes('\uFFFD') && !isStrictUtf8(content)) raw.invalidUtf8 = true;
  return raw;
}

function isBlank(text: string): boolean {
  if (text.length === 0) return true;
  // Cheap exit for the normal case, a line starting with `{` (any visible ASCII character).
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return text.trim().length === 0;
}

function isStrictUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
