// A batch's responses file, downloaded from the File API and streamed back as OpenAI batch output lines. Each
// request appears at most once (a key seen twice keeps its first line). A cancelled or expired job's responses file
// (when it has one) lists only what ran: the requests it does not list are left out here, and the runner writes
// those as not run itself (settlePart.ts, writeUnfinished).
import { readJsonlStream } from '../../../requests/readJsonl.ts';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { readHandle } from './handles.ts';
import type { GeminiHttp } from './http.ts';
import { toOpenAIOutputLine } from './translateResult.ts';
import type { GeminiResultLine } from './wire.ts';

/** The translated lines of a responses file, as text lines (newline included). */
export async function* translatedLines(source: NodeJS.ReadableStream, model: string, nowSec: () => number): AsyncGenerator<string> {
  const seen = new Set<string>();
  for await (const raw of readJsonlStream(source)) {
    let line: GeminiResultLine;
    try {
      line = JSON.parse(raw.text) as GeminiResultLine;
    } catch {
      // Garbage names no request: that request has no outcome here and the runner reports or resends it.
      continue;
    }
    if (line === null || typeof line !== 'object' || typeof line.key !== 'string' || seen.has(line.key)) continue;
    const out = toOpenAIOutputLine(line, model, nowSec());
    if (out === null) continue;
    seen.add(line.key);
    yield `${out}\n`;
  }
}

export async function fileContent(http: GeminiHttp, fileId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const { file, model } = readHandle(fileId);
  const res = await http.call(`/download/v1beta/${file}:download`, { query: { alt: 'media' }, signal, retry: true });
  if (!res.body) return new ReadableStream({ start: (c) => c.close() });
  const source = Readable.fromWeb(res.body as unknown as NodeReadableStream);
  const lines = translatedLines(source, model, () => Math.floor(Date.now() / 1000));
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await lines.return(undefined);
      source.destroy();
    },
  });
}
