// The upload transport: a streamed body arrives whole, status and headers come back, abort and errors reject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { streamingUploadFetch } from '../../src/run/batch/streamingFetch.ts';

async function server(handler: Parameters<typeof createServer>[1]) {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => new Promise((r) => s.close(r)) };
}

test('a streamed body arrives byte for byte; status, headers and the answer come back', async () => {
  const srv = await server((req, res) => {
    const hash = createHash('sha256');
    let bytes = 0;
    req.on('data', (c: Buffer) => { hash.update(c); bytes += c.length; });
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1', 'x-seen-method': req.method! });
      res.end(JSON.stringify({ bytes, sha: hash.digest('hex'), auth: req.headers.authorization }));
    });
  });
  try {
    const chunk = Buffer.alloc(1 << 20, 'x');
    const expected = createHash('sha256');
    for (let i = 0; i < 8; i++) expected.update(chunk);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ < 8) c.enqueue(chunk);
        else c.close();
      },
    });
    const res = await streamingUploadFetch(`${srv.url}/v1/files`, { method: 'POST', body, headers: { authorization: 'Bearer sk-test' } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('x-request-id'), 'req_1');
    assert.equal(res.headers.get('x-seen-method'), 'POST');
    assert.deepEqual(await res.json(), { bytes: 8 << 20, sha: expected.digest('hex'), auth: 'Bearer sk-test' });
  } finally {
    await srv.close();
  }
});

test('a 204 has no body; an abort and a refused connection reject', async () => {
  const srv = await server((req, res) => {
    if (req.url === '/slow') return; // never answers
    res.writeHead(204);
    res.end();
  });
  try {
    const empty = await streamingUploadFetch(`${srv.url}/x`, { method: 'DELETE' });
    assert.equal(empty.status, 204);
    assert.equal(empty.body, null);
    const controller = new AbortController();
    const pending = streamingUploadFetch(`${srv.url}/slow`, { method: 'GET', signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, (err: Error) => err.name === 'AbortError');
  } finally {
    await srv.close();
  }
  await assert.rejects(streamingUploadFetch(srv.url, { method: 'GET' }), /ECONNREFUSED|socket hang up/);
});
