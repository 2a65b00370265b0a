// Part files for one round: the input streamed once, each planned line copied into its part. The sha256 of each part
// is computed while writing; it names the part remotely (batch metadata), so a rerun finds the batch it already made.
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { readJsonlLines } from '../../requests/index.ts';
import type { BatchPart } from '../../requests/index.ts';

export interface WrittenPart {
  key: string;
  path: string;
  sha256: string;
  part: BatchPart;
}

export async function writeParts(inputPath: string, dir: string, keys: string[], parts: BatchPart[]): Promise<WrittenPart[]> {
  mkdirSync(dir, { recursive: true });
  const partOf = new Map<number, number>();
  parts.forEach((p, i) => {
    for (const line of p.lines) partOf.set(line, i);
  });
  const outs: { stream: WriteStream; hash: Hash; path: string }[] = parts.map((_, i) => {
    const path = join(dir, `${keys[i]}.jsonl`);
    return { stream: createWriteStream(path), hash: createHash('sha256'), path };
  });
  try {
    for await (const raw of readJsonlLines(inputPath)) {
      const i = partOf.get(raw.line);
      if (i === undefined) continue;
      const out = outs[i];
      const text = `${raw.text}\n`;
      out.hash.update(text);
      if (!out.stream.write(text)) await once(out.stream, 'drain');
    }
  } finally {
    await Promise.all(outs.map(async (o) => {
      o.stream.end();
      await once(o.stream, 'finish');
    }));
  }
  return outs.map((o, i) => ({ key: keys[i], path: o.path, sha256: o.hash.digest('hex'), part: parts[i] }));
}
