// The pull-request cost report: compare each request file at base and head, then keep one sticky comment up to date.
// A token that cannot comment (fork PRs get a read-only one) is a warning, never a failed step: the report then goes
// to the job summary, where the author can still read it.
import * as core from '@actions/core';
import { scrub } from '../shared/secrets.ts';
import type { GitHubClient } from '../github/client.ts';
import { compareAtBase } from '../github/compareAtBase.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { upsertStickyComment } from '../github/stickyComment.ts';

import { COST_REPORT_MARKER, renderPrComment } from '../report/prComment.ts';
import type { EstimateContext, EstimatedFile } from './estimatePhase.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo } from './logSafe.ts';
import { preparedAtBase } from './preparedAtBase.ts';

export interface PrReportOutcome {
  /** created | updated | unchanged | skipped (nothing changed) | not-posted (no permission or no token) */
  result: 'created' | 'updated' | 'unchanged' | 'skipped' | 'not-posted';
  body: string;
  url?: string;
}

export async function reportOnPullRequest(
  gh: GitHubClient | null,
  ctx: RunnerContext,
  inputs: ActionInputs,
  files: EstimatedFile[],
  ec: EstimateContext,
): Promise<PrReportOutcome | undefined> {
  const pr = ctx.pullRequest;
  if (!pr || inputs.comment === 'off') return undefined;
  const comparisons = await compareAtBase(
    gh,
    files.map((f) => ({
      path: f.path,
      absolute: f.absolute,
      ...(f.estimate ? { estimate: f.estimate } : {}),
      // Prepared from `data` in this job: its base version is prepared from the base's table and template.
      ...(inputs.data ? { readBase: preparedAtBase(gh, ctx, inputs, pr.baseSha) } : {}),
    })),
    {
      owner: ctx.owner,
      repo: ctx.repo,
      baseSha: pr.baseSha,
      // The base is estimated exactly as the head was (catalog, region, history, today): a change the PR did not cause
      // must not show.
      catalog: ec.catalog,
      region: inputs.region,
      history: ec.history,
      now: ec.now,
      cwd: ctx.workspace,
      // Files the PR deletes or renames are found among the base's files that match the same patterns.
      ...(inputs.requests ? { patterns: inputs.requests } : {}),
      latencyBudgetMs: inputs.latencyBudgetMs,
      minSavingsUsd: inputs.minSavingsUsd,
      // Lines name the PR's files: a file name must not forge a workflow command.
      log: (line) => logInfo(line),
    },
  );
  // Posted publicly: scrubbed like every other thing the step writes.
  const body = scrub(renderPrComment(comparisons, { runUrl: ctx.runUrl }));
  if (comparisons.every((c) => !c.changed)) {
    core.info(`no request file changed between ${pr.baseSha.slice(0, 7)} and ${pr.headSha.slice(0, 7)}: no comment`);
    return { result: 'skipped', body };
  }
  if (!gh) {
    core.warning('no github-token: the cost report is in the job summary instead of a pull-request comment');
    return { result: 'not-posted', body };
  }
  try {
    const r = await upsertStickyComment(gh, {
      owner: ctx.owner,
      repo: ctx.repo,
      issue_number: pr.number,
      marker: COST_REPORT_MARKER,
      body,
      mode: inputs.comment === 'new' ? 'new' : 'update',
    });
    core.info(`cost report comment ${r.action}: ${r.url}`);
    return { result: r.action, body, url: r.url };
  } catch (err) {
    if ((err as Error).name !== 'GitHubPermissionError') throw err;
    core.warning(`${(err as Error).message}. The cost report is in the job summary.`);
    return { result: 'not-posted', body };
  }
}
