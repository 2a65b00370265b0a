// The action's main step: read inputs, estimate, report on the pull request, run (when there is a key), publish.
// Every decision is made by the core; this file only orders the phases and says what happened.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { loadCatalog } from '../pricing/index.ts';
import { estimateToJson } from '../report/estimateJson.ts';
import { renderEstimateMarkdown } from '../report/estimateMarkdown.ts';
import { collectFailures } from '../report/failures.ts';
import { renderEstimateSummary, renderRunSummary, runHeadline } from '../report/summary.ts';
import { githubClient } from '../github/client.ts';
import { readRunnerContext } from '../github/runnerContext.ts';
import { estimateAll, throwIfInvalid } from './estimatePhase.ts';
import { maskSecrets, readInputs } from './inputs.ts';
import { setEstimateOutputs, setRunOutputs } from './outputs.ts';
import { reportOnPullRequest } from './prReportPhase.ts';
import { publishArtifact, publishCommit } from './publish.ts';
import { resolveRequests } from './resolveRequests.ts';
import { runAll, runDirs } from './runPhase.ts';
import { saveOutputDir } from './state.ts';
import { describe } from './describeError.ts';

export class JobCancelledError extends Error {
  constructor() {
    super('the job was cancelled while the run was in progress; batches still in flight are handled by the post step (on-cancel)');
    this.name = 'JobCancelledError';
  }
}

export interface MainDeps {
  /** The runner's artifact service client; tests pass their own. */
  artifactClient?: ArtifactClient;
}

/** Annotated failed requests per file: enough to see the pattern without flooding the log. */
const ANNOTATED_FAILURES = 10;

export async function run(deps: MainDeps = {}): Promise<void> {
  const abort = new AbortController();
  // The runner sends SIGINT when the job is cancelled (SIGTERM a few seconds later): stop polling cleanly and leave
  // the batches in flight for post to record or cancel.
  const stop = () => abort.abort(new JobCancelledError());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    maskSecrets();
    const inputs = readInputs();
    const ctx = readRunnerContext();
    const catalog = loadCatalog(inputs.pricingFile);
    const gh = inputs.githubToken ? githubClient(inputs.githubToken, ctx.apiUrl) : null;
    const outputDir = resolve(ctx.workspace, inputs.outputDir);
    saveOutputDir(outputDir);

    const files = await core.group('Estimate', async () => {
      const found = await resolveRequests(inputs.requests, ctx.workspace);
      core.info(`request files: ${found.map((f) => f.path).join(', ')}`);
      return estimateAll(found, inputs, catalog);
    });

    const pr = await core.group('Pull request cost report', async () => {
      try {
        return await reportOnPullRequest(gh, ctx, inputs, files, catalog);
      } catch (err) {
        // The report is a courtesy to reviewers: an API hiccup must not fail the step (or stop a paid run).
        core.warning(`the pull-request cost report failed: ${(err as Error).message}`);
        return undefined;
      }
    });
    const prInSummary = pr && pr.result === 'not-posted' ? `\n\n---\n\n${pr.body}` : '';
    const estimates = throwIfInvalid(files);

    if (!inputs.apiKey || inputs.mode === 'estimate') {
      const why = inputs.mode === 'estimate' ? '`mode: estimate`' : 'no api-key was given (estimate only)';
      if (!inputs.apiKey && inputs.mode !== 'estimate') {
        core.notice('No api-key: batchwise estimated the cost and ran nothing. Pass `api-key: ${{ secrets.OPENAI_API_KEY }}` to run.');
      }
      mkdirSync(outputDir, { recursive: true });
      const report = join(outputDir, 'estimate.md');
      writeFileSync(report, estimates.map(renderEstimateMarkdown).join('\n'));
      writeFileSync(join(outputDir, 'estimate.json'), JSON.stringify(estimates.map(estimateToJson), null, 2) + '\n');
      await core.summary.addRaw(renderEstimateSummary(estimates, { why }) + prInSummary, true).write();
      setEstimateOutputs(estimates, report);
      return;
    }

    const dirs = runDirs(outputDir, files);
    const runs = await runAll(files, dirs, inputs, ctx, catalog, abort.signal);

    await core.group('Publish', async () => {
      await core.summary.addRaw(renderRunSummary(runs) + prInSummary, true).write();
      setRunOutputs(runs);
      const artifactClient = deps.artifactClient ?? new (await import('@actions/artifact')).DefaultArtifactClient();
      await publishArtifact(artifactClient, inputs, outputDir, dirs);
      await publishCommit(gh, ctx, inputs, outputDir, dirs, `batchwise: results of ${files.map((f) => f.path).join(', ')}\n\n${runHeadline(runs)}`);
    });

    let unfinished = 0;
    for (const [i, r] of runs.entries()) {
      const file = files[i].path;
      const { shown, total } = await collectFailures(r.results_path, ANNOTATED_FAILURES);
      unfinished += total;
      for (const f of shown) core.warning(`${f.custom_id} ${f.status}: ${f.message}`, { file, startLine: f.line, title: 'request did not succeed' });
      if (total > shown.length) core.warning(`${file}: ${total - shown.length} more requests did not succeed; see ${r.results_path}`);
    }
    core.info(runHeadline(runs));
    if (unfinished > 0 && inputs.failOn === 'any') {
      core.setFailed(`${unfinished} request(s) did not succeed (fail-on: any; set fail-on: none to accept them)`);
    }
  } catch (err) {
    // An abort surfaces as whatever the SDK was doing at the time ("Request was aborted."): say what really happened.
    core.setFailed(describe(abort.signal.aborted ? abort.signal.reason : err));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
