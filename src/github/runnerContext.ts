// What the runner tells a step about where it runs, read from the environment and the event payload (the same
// variables @actions/github's context reads, kept as plain data so every consumer can be tested without a runner).
import { readFileSync } from 'node:fs';

export interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
  headRef: string;
  /** A fork's pull request: the token is read-only, secrets are absent. */
  fromFork: boolean;
}

export interface RunnerContext {
  owner: string;
  repo: string;
  eventName: string;
  sha: string;
  /** The branch a push or dispatch ran on (refs/heads/… stripped); for a pull request, its head branch. */
  branch: string | undefined;
  workspace: string;
  runId: string | undefined;
  /** Link to the workflow run, for reports. */
  runUrl: string | undefined;
  apiUrl: string;
  pullRequest: PullRequestRef | undefined;
}

export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  let payload: Record<string, any> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  const pr = payload.pull_request;
  const pullRequest: PullRequestRef | undefined =
    pr && typeof pr.number === 'number' && pr.base?.sha && pr.head?.sha
      ? {
          number: pr.number,
          baseSha: pr.base.sha,
          headSha: pr.head.sha,
          headRef: pr.head.ref ?? env.GITHUB_HEAD_REF ?? '',
          fromFork: Boolean(pr.head.repo && pr.base.repo && pr.head.repo.full_name !== pr.base.repo.full_name),
        }
      : undefined;
  const ref = env.GITHUB_REF ?? '';
  const branch = env.GITHUB_HEAD_REF || (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined);
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    owner,
    repo,
    eventName,
    sha: env.GITHUB_SHA ?? '',
    branch,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runId: env.GITHUB_RUN_ID,
    runUrl: env.GITHUB_RUN_ID && owner ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    pullRequest,
  };
}
