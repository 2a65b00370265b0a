// The one way batchwise talks to GitHub: an Octokit from @actions/github, which reads GITHUB_API_URL (so GitHub
// Enterprise and the tests' loopback stand-in work the same) and sends the runner's user agent.
import { getOctokit } from '@actions/github';

export type GitHubClient = ReturnType<typeof getOctokit>;

export function githubClient(token: string, baseUrl?: string): GitHubClient {
  return getOctokit(token, baseUrl ? { baseUrl } : {});
}

/** The repository an Octokit call acts on. */
export interface Repo {
  owner: string;
  repo: string;
}

/** GitHub answers 403 (and for some write endpoints 404) when the token lacks a permission. */
export function isPermissionError(err: unknown): boolean {
  const status = (err as { status?: unknown })?.status;
  return status === 403;
}

/** The HTTP status of an Octokit error, or undefined for anything else. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}
