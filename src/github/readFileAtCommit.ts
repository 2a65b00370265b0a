// A request file as it was at another commit (the pull request's base): from the local clone when it has that commit
// (no API call, no rate limit), else from the contents API. null when the file did not exist there.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { GitHubClient, Repo } from './client.ts';
import { httpStatus } from './client.ts';

const run = promisify(execFile);

export interface FileAtCommit {
  content: Buffer | null;
  source: 'git' | 'api';
}

export async function readFileAtCommit(
  gh: GitHubClient | null,
  where: Repo & { sha: string; path: string; cwd?: string },
): Promise<FileAtCommit> {
  const fromGit = await gitShow(where.sha, where.path, where.cwd);
  if (fromGit !== undefined) return { content: fromGit, source: 'git' };
  if (!gh) throw new Error(`commit ${where.sha} is not in the local clone and no GitHub token was given to fetch ${where.path}`);
  try {
    const res = await gh.rest.repos.getContent({
      owner: where.owner,
      repo: where.repo,
      path: where.path,
      ref: where.sha,
      // raw: the bytes themselves, up to 100 MB (the JSON form stops at 1 MB).
      mediaType: { format: 'raw' },
    });
    const data = res.data as unknown;
    return { content: typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as ArrayBuffer), source: 'api' };
  } catch (err) {
    if (httpStatus(err) === 404) return { content: null, source: 'api' };
    throw err;
  }
}

/** The file's bytes at `sha`; null when the commit has no such file; undefined when git cannot tell (no clone,
 *  shallow clone without that commit). */
async function gitShow(sha: string, path: string, cwd?: string): Promise<Buffer | null | undefined> {
  try {
    await run('git', ['cat-file', '-e', `${sha}^{commit}`], { cwd });
  } catch {
    return undefined;
  }
  try {
    const { stdout } = await run('git', ['show', `${sha}:${path}`], { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch {
    return null;
  }
}
