// The run history (history/) in the action. A job starts from a fresh checkout and cannot see the last job's files,
// so history lasts across runs only when something carries it: with `commit` it goes into the results' commit (at its
// own path, where the next checkout of that branch has it), and is read back from the commit branch when the checkout
// is of another branch; without `commit`, an actions/cache step on `.batchwise` carries it (see the examples).
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { readHistory } from '../history/index.ts';
import type { Observation } from '../history/index.ts';
import type { GitHubClient } from '../github/client.ts';
import { readFileAtCommit } from '../github/readFileAtCommit.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { ActionInputError } from './inputs.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo } from './logSafe.ts';

/** The history file on the runner, or null with `history: false`. */
export function historyPathOf(inputs: ActionInputs, workspace: string): string | null {
  return inputs.history === false ? null : resolve(workspace, inputs.history);
}

/** The history file's path in the repository (forward slashes), or null when it is outside the checkout. */
export function historyRepoPath(path: string, workspace: string): string | null {
  const rel = relative(workspace, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || resolve(workspace, rel) !== path) return null;
  return rel.split(sep).join('/');
}

/** What earlier runs observed, for the estimate (a run reads the file again itself, as the CLI's does). */
export async function readStepHistory(path: string | null): Promise<Observation[]> {
  if (path === null) return [];
  let h;
  try {
    h = await readHistory(path);
  } catch (err) {
    // A missing file is an empty history; anything else (a folder in the way, no permission) is the input's problem.
    throw new ActionInputError('history', `cannot read ${path}: ${(err as Error).message}`);
  }
  if (h.skipped > 0) core.warning(`${h.skipped} line(s) of the history file ${path} could not be read and were skipped`);
  if (h.observations.length > 0) logInfo(`history: ${h.observations.length} observation(s) from ${path} calibrate the estimate`);
  return h.observations;
}

/** With `commit`, the history the last run committed to the commit branch, when the checkout does not have it (a
 *  nightly job checks out main and commits to eval-results). A failure here costs calibration, never the step. */
export async function restoreCommittedHistory(
  gh: GitHubClient | null,
  ctx: RunnerContext,
  inputs: ActionInputs,
  path: string | null,
): Promise<void> {
  if (inputs.commit === false || path === null || gh === null || existsSync(path)) return;
  const branch = inputs.commitBranch ?? ctx.branch;
  const repoPath = historyRepoPath(path, ctx.workspace);
  if (!branch || repoPath === null) return;
  try {
    const r = await readFileAtCommit(gh, { owner: ctx.owner, repo: ctx.repo, sha: branch, path: repoPath, cwd: ctx.workspace });
    if (!r.content) return;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, r.content);
    logInfo(`history: ${repoPath} restored from branch ${branch} (${r.content.length} bytes)`);
  } catch (err) {
    core.warning(`the run history could not be read from branch ${branch}: ${(err as Error).message}. This run's estimate is not calibrated by earlier runs.`);
  }
}
