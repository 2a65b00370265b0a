// Where results go after a run: the artifact and the commit. Each is optional (inputs `artifact`, `commit`).
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import type { GitHubClient } from '../github/client.ts';
import { commitFiles } from '../github/commitFiles.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { uploadResultsArtifact } from '../github/uploadArtifact.ts';
import { ActionInputError } from './inputs.ts';
import type { ActionInputs } from './inputs.ts';
import { logInfo } from './logSafe.ts';
import { historyRepoPath } from './historyFile.ts';

/** The files a run leaves behind that are worth keeping (state.json and part files are the runner's own). */
export const RESULT_FILES = ['results.jsonl', 'results.csv', 'report.md', 'report.json'] as const;

export function resultFiles(dirs: string[]): string[] {
  return dirs.flatMap((d) => RESULT_FILES.map((f) => `${d}/${f}`)).filter((f) => existsSync(f));
}

export async function publishArtifact(
  client: ArtifactClient,
  inputs: ActionInputs,
  outputDir: string,
  dirs: string[],
): Promise<void> {
  if (inputs.artifact === false) return;
  const files = resultFiles(dirs);
  if (files.length === 0) return;
  let r;
  try {
    r = await uploadResultsArtifact(client, { name: inputs.artifact, files, rootDirectory: outputDir, retentionDays: inputs.retentionDays });
  } catch (err) {
    // The run is paid for and its results are on disk, in the summary and (with commit:) in the repository: a failed
    // upload is worth a warning, not the loss of the step's outcome.
    core.warning(`artifact "${inputs.artifact}" was not uploaded: ${(err as Error).message}`);
    return;
  }
  logInfo(`artifact "${inputs.artifact}" uploaded (id ${r.id ?? '?'}, ${r.size ?? '?'} bytes): ${r.files.join(', ')}`);
}

export async function publishCommit(
  gh: GitHubClient | null,
  ctx: RunnerContext,
  inputs: ActionInputs,
  outputDir: string,
  dirs: string[],
  historyPath: string | null,
  message: string,
): Promise<void> {
  if (inputs.commit === false) return;
  // readInputs has already refused both before the run; kept so this module is right on its own.
  if (!gh) throw new ActionInputError('commit', 'needs a github-token (the default `${{ github.token }}` works with `permissions: contents: write`)');
  const branch = inputs.commitBranch ?? ctx.branch;
  if (!branch) throw new ActionInputError('commit', `cannot tell which branch to commit to on a "${ctx.eventName}" event; set commit-branch`);
  const target = inputs.commit.replace(/\/+$/, '');
  const files = [];
  for (const f of resultFiles(dirs)) {
    const rel = relative(outputDir, f).split(sep).join('/');
    files.push({ path: `${target}/${rel || basename(f)}`, content: await readFile(f) });
  }
  if (files.length === 0) return;
  // The history rides in the same commit, at its own path (not under the results): where the next run's checkout of
  // this branch has it, or where restoreCommittedHistory finds it on the branch.
  const history = historyPath !== null && existsSync(historyPath) ? historyRepoPath(historyPath, ctx.workspace) : null;
  if (history !== null) files.push({ path: history, content: await readFile(historyPath!) });
  const r = await commitFiles(gh, { owner: ctx.owner, repo: ctx.repo, branch, message, files, createFrom: ctx.sha });
  logInfo(`committed ${files.length} files under ${target}/${history !== null ? ` and ${history}` : ''} to ${r.branch}: ${r.sha}`);
}
