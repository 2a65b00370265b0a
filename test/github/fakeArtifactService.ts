// A loopback stand-in for the runner's artifact service, so @actions/artifact's real DefaultArtifactClient runs
// unchanged in a child process: the Twirp results API (CreateArtifact / FinalizeArtifact) and an Azure-style blob
// endpoint for the block upload the client does with @azure/storage-blob. Uploaded zips are kept for assertions.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

export interface UploadedArtifact {
  name: string;
  expiresAt: string | null;
  zip: Buffer;
  finalized: boolean;
}

export interface FakeArtifactService {
  url: string;
  /** ACTIONS_RUNTIME_TOKEN: a JWT whose scp claim names the run and job, as the client expects. */
  token: string;
  artifacts: UploadedArtifact[];
  close(): Promise<void>;
}

const b64url = (s: string) => Buffer.from(s).toString('base64url');

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const artifacts: UploadedArtifact[] = [];
  const blocks = new Map<string, Map<string, Buffer>>();
  let port = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const u = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (u.pathname.endsWith('ArtifactService/CreateArtifact')) {
      const r = JSON.parse(body.toString());
      artifacts.push({ name: r.name, expiresAt: r.expires_at ?? r.expiresAt ?? null, zip: Buffer.alloc(0), finalized: false });
      return json(200, { ok: true, signed_upload_url: `http://127.0.0.1:${port}/devstoreaccount1/artifacts/${encodeURIComponent(r.name)}.zip?sv=2024&sig=fake` });
    }
    if (u.pathname.endsWith('ArtifactService/FinalizeArtifact')) {
      const r = JSON.parse(body.toString());
      const a = artifacts.findLast((x) => x.name === r.name);
      if (!a) return json(404, { msg: 'no such artifact' });
      a.finalized = true;
      return json(200, { ok: true, artifact_id: String(artifacts.indexOf(a) + 1) });
    }
    if (u.pathname.startsWith('/devstoreaccount1/artifacts/') && req.method === 'PUT') {
      const blob = decodeURIComponent(u.pathname.split('/').pop()!).replace(/\.zip$/, '');
      const headers = { 'x-ms-request-id': '1', 'x-ms-version': '2024-08-04', etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'content-length': '0' };
      const comp = u.searchParams.get('comp');
      if (comp === 'block') {
        const m = blocks.get(blob) ?? new Map<string, Buffer>();
        m.set(u.searchParams.get('blockid')!, body);
        blocks.set(blob, m);
        res.writeHead(201, headers);
        return res.end();
      }
      if (comp === 'blocklist') {
        const ids = [...body.toString().matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]);
        const m = blocks.get(blob) ?? new Map();
        const a = artifacts.findLast((x) => x.name === blob);
        if (a) a.zip = Buffer.concat(ids.map((id) => m.get(id) ?? Buffer.alloc(0)));
        res.writeHead(201, headers);
        return res.end();
      }
      // A single-shot upload (small streams).
      const a = artifacts.findLast((x) => x.name === blob);
      if (a) a.zip = body;
      res.writeHead(201, headers);
      return res.end();
    }
    json(404, { msg: `no route ${req.method} ${u.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const token = [
    b64url(JSON.stringify({ alg: 'none', typ: 'JWT' })),
    b64url(JSON.stringify({ scp: 'Actions.GenericRead:1 Actions.Results:run-backend-1:job-backend-1' })),
    'sig',
  ].join('.');
  return { url: `http://127.0.0.1:${port}/`, token, artifacts, close: () => new Promise((r) => server.close(() => r())) };
}

/** The files of a zip (local file headers; stored or deflated), enough to check what an artifact holds. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let i = 0;
  while (i + 30 <= zip.length && zip.readUInt32LE(i) === 0x04034b50) {
    const flags = zip.readUInt16LE(i + 6);
    const method = zip.readUInt16LE(i + 8);
    let size = zip.readUInt32LE(i + 18);
    const nameLen = zip.readUInt16LE(i + 26);
    const extraLen = zip.readUInt16LE(i + 28);
    const name = zip.subarray(i + 30, i + 30 + nameLen).toString();
    const start = i + 30 + nameLen + extraLen;
    if (flags & 0x08) {
      // Sizes follow the data (streamed zips): find the data descriptor.
      let j = start;
      while (j + 4 <= zip.length && zip.readUInt32LE(j) !== 0x08074b50) j++;
      size = j - start;
      const data = zip.subarray(start, j);
      files.set(name, method === 8 ? inflateRawSync(data) : data);
      i = j + 16;
      continue;
    }
    const data = zip.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    i = start + size;
  }
  return files;
}
