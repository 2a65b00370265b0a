// The Gemini API paths the emulator serves, each answering in Google's wire format.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { generateContent, countRequest } from './answer.ts';
import type { GeminiBatches } from './batches.ts';
import { readJson } from './body.ts';
import { invalidArgument, modelNotFound, sendGeminiJson } from './errors.ts';
import type { GeminiFiles } from './files.ts';
import { lookupModel, modelNames } from './models.ts';
import type { GeminiSwitches } from './switches.ts';
import type { EmulatorConfig } from '../types.ts';

export interface GeminiState {
  cfg: EmulatorConfig;
  switches: GeminiSwitches;
  files: GeminiFiles;
  batches: GeminiBatches;
}

export interface GeminiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  state: GeminiState;
  /** --drop-rate picked this download: half the body, then the connection is reset. */
  dropMidway: boolean;
}

export interface GeminiRoute {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** Resumable upload sessions are authorised by their URL, not by a key. */
  noKey?: (url: URL) => boolean;
  handle(call: GeminiCall): Promise<void>;
}

function model(call: GeminiCall, method: string) {
  const found = lookupModel(call.params[0], call.state.cfg.now(), call.state.switches.retiredModels === 'route');
  if (found.kind !== 'ok') throw modelNotFound(call.params[0], method);
  return found.model;
}

function modelResource(name: string) {
  return {
    name: `models/${name}`,
    version: name,
    displayName: name,
    supportedGenerationMethods: ['generateContent', 'countTokens', 'batchGenerateContent'],
  };
}

async function upload(call: GeminiCall): Promise<void> {
  const { req, res, url, state } = call;
  const session = url.searchParams.get('upload_id');
  if (session !== null) {
    const command = String(req.headers['x-goog-upload-command'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    const offset = Number(req.headers['x-goog-upload-offset'] ?? 0);
    if (!command.includes('upload') && !command.includes('finalize')) {
      req.resume();
      throw invalidArgument('X-Goog-Upload-Command must be "upload", "finalize" or "upload, finalize".');
    }
    const file = await state.files.receive(session, req, command, Number.isFinite(offset) ? offset : -1);
    if (file) sendGeminiJson(res, 200, { file }, { 'x-goog-upload-status': 'final' });
    else sendGeminiJson(res, 200, {}, { 'x-goog-upload-status': 'active' });
    return;
  }
  const protocol = String(req.headers['x-goog-upload-protocol'] ?? '').toLowerCase();
  const command = String(req.headers['x-goog-upload-command'] ?? '').toLowerCase();
  if (protocol !== 'resumable' || command !== 'start') {
    req.resume();
    throw invalidArgument('The batchwise emulator serves resumable uploads only: X-Goog-Upload-Protocol: resumable with X-Goog-Upload-Command: start.');
  }
  const id = await state.files.start(req, await readJson(req));
  const uploadUrl = `http://${req.headers.host}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`;
  res.writeHead(200, {
    'x-goog-upload-status': 'active',
    'x-goog-upload-url': uploadUrl,
    'x-goog-upload-control-url': uploadUrl,
    'x-goog-upload-chunk-granularity': String(8 * 1024 * 1024),
    'content-length': 0,
  });
  res.end();
}

async function download(call: GeminiCall): Promise<void> {
  const { res, url, state } = call;
  if (url.searchParams.get('alt') !== 'media') throw invalidArgument('Downloads need alt=media.');
  const file = state.files.require(`files/${call.params[0]}`);
  const size = Number(file.sizeBytes);
  res.writeHead(200, { 'content-type': file.mimeType, 'content-length': size });
  const body = createReadStream(state.files.bodyPath(file.name), call.dropMidway ? { end: Math.max(0, Math.floor(size / 2) - 1) } : {});
  await pipeline(body, res, { end: !call.dropMidway });
  if (call.dropMidway) res.destroy();
}

export const GEMINI_ROUTES: GeminiRoute[] = [
  { method: 'POST', pattern: /^\/upload\/v1beta\/files$/, noKey: (url) => url.searchParams.has('upload_id'), handle: upload },
  { method: 'GET', pattern: /^\/download\/v1beta\/files\/([a-z0-9-]+):download$/, handle: download },
  {
    method: 'GET',
    pattern: /^\/v1beta\/files\/([a-z0-9-]+)$/,
    handle: async (c) => sendGeminiJson(c.res, 200, c.state.files.require(`files/${c.params[0]}`)),
  },
  {
    method: 'DELETE',
    pattern: /^\/v1beta\/files\/([a-z0-9-]+)$/,
    handle: async (c) => {
      await c.state.files.delete(`files/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    },
  },
  { method: 'GET', pattern: /^\/v1beta\/models$/, handle: async (c) => sendGeminiJson(c.res, 200, { models: modelNames().map(modelResource) }) },
  { method: 'GET', pattern: /^\/v1beta\/models\/([^/:]+)$/, handle: async (c) => sendGeminiJson(c.res, 200, modelResource(model(c, 'generateContent').name)) },
  {
    method: 'POST',
    pattern: /^\/v1beta\/models\/([^/:]+):generateContent$/,
    handle: async (c) => {
      const m = model(c, 'generateContent');
      sendGeminiJson(c.res, 200, generateContent(await readJson(c.req), { seed: c.state.cfg.seed, model: m }));
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1beta\/models\/([^/:]+):countTokens$/,
    handle: async (c) => {
      model(c, 'countTokens');
      const body = await readJson(c.req);
      if (body.contents !== undefined && body.generateContentRequest !== undefined) {
        throw invalidArgument('contents and generateContentRequest are mutually exclusive.');
      }
      const req = (body.generateContentRequest ?? { contents: body.contents ?? [] }) as Record<string, unknown>;
      const total = countRequest(req);
      sendGeminiJson(c.res, 200, { totalTokens: total, promptTokensDetails: [{ modality: 'TEXT', tokenCount: total }] });
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1beta\/models\/([^/:]+):batchGenerateContent$/,
    handle: async (c) => sendGeminiJson(c.res, 200, c.state.batches.create(c.params[0], await readJson(c.req))),
  },
  {
    method: 'GET',
    pattern: /^\/v1beta\/batches$/,
    handle: async (c) => {
      const raw = c.url.searchParams.get('pageSize');
      const size = raw === null ? 50 : Number(raw);
      if (!Number.isInteger(size) || size < 0) throw invalidArgument('pageSize must be a non-negative integer.');
      sendGeminiJson(c.res, 200, c.state.batches.list(Math.min(size === 0 ? 50 : size, 1000), c.url.searchParams.get('pageToken')));
    },
  },
  { method: 'GET', pattern: /^\/v1beta\/batches\/([a-z0-9-]+)$/, handle: async (c) => sendGeminiJson(c.res, 200, c.state.batches.get(`batches/${c.params[0]}`)) },
  {
    method: 'POST',
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+):cancel$/,
    handle: async (c) => {
      c.req.resume();
      c.state.batches.cancel(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    },
  },
  // The docs' curl deletes with POST …:delete, the SDK with DELETE: both are served.
  {
    method: 'POST',
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+):delete$/,
    handle: async (c) => {
      c.req.resume();
      c.state.batches.delete(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1beta\/batches\/([a-z0-9-]+)$/,
    handle: async (c) => {
      c.state.batches.delete(`batches/${c.params[0]}`);
      sendGeminiJson(c.res, 200, {});
    },
  },
];

export function findGeminiRoute(method: string, path: string): { route: GeminiRoute; params: string[] } | null {
  for (const route of GEMINI_ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (m) return { route, params: m.slice(1) };
  }
  return null;
}

