// An OpenAI part file → a Gemini batch input file in the File API. The part is translated line by line (streaming,
// never whole in memory) into a temporary JSONL of `{"key": custom_id, "request": GenerateContentRequest}`, whose
// size the resumable upload protocol needs up front, then sent with it: a `start` call that opens an upload session
// (X-Goog-Upload-Protocol: resumable) and answers with its URL in X-Goog-Upload-URL, then one `upload, finalize`
// call with the bytes. A broken upload starts a fresh session from the file on disk.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import OpenAI from 'openai';
import { readJsonlLines } from '../../../requests/readJsonl.ts';
import { streamingUploadFetch } from '../../batch/streamingFetch.ts';
import { makeHandle } from './handles.ts';
import type { GeminiHttp } from './http.ts';
import { geminiBatchLine, translateLine } from './translateRequest.ts';
import type { GeminiFile } from './wire.ts';

/** The File API's limit per file ("up to 2 GB"). */
export const FILE_MAX_BYTES = 2 * 1024 ** 3;
const UPLOAD_ATTEMPTS = 4;

export interface TranslatedPart {
  path: string;
  bytes: number;
  lines: number;
  model: string;
}

/** Writes the Gemini batch input for an OpenAI part file into `dir`. Every line must translate without problems
 *  (the runner checked them before) and name one model: a part is one model, and Gemini's job has one. */
export async function translatePartFile(partPath: string, dir: string): Promise<TranslatedPart> {
  const out = join(dir, `${basename(partPath)}.gemini.jsonl`);
  const stream = createWriteStream(out);
  // A failed write (a full disk) surfaces as this step's error, not as an unhandled 'error' event.
  let writeError: unknown = null;
  stream.on('error', (err) => (writeError = err));
  let model: string | null = null;
  let lines = 0;
  let bytes = 0;
  try {
    for await (const raw of readJsonlLines(partPath)) {
      const line = JSON.parse(raw.text) as { custom_id: string; url: string; body: Record<string, unknown> };
      const t = translateLine(line);
      if (!t.request) throw new Error(`${basename(partPath)}:${raw.line}: ${t.problems.map((p) => p.message).join('; ')}`);
      if (model === null) model = t.model;
      else if (t.model !== model) throw new Error(`${basename(partPath)}:${raw.line}: model ${t.model} in a part for ${model} (a Gemini batch runs one model)`);
      const text = `${geminiBatchLine(line.custom_id, t.request)}\n`;
      bytes += Buffer.byteLength(text);
      lines++;
      if (writeError) throw writeError;
      if (!stream.write(text)) await once(stream, 'drain');
    }
  } finally {
    stream.end();
    if (!stream.closed) await once(stream, 'close');
  }
  if (writeError) throw writeError;
  if (model === null) throw new Error(`${basename(partPath)} has no requests`);
  if (bytes > FILE_MAX_BYTES) throw new Error(`${basename(partPath)} is ${bytes} bytes as a Gemini batch file, over the File API's 2 GB`);
  return { path: out, bytes: (await stat(out)).size, lines, model };
}

function retryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIUserAbortError) return false;
  if (err instanceof OpenAI.APIConnectionError) return true;
  return err instanceof OpenAI.APIError && typeof err.status === 'number' && (err.status === 408 || err.status === 429 || err.status >= 500);
}

/** Uploads a file with the resumable protocol; returns the File API's `files/…` name. */
export async function uploadResumable(http: GeminiHttp, path: string, bytes: number, displayName: string, signal?: AbortSignal): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const start = await http.call('/upload/v1beta/files', {
        method: 'POST',
        json: { file: { displayName } },
        headers: {
          'x-goog-upload-protocol': 'resumable',
          'x-goog-upload-command': 'start',
          'x-goog-upload-header-content-length': String(bytes),
          'x-goog-upload-header-content-type': 'application/jsonl',
        },
        signal,
      });
      await start.arrayBuffer();
      const uploadUrl = start.headers.get('x-goog-upload-url');
      if (!uploadUrl) throw new OpenAI.APIConnectionError({ message: 'the upload start answered without an X-Goog-Upload-URL' });
      const body = Readable.toWeb(createReadStream(path, { highWaterMark: 1 << 20 })) as unknown as ReadableStream<Uint8Array>;
      const { data } = await http.json<{ file?: GeminiFile }>(uploadUrl, {
        method: 'POST',
        body,
        // The session URL is its own credential (Google's upload sample sends no key with it).
        auth: false,
        headers: { 'content-length': String(bytes), 'x-goog-upload-offset': '0', 'x-goog-upload-command': 'upload, finalize' },
        // node:http streams with backpressure where Node's fetch would buffer the whole body (streamingFetch.ts).
        fetch: streamingUploadFetch,
        signal,
      });
      if (!data.file?.name) throw new OpenAI.APIConnectionError({ message: 'the upload finished without a file name' });
      return data.file.name;
    } catch (err) {
      if (attempt >= UPLOAD_ATTEMPTS || !retryable(err) || signal?.aborted) throw err;
      await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** (attempt - 1), 8000)));
    }
  }
}

/** The whole step: translate, upload, and the handle createBatch takes (`files/…#model`). */
export async function uploadPart(http: GeminiHttp, partPath: string, signal?: AbortSignal): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'batchwise-gemini-'));
  try {
    const part = await translatePartFile(partPath, dir);
    const file = await uploadResumable(http, part.path, part.bytes, basename(partPath), signal);
    return makeHandle({ file, model: part.model });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
