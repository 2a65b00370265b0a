// One comment per pull request that batchwise keeps up to date (infracost's sticky comment): a hidden marker finds it
// again on the next run, so a PR pushed twenty times has one cost report, not twenty. Only a comment the token's own
// user wrote is ours: anyone can paste the marker into a comment, and we must not take theirs over (or trust it).
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

interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

/** The token's own login, or null for a token that cannot read /user: the default `github.token` and GitHub App
 *  installation tokens, whose comments are written by a bot (github-actions[bot], or the app's). */
async function ownLogin(gh: GitHubClient): Promise<string | null> {
  try {
    return (await gh.rest.users.getAuthenticated()).data.login;
  } catch {
    return null;
  }
}

/** The newest comment with the marker that the token's user wrote (the newest wins if a race ever made two). */
async function findOurs(gh: GitHubClient, opts: StickyCommentOptions): Promise<IssueComment | undefined> {
  const comments: IssueComment[] = await gh.paginate(gh.rest.issues.listComments, {
    owner: opts.owner,
    repo: opts.repo,
    issue_number: opts.issue_number,
    per_page: 100,
  });
  const marked = comments.filter((c) => c.body?.includes(opts.marker));
  if (marked.length === 0) return undefined;
  const login = await ownLogin(gh);
  return marked.filter((c) => (login ? c.user?.login === login : c.user?.type === 'Bot')).at(-1);
}

/** The link to the workflow run changes on every run; a report that differs only there is the same report. */
function sameReport(a: string, b: string): boolean {
  const runLinks = /\/actions\/runs\/\d+(?:\/attempts?\/\d+)?/g;
  return a.replace(runLinks, '/actions/runs/…') === b.replace(runLinks, '/actions/runs/…');
}

async function update(gh: GitHubClient, opts: StickyCommentOptions, ours: IssueComment): Promise<StickyCommentResult> {
  if (ours.body && sameReport(ours.body, opts.body)) return { action: 'unchanged', id: ours.id, url: ours.html_url };
  const { data } = await gh.rest.issues.updateComment({ owner: opts.owner, repo: opts.repo, comment_id: ours.id, body: opts.body });
  return { action: 'updated', id: data.id, url: data.html_url };
}

function permissionError(err: unknown, opts: StickyCommentOptions): unknown {
  if (!isPermissionError(err)) return err;
  return new GitHubPermissionError(`comment on pull request #${opts.issue_number}`, 'pull-requests: write', 'pull requests from forks get a read-only token');
}

export async function upsertStickyComment(gh: GitHubClient, opts: StickyCommentOptions): Promise<StickyCommentResult> {
  if (!opts.body.includes(opts.marker)) throw new Error('a sticky comment body must contain its marker');
  try {
    if (opts.mode === 'update') {
      const ours = await findOurs(gh, opts);
      if (ours) return await update(gh, opts, ours);
    }
    const { data } = await gh.rest.issues.createComment({ owner: opts.owner, repo: opts.repo, issue_number: opts.issue_number, body: opts.body });
    return { action: 'created', id: data.id, url: data.html_url };
  } catch (err) {
    throw permissionError(err, opts);
  }
}

/** Brings our marked comment up to date if there is one, and posts nothing otherwise: a report with nothing to say
 *  (the PR no longer changes any request file) must not leave an older, wrong one standing, nor start a new one. */
export async function refreshStickyComment(gh: GitHubClient, opts: Omit<StickyCommentOptions, 'mode'>): Promise<StickyCommentResult | null> {
  if (!opts.body.includes(opts.marker)) throw new Error('a sticky comment body must contain its marker');
  const full = { ...opts, mode: 'update' as const };
  try {
    const ours = await findOurs(gh, full);
    return ours ? await update(gh, full, ours) : null;
  } catch (err) {
    throw permissionError(err, full);
  }
}
