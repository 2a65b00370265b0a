// A fetch for uploads only, over node:http(s). Node's built-in fetch holds a streamed request body in memory as it
// sends it (measured: +114 MB of ArrayBuffers for a 113 MB upload, even to a fast local sink), while node:http's
// pipe respects backpressure (+~10 MB). A batch part is up to 200 MB, so uploads go through this; every other call
// keeps the SDK's default fetch. The openai SDK still makes the call: this is only its transport.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export const streamingUploadFetch = (async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
  if (!transport) throw new TypeError(`unsupported protocol ${url.protocol}`);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  const body = init.body;

  return new Promise<Response>((resolve, reject) => {
    const req = transport.request(url, { method: init.method ?? 'GET', headers, signal: init.signal ?? undefined }, (res) => {
      const out = new Headers();
      for (const [key, value] of Object.entries(res.headers)) {
        if (Array.isArray(value)) for (const v of value) out.append(key, v);
        else if (value !== undefined) out.set(key, value);
      }
      const status = res.statusCode ?? 0;
      const stream = NULL_BODY_STATUS.has(status) ? null : (Readable.toWeb(res) as unknown as ReadableStream);
      if (!stream) res.resume();
      resolve(new Response(stream, { status, statusText: res.statusMessage, headers: out }));
    });
    req.on('error', reject);
    if (body === undefined || body === null) req.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else if (body instanceof ArrayBuffer) req.end(Buffer.from(body));
    else if (body instanceof ReadableStream) {
      const source = Readable.fromWeb(body as unknown as NodeReadableStream);
      source.on('error', (err) => req.destroy(err));
      source.pipe(req);
    } else {
      req.destroy();
      reject(new TypeError(`streamingUploadFetch: unsupported body (${Object.prototype.toString.call(body)})`));
    }
  });
}) as typeof fetch;
