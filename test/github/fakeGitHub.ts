// A loopback stand-in for the GitHub REST API routes batchwise uses: issue comments, the git data API (refs, commits,
// trees, blobs) and contents. It records every call so tests can assert what was sent, keeps enough state for a
// sticky comment to be found again and for commits to chain, and answers 403 on routes a test marks forbidden.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  authorization: string | undefined;
}

export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  /** Who wrote it; comments the stand-in creates are by `tokenUser`. */
  user?: FakeUser;
}

export interface FakeGitHub {
  url: string;
  calls: RecordedCall[];
  comments: Map<number, FakeComment[]>;
  /** branch → commit sha */
  refs: Map<string, string>;
  commits: Map<string, { tree: string; parents: string[]; message: string }>;
  trees: Map<string, { path: string; sha: string }[]>;
  blobs: Map<string, Buffer>;
  /** `${sha}:${path}` → content served by the contents API (besides what was committed, by branch or sha) */
  contents: Map<string, Buffer>;
  /** Route keys answered 403, e.g. "POST comments", "PATCH comments", "POST blobs", "PATCH refs". */
  forbid: Set<string>;
  /** The token's user. Default github-actions[bot], which (like any installation token) cannot read GET /user; set a
   *  User to play a personal access token, which can. */
  tokenUser: FakeUser;
  /** Files in a commit's tree, resolved through the commit chain (last writer wins). */
  filesAt(sha: string): Map<string, Buffer>;
  close(): Promise<void>;
}

function sha1(s: string | Buffer): string {
  return createHash('sha1').update(s).digest('hex');
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000;
  const fake = {
    calls: [] as RecordedCall[],
    comments: new Map<number, FakeComment[]>(),
    refs: new Map<string, string>(),
    commits: new Map<string, { tree: string; parents: string[]; message: string }>(),
    trees: new Map<string, { path: string; sha: string }[]>(),
    blobs: new Map<string, Buffer>(),
    contents: new Map<string, Buffer>(),
    forbid: new Set<string>(),
    tokenUser: { login: 'github-actions[bot]', type: 'Bot' } as FakeUser,
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const u = new URL(req.url ?? '/', 'http://x');
    const body = raw ? JSON.parse(raw) : null;
    const method = req.method ?? 'GET';
    fake.calls.push({ method, path: decodeURIComponent(u.pathname), query: u.searchParams, body, authorization: req.headers.authorization });
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      const text = typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
    };
    const forbidden = (key: string) => {
      if (!fake.forbid.has(key)) return false;
      send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
      return true;
    };
    const p = decodeURIComponent(u.pathname);
    let m: RegExpMatchArray | null;

    if (p === '/user' && method === 'GET') {
      if (fake.tokenUser.type === 'Bot') return send(403, { message: 'Resource not accessible by integration' });
      return send(200, { login: fake.tokenUser.login, type: fake.tokenUser.type });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      const n = Number(m[1]);
      const list = fake.comments.get(n) ?? [];
      if (method === 'GET') return send(200, list);
      if (method === 'POST') {
        if (forbidden('POST comments')) return;
        const c = { id: nextId++, body: body.body, html_url: `https://github.test/pr/${n}#issuecomment-${nextId}`, user: { ...fake.tokenUser } };
        fake.comments.set(n, [...list, c]);
        return send(201, c);
      }
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/)) && method === 'PATCH') {
      if (forbidden('PATCH comments')) return;
      for (const list of fake.comments.values()) {
        const c = list.find((x) => x.id === Number(m![1]));
        if (c) {
          c.body = body.body;
          return send(200, c);
        }
      }
      return send(404, { message: 'Not Found' });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/git\/ref\/heads\/(.+)$/)) && method === 'GET') {
      const sha = fake.refs.get(m[1]);
      return sha ? send(200, { ref: `refs/heads/${m[1]}`, object: { sha, type: 'commit' } }) : send(404, { message: 'Not Found' });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/git\/refs\/heads\/(.+)$/)) && method === 'PATCH') {
      if (forbidden('PATCH refs')) return;
      const current = fake.refs.get(m[1]);
      if (!current) return send(422, { message: 'Reference does not exist' });
      const next = fake.commits.get(body.sha);
      if (!body.force && !next?.parents.includes(current)) return send(422, { message: 'Update is not a fast forward' });
      fake.refs.set(m[1], body.sha);
      return send(200, { ref: `refs/heads/${m[1]}`, object: { sha: body.sha, type: 'commit' } });
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/git\/refs$/) && method === 'POST') {
      if (forbidden('POST refs')) return;
      const branch = String(body.ref).replace(/^refs\/heads\//, '');
      if (fake.refs.has(branch)) return send(422, { message: 'Reference already exists' });
      fake.refs.set(branch, body.sha);
      return send(201, { ref: body.ref, object: { sha: body.sha, type: 'commit' } });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/git\/commits\/([0-9a-f]+)$/)) && method === 'GET') {
      const c = fake.commits.get(m[1]);
      return c ? send(200, { sha: m[1], tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })), message: c.message }) : send(404, { message: 'Not Found' });
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/git\/blobs$/) && method === 'POST') {
      if (forbidden('POST blobs')) return;
      const content = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
      const sha = sha1(content);
      fake.blobs.set(sha, content);
      return send(201, { sha, url: `blob/${sha}` });
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/git\/trees$/) && method === 'POST') {
      const base = body.base_tree ? (fake.trees.get(body.base_tree) ?? []) : [];
      const entries = new Map(base.map((e) => [e.path, e.sha]));
      for (const e of body.tree) entries.set(e.path, e.sha);
      const list = [...entries].map(([path, sha]) => ({ path, sha }));
      const sha = sha1(JSON.stringify(list));
      fake.trees.set(sha, list);
      return send(201, { sha, tree: list });
    }
    if (p.match(/^\/repos\/[^/]+\/[^/]+\/git\/commits$/) && method === 'POST') {
      const sha = sha1(JSON.stringify(body) + nextId++);
      fake.commits.set(sha, { tree: body.tree, parents: body.parents, message: body.message });
      return send(201, { sha, html_url: `https://github.test/commit/${sha}`, tree: { sha: body.tree } });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/git\/trees\/([0-9a-f]+)$/)) && method === 'GET') {
      // A commit sha resolves to its tree; a sha the stand-in only knows from `contents` lists those files (blob shas
      // as git computes them), which is what a PR's base looks like when the clone does not have it.
      const tree = fake.trees.get(fake.commits.get(m[1])?.tree ?? m[1]);
      const entries = tree
        ? tree.map((e) => ({ path: e.path, type: 'blob', mode: '100644', sha: e.sha }))
        : [...fake.contents].filter(([k]) => k.startsWith(`${m![1]}:`)).map(([k, v]) => ({
            path: k.slice(m![1].length + 1), type: 'blob', mode: '100644', sha: sha1(Buffer.concat([Buffer.from(`blob ${v.length}\0`), v])),
          }));
      if (!tree && entries.length === 0) return send(404, { message: 'Not Found' });
      return send(200, { sha: m[1], tree: entries, truncated: false });
    }
    if ((m = p.match(/^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/)) && method === 'GET') {
      // As GitHub: `ref` is a commit sha or a branch name; what was committed through the git data API is served too.
      const ref = u.searchParams.get('ref') ?? '';
      const committed = fake.refs.get(ref) ?? (fake.commits.has(ref) ? ref : undefined);
      const content = fake.contents.get(`${ref}:${m[1]}`) ?? (committed ? filesAt(committed).get(m[1]) : undefined);
      if (!content) return send(404, { message: 'Not Found' });
      return send(200, content, { 'content-type': 'text/plain; charset=utf-8' });
    }
    send(404, { message: `no route for ${method} ${p} in the stand-in` });
  });

  function filesAt(sha: string): Map<string, Buffer> {
    const c = fake.commits.get(sha);
    const out = new Map<string, Buffer>();
    if (!c) return out;
    for (const e of fake.trees.get(c.tree) ?? []) out.set(e.path, fake.blobs.get(e.sha) ?? Buffer.alloc(0));
    return out;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    filesAt,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A root commit with an empty tree on `branch`, so commits have a parent to build on. */
export function seedBranch(fake: FakeGitHub, branch: string): string {
  const tree = sha1('empty-tree');
  fake.trees.set(tree, []);
  const sha = sha1(`root-${branch}`);
  fake.commits.set(sha, { tree, parents: [], message: 'root' });
  fake.refs.set(branch, sha);
  return sha;
}
