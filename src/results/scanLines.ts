// Lines of a JSONL file with their byte offsets, so a later pass can read one line back (readLineAt) instead of
// holding every response in memory.
import { createReadStream, readSync } from 'node:fs';

export interface LocatedLine {
  text: string;
  /** Byte offset of the line's first byte in the file. */
  offset: number;
  /** Bytes of the line without its newline. */
  length: number;
}

export async function* scanLines(path: string): AsyncGenerator<LocatedLine> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let fileOffset = 0; // offset of the first byte of `pending` (or of the chunk when nothing is pending)
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    let start = 0;
    let nl = buf.indexOf(0x0a, start);
    while (nl !== -1) {
      const piece = buf.subarray(start, nl);
      const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece], pendingBytes + piece.length);
      const lineStart = fileOffset;
      fileOffset += bytes.length + 1;
      pending = [];
      pendingBytes = 0;
      const line = toLine(bytes, lineStart);
      if (line) yield line;
      start = nl + 1;
      nl = buf.indexOf(0x0a, start);
    }
    if (start < buf.length) {
      const rest = Buffer.from(buf.subarray(start));
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    const line = toLine(Buffer.concat(pending, pendingBytes), fileOffset);
    if (line) yield line;
  }
}

function toLine(bytes: Buffer, offset: number): LocatedLine | null {
  let length = bytes.length;
  if (length > 0 && bytes[length - 1] === 0x0d) length--;
  const text = bytes.subarray(0, length).toString('utf8');
  if (text.trim() === '') return null;
  return { text, offset, length };
}

/** The line at `offset` (as scanLines located it), read with one positioned read on an open descriptor. */
export function readLineAt(fd: number, offset: number, length: number): string {
  const buf = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, offset + read);
    if (n === 0) throw new Error(`readLineAt: file ended at ${offset + read}, expected ${length} bytes from ${offset}`);
    read += n;
  }
  return buf.toString('utf8');
}
