// The Files API: multipart upload streamed to disk, list, retrieve, content (streamed), delete.
import busboy from 'busboy';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { ApiError, invalidValue, missingParameter } from '../apiError.ts';
import { expiresAfterSeconds } from '../expiresAfter.ts';
import { queryInt, sendJson } from '../http.ts';
import type { FileObject } from '../types.ts';
import type { Route, RouteContext, Services } from './types.ts';

const MB = 1024 * 1024;
const MAX_FILE_BYTES = 512 * MB;
const MAX_BATCH_FILE_BYTES = 200 * MB;
const UPLOAD_PURPOSES = ['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals'];

function notFound(id: string): ApiError {
  return new ApiError(404, `No such File object: ${id}`, { param: 'id' });
}

interface Upload {
  purpose: string | null;
  /** The multipart fields `expires_after[anchor]` and `expires_after[seconds]`, as the SDK writes a nested object. */
  expiresAnchor: string | null;
  expiresSeconds: string | null;
  filename: string | null;
  tempPath: string | null;
  tooLarge: boolean;
}

/** Streams the multipart body; the file part goes straight to a temp file, whatever order the parts come in. */
async function receiveUpload(ctx: RouteContext, services: Services): Promise<Upload> {
  const upload: Upload = { purpose: null, expiresAnchor: null, expiresSeconds: null, filename: null, tempPath: null, tooLarge: false };
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: ctx.req.headers, limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  } catch {
    ctx.req.resume();
    throw new ApiError(400, "Invalid request: expected a multipart/form-data body with 'file' and 'purpose'.");
  }
  const writes: Promise<void>[] = [];
  parser.on('field', (name, value) => {
    if (name === 'purpose') upload.purpose = value;
    if (name === 'expires_after[anchor]') upload.expiresAnchor = value;
    if (name === 'expires_after[seconds]') upload.expiresSeconds = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== 'file' || upload.tempPath !== null) {
      stream.resume();
      return;
    }
    upload.filename = info.filename ?? 'file';
    upload.tempPath = services.files.tempPath();
    stream.on('limit', () => {
      upload.tooLarge = true;
    });
    writes.push(pipeline(stream, createWriteStream(upload.tempPath)));
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('close', resolve);
    parser.on('error', reject);
  });
  ctx.req.pipe(parser);
  try {
    await done;
    await Promise.all(writes);
  } catch {
    if (upload.tempPath) await rm(upload.tempPath, { force: true });
    throw new ApiError(400, 'The multipart body could not be read.');
  }
  return upload;
}

/** `expires_after` of an upload: "anchor … created_at", "seconds … Must be between 3600 (1 hour) and 2592000
 *  (30 days)" (openai-node files.ts). The messages are the API's usual ones for these checks (guessed here). */
function readExpiresAfter(received: Upload): number | null {
  if (received.expiresAnchor === null && received.expiresSeconds === null) return null;
  return expiresAfterSeconds('expires_after', received.expiresAnchor, received.expiresSeconds === null ? null : Number(received.expiresSeconds));
}

const upload: Route = {
  method: 'POST',
  pattern: /^\/v1\/files$/,
  async handle(ctx, services) {
    const received = await receiveUpload(ctx, services);
    const discard = async () => {
      if (received.tempPath) await rm(received.tempPath, { force: true });
    };
    let expiresAfterS: number | null = null;
    try {
      if (received.tempPath === null || received.filename === null) throw missingParameter('file');
      if (received.purpose === null) throw missingParameter('purpose');
      if (!UPLOAD_PURPOSES.includes(received.purpose)) throw invalidValue('purpose', received.purpose, UPLOAD_PURPOSES);
      expiresAfterS = readExpiresAfter(received);
      if (received.tooLarge) throw new ApiError(413, 'File is too large. Individual files can be up to 512 MB.', { param: 'file' });
      if (received.purpose === 'batch') {
        if (!received.filename.toLowerCase().endsWith('.jsonl')) {
          throw new ApiError(400, 'Invalid file format for Batch API. Must be .jsonl', { param: 'file' });
        }
      }
    } catch (err) {
      await discard();
      throw err;
    }
    const file = await services.files.adopt(received.tempPath, received.filename, received.purpose, expiresAfterS);
    if (received.purpose === 'batch' && file.bytes > MAX_BATCH_FILE_BYTES) {
      await services.files.delete(file.id);
      throw new ApiError(400, 'File is too large for Batch API. The Batch API only supports .jsonl files up to 200 MB in size.', {
        param: 'file',
      });
    }
    sendJson(ctx.res, 200, file, ctx.headers);
  },
};

const list: Route = {
  method: 'GET',
  pattern: /^\/v1\/files$/,
  async handle(ctx, services) {
    const limit = queryInt(ctx.query, 'limit', 10_000, 1, 10_000);
    const purpose = ctx.query.get('purpose');
    const after = ctx.query.get('after');
    const order = ctx.query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') throw invalidValue('order', order, ['asc', 'desc']);
    let all: FileObject[] = services.files.listNewestFirst();
    if (order === 'asc') all = all.reverse();
    if (purpose !== null) all = all.filter((f) => f.purpose === purpose);
    let start = 0;
    if (after !== null) {
      const at = all.findIndex((f) => f.id === after);
      start = at === -1 ? all.length : at + 1;
    }
    const data = all.slice(start, start + limit);
    sendJson(
      ctx.res,
      200,
      { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: start + limit < all.length },
      ctx.headers,
    );
  },
};

const retrieve: Route = {
  method: 'GET',
  pattern: /^\/v1\/files\/([^/]+)$/,
  async handle(ctx, services) {
    const file = services.files.get(ctx.params[0]);
    if (!file) throw notFound(ctx.params[0]);
    sendJson(ctx.res, 200, file, ctx.headers);
  },
};

const content: Route = {
  method: 'GET',
  pattern: /^\/v1\/files\/([^/]+)\/content$/,
  async handle(ctx, services) {
    const file = services.files.get(ctx.params[0]);
    if (!file) throw notFound(ctx.params[0]);
    ctx.res.writeHead(200, {
      ...ctx.headers,
      'content-type': 'application/octet-stream',
      'content-length': file.bytes,
      'content-disposition': `attachment; filename="${file.filename}"`,
    });
    const path = services.files.bodyPath(file.id);
    if (ctx.dropMidway) {
      // A connection reset half-way through the download: the client has part of the body and then an error.
      const half = Math.floor(file.bytes / 2);
      if (half > 0) await pipeline(createReadStream(path, { end: half - 1 }), ctx.res, { end: false });
      ctx.req.socket.destroy();
      return;
    }
    await pipeline(createReadStream(path), ctx.res);
  },
};

const remove: Route = {
  method: 'DELETE',
  pattern: /^\/v1\/files\/([^/]+)$/,
  async handle(ctx, services) {
    const id = ctx.params[0];
    if (!(await services.files.delete(id))) throw notFound(id);
    sendJson(ctx.res, 200, { id, object: 'file', deleted: true }, ctx.headers);
  },
};

export const fileRoutes: Route[] = [upload, list, content, retrieve, remove];
