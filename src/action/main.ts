// The action's main step: read inputs, estimate, report on the pull request, run (when there is a key), publish.
// Every decision is made by the core; this file only orders the phases and says what happened.
import * as core from '@actions/core';
import { scrub } from '../shared/secrets.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { loadCatalog } from '../pricing/index.ts';
import { KEY_ENV, catalogForProvider, keyInputName } from '../run/providers/index.ts';
import { estimateToJson } from '../report/estimateJson.ts';
import { renderEstimateMarkdown } from '../report/estimateMarkdown.ts';
import { collectFailures } from '../report/failures.ts';
import { renderEstimateSummary, renderRunSummary, runHeadline } from '../report/summary.ts';
import { githubClient } from '../github/client.ts';
import { readRunnerContext } from '../github/runnerContext.ts';
import { estimateAll, throwIfInvalid } from './estimatePhase.ts';
import type { EstimateContext } from './estimatePhase.ts';
import { maskSecrets, readInputs } from './inputs.ts';
import { setEstimateOutputs, setRunOutputs } from './outputs.ts';
import { reportOnPullRequest } from './prReportPhase.ts';
import { refreshStaleReport } from './refreshStaleReport.ts';
import { publishArtifact, publishCommit } from './publish.ts';
import { requestFilesOf } from './resolveRequests.ts';
import { joinAnswers } from './joinPhase.ts';
import { runAll, runDirs } from './runPhase.ts';
import { saveOutputDir } from './state.ts';
import { historyPathOf, readStepHistory, restoreCommittedHistory } from './historyFile.ts';
import { now } from '../shared/clock.ts';
import { describe } from './describeError.ts';
import { logInfo } from './logSafe.ts';

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

/** The summary tells why in a sentence; a stack, if any, is in the step's error. */
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
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
  // An abort surfaces as whatever the SDK was doing at the time ("Request was aborted."): say what really happened.
  const reasonOf = (err: unknown) => (abort.signal.aborted ? abort.signal.reason : err);
  try {
    maskSecrets();
    const inputs = readInputs();
    const ctx = readRunnerContext();
    // The prices the chosen provider bills (Anthropic's and Gemini's own; Azure's are OpenAI's list).
    const catalog = catalogForProvider(inputs.provider, loadCatalog(inputs.pricingFile, { strict: inputs.strictPricing }));
    // Today is read once, here at the edge: model shutdowns and the catalog's age (BATCHWISE_NOW pins it in tests).
    const today = now();
    const gh = inputs.githubToken ? githubClient(inputs.githubToken, ctx.apiUrl) : null;
    const outputDir = resolve(ctx.workspace, inputs.outputDir);
    saveOutputDir(outputDir);
    const historyPath = historyPathOf(inputs, ctx.workspace);

    let estimateContext: EstimateContext = { catalog, history: [], now: today };
    const files = await core.group('Estimate', async () => {
      // On a pull request a pattern that matches nothing may be a PR deleting every request file: the report says so.
      const onNoMatch = ctx.pullRequest ? { onNoMatch: (p: string) => core.warning(`requests: "${p}" matches no file at the head of this pull request`) } : {};
      const found = await requestFilesOf(inputs, ctx.workspace, outputDir, onNoMatch);
      logInfo(`request files: ${found.map((f) => f.path).join(', ')}`);
      await restoreCommittedHistory(gh, ctx, inputs, historyPath);
      estimateContext = { catalog, history: await readStepHistory(historyPath), now: today };
      return estimateAll(found, inputs, estimateContext);
    });

    const pr = await core.group('Pull request cost report', async () => {
      try {
        return await refreshStaleReport(gh, ctx, inputs, await reportOnPullRequest(gh, ctx, inputs, files, estimateContext));
      } catch (err) {
        // The report is a courtesy to reviewers: an API hiccup must not fail the step (or stop a paid run).
        core.warning(`the pull-request cost report failed: ${(err as Error).message}`);
        return undefined;
      }
    });
    // Not posted (a fork's read-only token): the report goes into the summary — first where the step only estimates
    // (what the pull request changes is what its reader came for), after the results where it ran.
    const notPosted = pr && pr.result === 'not-posted' ? pr.body : null;
    const prInSummary = notPosted ? `\n\n---\n\n${notPosted}` : '';
    if (files.length === 0) {
      // Only on a pull request (elsewhere no match is an error): nothing to estimate or run, the report is all there is.
      await core.summary.addRaw(scrub(pr?.body ?? 'batchwise: no request file at the head of this pull request.'), true).write();
      setEstimateOutputs([], '');
      return;
    }
    const estimates = throwIfInvalid(files);

    if (!inputs.apiKey || inputs.mode === 'estimate') {
      const input = keyInputName(inputs.provider);
      const why = inputs.mode === 'estimate' ? '`mode: estimate`' : `no ${input} was given (estimate only)`;
      if (!inputs.apiKey && inputs.mode !== 'estimate') {
        core.notice(`No ${input}: batchwise estimated the cost and ran nothing. Pass \`${input}: \${{ secrets.${KEY_ENV[inputs.provider][0]} }}\` to run.`);
      }
      mkdirSync(outputDir, { recursive: true });
      const report = join(outputDir, 'estimate.md');
      writeFileSync(report, scrub(estimates.map(renderEstimateMarkdown).join('\n')));
      writeFileSync(join(outputDir, 'estimate.json'), scrub(JSON.stringify(estimates.map(estimateToJson), null, 2) + '\n'));
      const estimateSummary = renderEstimateSummary(estimates, { why });
      await core.summary.addRaw(scrub(notPosted ? `${notPosted}\n\n---\n\n${estimateSummary}` : estimateSummary), true).write();
      setEstimateOutputs(estimates, report);
      return;
    }

    const dirs = runDirs(outputDir, files);
    const { runs, failure } = await runAll(files, dirs, inputs, ctx, { catalog, historyPath, now: today, signal: abort.signal });
    // A file that failed does not lose the ones before it, already paid for: they are published, then the step fails.
    if (runs.length === 0) throw failure;
    const ranDirs = dirs.slice(0, runs.length);
    const notRun = files.slice(runs.length).map((f, k) => ({ file: f.path, reason: k === 0 ? messageOf(reasonOf(failure)) : 'not started' }));
    if (inputs.data) await joinAnswers(inputs, ctx.workspace, outputDir, runs[0]);

    try {
      await core.group('Publish', async () => {
        await core.summary.addRaw(scrub(renderRunSummary(runs, { notRun }) + prInSummary), true).write();
        setRunOutputs(runs);
        const artifactClient = deps.artifactClient ?? new (await import('@actions/artifact')).DefaultArtifactClient();
        await publishArtifact(artifactClient, inputs, outputDir, ranDirs);
        await publishCommit(gh, ctx, inputs, outputDir, ranDirs, historyPath, scrub(`batchwise: results of ${runs.map((r) => r.file).join(', ')}\n\n${runHeadline(runs)}`));
      });
    } catch (err) {
      // The run's own failure is the step's message; a publishing problem on top of it is a warning.
      if (failure === undefined) throw err;
      core.warning(`publishing the files that finished failed: ${describe(err)}`);
    }

    // A run stopped by its latency budget with batches still running is in progress, not failed: its state is in the
    // output folder, and the next run of this workflow (same output folder, e.g. restored by actions/cache) continues.
    const inProgress = runs.filter((r) => r.in_progress);
    for (const r of inProgress) {
      core.notice(`${r.file}: in progress — ${r.in_progress!.message}; ${r.in_progress!.requests_left} request(s) left. The next run with the same output-dir continues it.`);
    }
    let unfinished = 0;
    for (const [i, r] of runs.entries()) {
      if (r.in_progress) continue;
      const file = files[i].path;
      const { shown, total } = await collectFailures(r.results_path, ANNOTATED_FAILURES);
      unfinished += total;
      for (const f of shown) core.warning(`${f.custom_id} ${f.status}: ${f.message}`, { file, startLine: f.line, title: 'request did not succeed' });
      if (total > shown.length) core.warning(`${file}: ${total - shown.length} more requests did not succeed; see ${r.results_path}`);
    }
    logInfo(runHeadline(runs));
    if (failure !== undefined) throw failure;
    if (unfinished > 0 && inputs.failOn === 'any') {
      core.setFailed(`${unfinished} request(s) did not succeed (fail-on: any; set fail-on: none to accept them)`);
    }
  } catch (err) {
    core.setFailed(describe(reasonOf(err)));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
