// Anthropic has no file upload: a Message Batch is created with all its requests in the body. The part file is read
// line by line, each line translated, and the create body written to disk next to the part (written whole under a
// temporary name, then renamed, so a killed run never leaves half a body that looks finished). The limits are checked
// on the translated bytes, since those are what the API counts.
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { readJsonlLines } from '../../../requests/readJsonl.ts';
import { translateLine } from './translateRequest.ts';
import { ANTHROPIC_BATCH_LIMITS } from './wire.ts';

/** Where the create body of a part file is kept. */
export function bodyPathOf(partPath: string): string {
  return `${partPath}.anthropic-batch.json`;
}

/** A part that cannot become one Message Batch: a line the translation refuses (check() should have caught it), or
 *  more requests or bytes than one batch takes. Nothing was sent. */
export class AnthropicPartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnthropicPartError';
  }
}

export interface WrittenBody {
  path: string;
  requests: number;
  bytes: number;
}

/** Translates the part file into the create body `{"requests":[…]}` beside it. */
export async function writeBatchBody(partPath: string, signal?: AbortSignal, limits = ANTHROPIC_BATCH_LIMITS): Promise<WrittenBody> {
  const path = bodyPathOf(partPath);
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  const out = createWriteStream(tmp);
  // A write still pending when the stream is destroyed (a refused part) fails after the fact: kept, not thrown.
  let streamError: unknown = null;
  out.on('error', (err) => {
    streamError ??= err;
  });
  let requests = 0;
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    await write('{"requests":[');
    for await (const raw of readJsonlLines(partPath)) {
      signal?.throwIfAborted();
      let parsed: { custom_id?: unknown; url?: unknown; body?: unknown };
      try {
        parsed = JSON.parse(raw.text) as typeof parsed;
      } catch {
        throw new AnthropicPartError(`${partPath}:${raw.line}: not JSON`);
      }
      const { request, problems } = translateLine({ custom_id: parsed.custom_id, url: parsed.url, body: parsed.body });
      if (!request) throw new AnthropicPartError(`${partPath}:${raw.line}: ${problems.map((p) => p.message).join('; ')}`);
      requests++;
      if (requests > limits.maxLines) throw new AnthropicPartError(`${partPath}: more than ${limits.maxLines} requests; one Message Batch takes at most ${limits.maxLines}`);
      await write((requests > 1 ? ',' : '') + JSON.stringify(request));
      if (bytes > limits.maxBytes) throw new AnthropicPartError(`${partPath}: the translated batch passes ${limits.maxBytes} bytes, the most one Message Batch takes`);
    }
    if (requests === 0) throw new AnthropicPartError(`${partPath}: no requests`);
    await write(']}');
    out.end();
    await finished(out);
    if (streamError) throw streamError;
    await rename(tmp, path);
    return { path, requests, bytes };
  } catch (err) {
    out.destroy();
    await finished(out).catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
}

/** The create body of a part, made again from the part file if it is not on disk (a resumed run on another machine
 *  has the part but may not have the body). */
export async function readBatchBody(partPath: string, signal?: AbortSignal): Promise<Buffer> {
  const path = bodyPathOf(partPath);
  const present = await stat(path).then(() => true, () => false);
  if (!present) await writeBatchBody(partPath, signal);
  return readFile(path);
}
