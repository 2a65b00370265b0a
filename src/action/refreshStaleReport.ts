// A pull request that no longer changes any request file gets no new cost report — but the one an earlier push left
// must not stay up telling what is no longer true: it is brought up to date ("No request file changed…").
import * as core from '@actions/core';
import type { GitHubClient } from '../github/client.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { refreshStickyComment } from '../github/stickyComment.ts';
import { COST_REPORT_MARKER } from '../report/prComment.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo } from './logSafe.ts';
import type { PrReportOutcome } from './prReportPhase.ts';

export async function refreshStaleReport(
  gh: GitHubClient | null,
  ctx: RunnerContext,
  inputs: ActionInputs,
  outcome: PrReportOutcome | undefined,
): Promise<PrReportOutcome | undefined> {
  const pr = ctx.pullRequest;
  // `comment: new` keeps each report as it was posted; only the sticky one speaks for the pull request as it is now.
  if (!outcome || outcome.result !== 'skipped' || !gh || !pr || inputs.comment !== 'update') return outcome;
  try {
    const r = await refreshStickyComment(gh, { owner: ctx.owner, repo: ctx.repo, issue_number: pr.number, marker: COST_REPORT_MARKER, body: outcome.body });
    if (!r) return outcome;
    logInfo(`cost report comment ${r.action} (no request file changes any more): ${r.url}`);
    return { result: r.action, body: outcome.body, url: r.url };
  } catch (err) {
    if ((err as Error).name !== 'GitHubPermissionError') throw err;
    core.warning(`${(err as Error).message}. The earlier cost report on this pull request is out of date.`);
    return outcome;
  }
}
