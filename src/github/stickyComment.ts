// One comment per pull request that batchwise keeps up to date (infracost's sticky comment): a hidden marker finds it
// again on the next run, so a PR pushed twenty times has one cost report, not twenty.
import type { GitHubClient, Repo } from './client.ts';
import { isPermissionError } from './client.ts';
import { GitHubPermissionError } from './permissionError.ts';

export type CommentMode = 'update' | 'new';

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  url: string;
}

export interface StickyCommentOptions extends Repo {
  issue_number: number;
  /** An HTML comment that the body contains and no human writes, e.g. `<!-- batchwise:cost-report -->`. */
  marker: string;
  body: string;
  /** update: edit the last comment with the marker; new: always post a new one. */
  mode: CommentMode;
}

export async function upsertStickyComment(gh: GitHubClient, opts: StickyCommentOptions): Promise<StickyCommentResult> {
  if (!opts.body.includes(opts.marker)) throw new Error('a sticky comment body must contain its marker');
  const where = { owner: opts.owner, repo: opts.repo };
  try {
    if (opts.mode === 'update') {
      const comments = await gh.paginate(gh.rest.issues.listComments, { ...where, issue_number: opts.issue_number, per_page: 100 });
      // The newest one wins if a race ever made two.
      const mine = comments.filter((c) => c.body?.includes(opts.marker)).at(-1);
      if (mine) {
        if (mine.body === opts.body) return { action: 'unchanged', id: mine.id, url: mine.html_url };
        const { data } = await gh.rest.issues.updateComment({ ...where, comment_id: mine.id, body: opts.body });
        return { action: 'updated', id: data.id, url: data.html_url };
      }
    }
    const { data } = await gh.rest.issues.createComment({ ...where, issue_number: opts.issue_number, body: opts.body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (err) {
    if (isPermissionError(err)) {
      throw new GitHubPermissionError(
        `comment on pull request #${opts.issue_number}`,
        'pull-requests: write',
        'pull requests from forks get a read-only token',
      );
    }
    throw err;
  }
}
