// Small HTTP helpers: JSON in, JSON out, in the real API's shapes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, checkIntRange } from './apiError.ts';

/** The body limit for JSON requests; uploads go through multipart and are streamed to disk instead. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ApiError, headers: Record<string, string> = {}): void {
  sendJson(res, err.status, err.toBody(), { ...headers, ...err.headers });
}

/** Bodies already read, so a check before the route (Azure's deployment check) and the route read the same one. */
const readBodies = new WeakMap<IncomingMessage, Promise<Record<string, unknown>>>();

export function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let read = readBodies.get(req);
  if (!read) {
    read = readJsonBodyOnce(req);
    readBodies.set(req, read);
  }
  return read;
}

async function readJsonBodyOnce(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new ApiError(413, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let parsed: unknown;
  try {
    parsed = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError(
      400,
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'The request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** An integer query parameter within bounds, with the real API's messages. */
export function queryInt(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw new ApiError(400, `Invalid type for '${name}': expected an integer, but got a string instead.`, { param: name, code: 'invalid_type' });
  }
  return checkIntRange(name, value, min, max);
}
