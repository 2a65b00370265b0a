// With `data` input the request file is made in the job, so the pull request's base has no copy of it: the base's
// version is prepared the same way from the table and template as they were at the base commit. Unchanged sources
// make the same bytes, so an unrelated PR gets no comment, and a changed template shows what it costs.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { GitHubClient } from '../github/client.ts';
import { repoPatterns } from '../github/baseFiles.ts';
import type { BaseVersion } from '../github/compareAtBase.ts';
import { readFileAtCommit } from '../github/readFileAtCommit.ts';
import type { RunnerContext } from '../github/runnerContext.ts';
import { prepareRequests } from '../prepare/index.ts';
import type { ActionInputs } from './inputs.ts';

export function preparedAtBase(gh: GitHubClient | null, ctx: RunnerContext, inputs: ActionInputs, baseSha: string) {
  const d = inputs.data!;
  return async (scratch: string): Promise<BaseVersion> => {
    const at = async (given: string) => {
      // The input as a repository path (`./data/x.csv` is `data/x.csv`); outside the checkout it has no base version.
      const path = repoPatterns(given, ctx.workspace)[0];
      if (path === undefined) return { content: null, source: 'git' as const };
      return readFileAtCommit(gh, { owner: ctx.owner, repo: ctx.repo, sha: baseSha, path, cwd: ctx.workspace });
    };
    const data = await at(d.data);
    const template = await at(d.template);
    if (!data.content || !template.content) return { content: null, source: data.source };
    // The same names (extensions decide the table's format and whether the template is a JSON body).
    const dataPath = join(scratch, `base-data-${basename(d.data)}`);
    const templatePath = join(scratch, `base-template-${basename(d.template)}`);
    const out = join(scratch, 'base-prepared.jsonl');
    await writeFile(dataPath, data.content);
    await writeFile(templatePath, template.content);
    try {
      await prepareRequests({
        model: d.model,
        template: templatePath,
        ...(d.system !== undefined ? { system: d.system } : {}),
        ...(d.maxTokens !== undefined ? { maxTokens: d.maxTokens } : {}),
        data: dataPath,
        ...(d.idColumn !== undefined ? { idColumn: d.idColumn } : {}),
        out,
      });
    } catch (err) {
      return { content: null, source: data.source, error: (err as Error).message.replaceAll(dataPath, d.data).replaceAll(templatePath, d.template) };
    }
    return { content: await readFile(out), source: data.source };
  };
}
