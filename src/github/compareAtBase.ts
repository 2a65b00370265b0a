// A pull request's request files estimated at its head (the checkout) and at its base (git when the clone has the
// base commit, else the API), paired per file for the cost report: files the PR adds, changes, renames and deletes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateFile } from '../estimate/estimateFile.ts';
import type { FileEstimate } from '../estimate/types.ts';
import type { Catalog } from '../pricing/index.ts';
import type { Observation } from '../history/index.ts';
import type { FileComparison } from '../report/prComment.ts';
import { listBaseFiles } from './baseFiles.ts';
import type { BaseFiles } from './baseFiles.ts';
import type { GitHubClient, Repo } from './client.ts';
import { readFileAtCommit } from './readFileAtCommit.ts';

export interface CompareOptions extends Repo {
  baseSha: string;
  catalog: Catalog;
  region?: boolean;
  history?: Observation[];
  now?: Date;
  latencyBudgetMs?: number;
  minSavingsUsd?: number;
  /** The checkout (where `git show` runs). */
  cwd: string;
  /** The `requests` patterns: the base's files that match them and are gone at head are reported as deleted, and
   *  renames are paired. Without them only the head's files are compared. */
  patterns?: string;
  log?: (line: string) => void;
}

export interface HeadFile {
  /** Path in the repository. */
  path: string;
  absolute: string;
  /** The head's estimate when the caller already has it. */
  estimate?: FileEstimate;
  /** A file made in the job (prepared from a table) has no base version of its own: this makes it from the base's
   *  sources, in `scratch`. Default: the file at the same path in the base commit. */
  readBase?: (scratch: string) => Promise<BaseVersion>;
}

export interface BaseVersion {
  content: Buffer | null;
  source: 'git' | 'api';
  /** The base's sources exist but could not make the file: shown as invalid at base. */
  error?: string;
}

export async function compareAtBase(gh: GitHubClient | null, files: HeadFile[], opts: CompareOptions): Promise<FileComparison[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'batchwise-base-'));
  let n = 0;
  const estimate = (path: string, displayName: string) =>
    estimateFile(path, {
      catalog: opts.catalog, displayName, latencyBudgetMs: opts.latencyBudgetMs, minSavingsUsd: opts.minSavingsUsd,
      region: opts.region, history: opts.history, now: opts.now,
    });
  /** The base's bytes estimated; a base that was already broken is shown as such (the PR is not to blame for it). */
  const estimateBase = async (content: Buffer, path: string): Promise<{ base: FileEstimate | null; baseError?: string }> => {
    const at = join(scratch, `base-${n++}.jsonl`);
    await writeFile(at, content);
    try {
      return { base: await estimate(at, path) };
    } catch (err) {
      return { base: null, baseError: (err as Error).message };
    }
  };
  try {
    const listing = opts.patterns === undefined ? undefined : await baseListing(gh, files, opts);
    const out: FileComparison[] = [];
    const seenAtBase = new Set<string>();
    for (const f of files) {
      const headBytes = await readFile(f.absolute);
      const basePath = listing?.renames.get(f.path) ?? f.path;
      const renamedFrom = basePath !== f.path ? basePath : undefined;
      seenAtBase.add(basePath);
      const base: BaseVersion = f.readBase
        ? await f.readBase(scratch)
        : await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path: basePath, cwd: opts.cwd });
      opts.log?.(`${f.path}: base ${base.content ? `read from ${base.source}${renamedFrom ? ` (renamed from ${renamedFrom})` : ''}` : base.error ? 'is invalid' : 'has no such file'}`);
      const sameBytes = base.content !== null && base.content.equals(headBytes);
      let head: FileEstimate | null = f.estimate ?? null;
      let error: string | undefined;
      if (!head) {
        try {
          head = await estimate(f.absolute, f.path);
        } catch (err) {
          error = (err as Error).message;
        }
      }
      let baseSide: { base: FileEstimate | null; baseError?: string } = base.error ? { base: null, baseError: base.error } : { base: null };
      if (base.content) baseSide = sameBytes && head ? { base: head } : await estimateBase(base.content, basePath);
      out.push({
        path: f.path,
        ...baseSide,
        head,
        changed: !sameBytes || renamedFrom !== undefined,
        ...(renamedFrom ? { renamedFrom } : {}),
        ...(error ? { error } : {}),
      });
    }
    // What the base had and the head no longer has: deleted by the PR (or moved out of the patterns' reach).
    for (const path of listing?.paths ?? []) {
      if (seenAtBase.has(path) || files.some((f) => f.path === path)) continue;
      const base = await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path, cwd: opts.cwd });
      if (!base.content) continue;
      opts.log?.(`${path}: deleted by this pull request (base read from ${base.source})`);
      out.push({ path, ...(await estimateBase(base.content, path)), head: null, changed: true, deleted: true });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The base's matching files; a listing that fails costs only the deletions and renames, never the report. */
async function baseListing(gh: GitHubClient | null, files: HeadFile[], opts: CompareOptions): Promise<BaseFiles | undefined> {
  try {
    const listing = await listBaseFiles(gh, {
      owner: opts.owner,
      repo: opts.repo,
      baseSha: opts.baseSha,
      patterns: opts.patterns!,
      cwd: opts.cwd,
      headFiles: files,
    });
    if (!listing) opts.log?.('the base commit is not in the clone and there is no token: files deleted by this pull request are not shown');
    else if (listing.note) opts.log?.(listing.note);
    return listing;
  } catch (err) {
    opts.log?.(`could not list the base's request files (${(err as Error).message}): files deleted by this pull request are not shown`);
    return undefined;
  }
}
