// Which request files a pull request's base had, and which head files are renames of them: without this a PR that
// deletes a request file looks like "nothing changed", and `git mv a b` looks like a new file b.
// From the clone when it has the base commit (`git ls-tree`, `git diff --find-renames`); else from the trees API,
// where only exact renames (same bytes, so the same blob sha) are paired.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, matchesGlob, posix, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { GitHubClient, Repo } from './client.ts';

const run = promisify(execFile);

export interface BaseFiles {
  /** Paths in the repository at the base that match the patterns, sorted. */
  paths: string[];
  /** head path → base path, for head files that are renames of a base file the patterns match. */
  renames: Map<string, string>;
  source: 'git' | 'api';
  /** Set when the listing may be incomplete (a truncated tree). */
  note?: string;
}

export interface BaseFilesQuery extends Repo {
  baseSha: string;
  /** The `requests` patterns, as given (one per line). */
  patterns: string;
  /** Where the patterns are relative to: the checkout's root (GITHUB_WORKSPACE). */
  cwd: string;
  /** The head's request files (repository paths and where to read them), for pairing renames. */
  headFiles: { path: string; absolute: string }[];
}

/** The patterns as repository paths: `./evals/*.jsonl` and `evals//a.jsonl` mean what they mean to fs.glob at head.
 *  A pattern outside the checkout names no repository file and is left out. */
export function repoPatterns(patterns: string, cwd: string): string[] {
  const out: string[] = [];
  for (const raw of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    let p = raw;
    if (isAbsolute(p)) {
      const rel = relative(cwd, p);
      if (rel.startsWith('..') || isAbsolute(rel)) continue;
      p = rel.split(sep).join('/');
    }
    p = posix.normalize(p.replace(/\\/g, '/'));
    if (p === '..' || p.startsWith('../')) continue;
    out.push(p);
  }
  return out;
}

/** fs.glob's semantics at head (no dotfiles unless the pattern names them), path.matchesGlob's here. */
export function matchesAny(path: string, patterns: string[]): boolean {
  return patterns.some((p) => matchesGlob(path, p));
}

/** undefined when neither the clone nor the API can list the base (no base commit locally and no token). */
export async function listBaseFiles(gh: GitHubClient | null, q: BaseFilesQuery): Promise<BaseFiles | undefined> {
  const patterns = repoPatterns(q.patterns, q.cwd);
  if (patterns.length === 0) return { paths: [], renames: new Map(), source: 'git' };
  if (await hasCommit(q.baseSha, q.cwd)) return fromGit(q, patterns);
  if (!gh) return undefined;
  return fromApi(gh, q, patterns);
}

async function hasCommit(sha: string, cwd: string): Promise<boolean> {
  try {
    await run('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd });
    return true;
  } catch {
    return false;
  }
}

async function fromGit(q: BaseFilesQuery, patterns: string[]): Promise<BaseFiles> {
  const big = { cwd: q.cwd, maxBuffer: 256 * 1024 * 1024 };
  // --full-tree: repository paths, as `git show <sha>:<path>` reads them, wherever the checkout's cwd is.
  const { stdout: listed } = await run('git', ['ls-tree', '-r', '-z', '--name-only', '--full-tree', q.baseSha], big);
  const paths = listed.split('\0').filter((p) => p && matchesAny(p, patterns)).sort();
  const baseSet = new Set(paths);
  const headSet = new Set(q.headFiles.map((f) => f.path));
  const renames = new Map<string, string>();
  // HEAD, the commit checked out (a PR's merge commit): the head files are its working tree.
  const { stdout: diff } = await run('git', ['diff', '--find-renames', '--name-status', '-z', q.baseSha, 'HEAD'], big);
  const fields = diff.split('\0');
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++];
      const to = fields[i++];
      if (status.startsWith('R') && baseSet.has(from) && headSet.has(to) && !baseSet.has(to)) renames.set(to, from);
    } else {
      i++;
    }
  }
  return { paths, renames, source: 'git' };
}

async function fromApi(gh: GitHubClient, q: BaseFilesQuery, patterns: string[]): Promise<BaseFiles> {
  // A commit sha works as tree_sha: GitHub resolves it to the commit's tree.
  const res = await gh.rest.git.getTree({ owner: q.owner, repo: q.repo, tree_sha: q.baseSha, recursive: 'true' });
  const blobs = res.data.tree.filter((e) => e.type === 'blob' && e.path && matchesAny(e.path, patterns));
  const paths = blobs.map((e) => e.path!).sort();
  const baseSet = new Set(paths);
  const bySha = new Map<string, string[]>();
  for (const e of blobs) if (e.sha) bySha.set(e.sha, [...(bySha.get(e.sha) ?? []), e.path!]);
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const f of q.headFiles) {
    if (baseSet.has(f.path)) continue;
    const from = (bySha.get(gitBlobSha(await readFile(f.absolute))) ?? []).find((p) => !taken.has(p) && !q.headFiles.some((h) => h.path === p));
    if (from) {
      renames.set(f.path, from);
      taken.add(from);
    }
  }
  const note = res.data.truncated ? `the base tree is too large for one API answer: files deleted by this pull request may be missing` : undefined;
  return { paths, renames, source: 'api', ...(note ? { note } : {}) };
}

/** The sha git gives a file's bytes (what the trees API lists). */
export function gitBlobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}
