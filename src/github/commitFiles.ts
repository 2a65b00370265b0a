// Results committed to the repository in ONE commit through the git data API (blobs → tree → commit → ref), so a
// nightly eval adds one commit however many files it writes, and nothing needs a checkout or `git push` credentials.
import type { GitHubClient, Repo } from './client.ts';
import { httpStatus, isPermissionError } from './client.ts';
import { GitHubPermissionError } from './permissionError.ts';

export interface FileToCommit {
  /** Path in the repository, forward slashes, no leading slash. */
  path: string;
  content: Buffer;
}

export interface CommitOptions extends Repo {
  branch: string;
  message: string;
  files: FileToCommit[];
  /** Where a branch that does not exist yet starts (the workflow's commit). */
  createFrom?: string;
}

export interface CommitResult {
  sha: string;
  url: string;
  branch: string;
}

/** Two attempts: a push that lands between our read of the ref and our update makes the first one non-fast-forward. */
const ATTEMPTS = 2;

export async function commitFiles(gh: GitHubClient, opts: CommitOptions): Promise<CommitResult> {
  if (opts.files.length === 0) throw new Error('commitFiles needs at least one file');
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(gh, opts);
    } catch (err) {
      if (isPermissionError(err)) {
        throw new GitHubPermissionError(
          `write to ${opts.owner}/${opts.repo}`,
          'contents: write',
          `committing results to branch ${opts.branch}`,
        );
      }
      if (httpStatus(err) === 422 && attempt < ATTEMPTS) continue;
      throw err;
    }
  }
}

async function commitOnce(gh: GitHubClient, opts: CommitOptions): Promise<CommitResult> {
  const where = { owner: opts.owner, repo: opts.repo };
  const ref = `heads/${opts.branch}`;
  let parent: string;
  let branchExists = true;
  try {
    parent = (await gh.rest.git.getRef({ ...where, ref })).data.object.sha;
  } catch (err) {
    if (httpStatus(err) !== 404 || !opts.createFrom) throw err;
    parent = opts.createFrom;
    branchExists = false;
  }
  const baseTree = (await gh.rest.git.getCommit({ ...where, commit_sha: parent })).data.tree.sha;
  const tree = [];
  for (const f of opts.files) {
    // base64 keeps any bytes intact (the API's utf-8 encoding would not).
    const blob = await gh.rest.git.createBlob({ ...where, content: f.content.toString('base64'), encoding: 'base64' });
    tree.push({ path: f.path, mode: '100644' as const, type: 'blob' as const, sha: blob.data.sha });
  }
  const newTree = await gh.rest.git.createTree({ ...where, base_tree: baseTree, tree });
  const commit = await gh.rest.git.createCommit({ ...where, message: opts.message, tree: newTree.data.sha, parents: [parent] });
  if (branchExists) {
    await gh.rest.git.updateRef({ ...where, ref, sha: commit.data.sha, force: false });
  } else {
    await gh.rest.git.createRef({ ...where, ref: `refs/${ref}`, sha: commit.data.sha });
  }
  return { sha: commit.data.sha, url: commit.data.html_url, branch: opts.branch };
}
