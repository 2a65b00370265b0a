// A pull request's request files estimated at its head (the checkout) and at its base (git when the clone has the
// base commit, else the contents API), paired per file for the cost report.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { estimateFile } from '../estimate/estimateFile.ts';
import type { FileEstimate } from '../estimate/types.ts';
import type { Catalog } from '../pricing/index.ts';
import type { FileComparison } from '../report/prComment.ts';
import type { GitHubClient, Repo } from './client.ts';
import { readFileAtCommit } from './readFileAtCommit.ts';

export interface CompareOptions extends Repo {
  baseSha: string;
  catalog: Catalog;
  latencyBudgetMs?: number;
  minSavingsUsd?: number;
  /** The checkout (where `git show` runs). */
  cwd: string;
  log?: (line: string) => void;
}

export interface HeadFile {
  /** Path in the repository. */
  path: string;
  absolute: string;
  /** The head's estimate when the caller already has it. */
  estimate?: FileEstimate;
}

export async function compareAtBase(gh: GitHubClient | null, files: HeadFile[], opts: CompareOptions): Promise<FileComparison[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'batchwise-base-'));
  try {
    const out: FileComparison[] = [];
    for (const f of files) {
      const headBytes = await readFile(f.absolute);
      const base = await readFileAtCommit(gh, { owner: opts.owner, repo: opts.repo, sha: opts.baseSha, path: f.path, cwd: opts.cwd });
      opts.log?.(`${f.path}: base ${base.content ? `read from ${base.source}` : 'has no such file'}`);
      const changed = !base.content || !base.content.equals(headBytes);
      const estimate = (path: string) =>
        estimateFile(path, { catalog: opts.catalog, displayName: f.path, latencyBudgetMs: opts.latencyBudgetMs, minSavingsUsd: opts.minSavingsUsd });
      let head: FileEstimate | null = f.estimate ?? null;
      let error: string | undefined;
      if (!head) {
        try {
          head = await estimate(f.absolute);
        } catch (err) {
          error = (err as Error).message;
        }
      }
      let baseEstimate: FileEstimate | null = null;
      if (base.content) {
        if (!changed && head) {
          baseEstimate = head;
        } else {
          const path = join(scratch, `base-${out.length}.jsonl`);
          await writeFile(path, base.content);
          // A base that was already broken is reported as absent: the PR is not to blame for it.
          baseEstimate = await estimate(path).catch(() => null);
        }
      }
      out.push({ path: f.path, base: baseEstimate, head, changed, ...(error ? { error } : {}) });
    }
    return out;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
