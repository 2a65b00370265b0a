// `requests: evals/*.jsonl` → the files it names, sorted, relative to the workspace (how they appear in the repository
// and in reports). Node 24's fs.glob, so a workflow's glob means what it means in the shell. Or, with `data` +
// `template` + `model`, the one request file prepare writes from that table (under output-dir).
import { glob, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { prepareRequests } from '../prepare/index.ts';
import type { RequestSpec } from '../prepare/index.ts';
import type { ActionInputs } from './inputs.ts';

export class NoRequestFilesError extends Error {
  constructor(pattern: string, cwd: string) {
    super(`requests: "${pattern}" matches no file in ${cwd} (did the job check out the repository?)`);
    this.name = 'NoRequestFilesError';
  }
}

export interface RequestFile {
  /** As given or matched, relative to cwd when inside it, with forward slashes: the path in the repository. */
  path: string;
  absolute: string;
}

export interface ResolveOptions {
  /** A pattern that matches nothing is told here instead of failing the step: on a pull request that deletes every
   *  request file the base still has something to report. */
  onNoMatch?: (pattern: string) => void;
}

export async function resolveRequests(patterns: string, cwd: string, opts: ResolveOptions = {}): Promise<RequestFile[]> {
  const found = new Map<string, RequestFile>();
  // Several patterns: one per line, as other actions take lists.
  for (const pattern of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    const before = found.size;
    for await (const match of glob(pattern, { cwd })) {
      const absolute = resolve(cwd, match);
      if (!(await stat(absolute)).isFile()) continue;
      found.set(absolute, { path: repoPath(cwd, absolute), absolute });
    }
    if (found.size === before) {
      if (!opts.onNoMatch) throw new NoRequestFilesError(pattern, cwd);
      opts.onNoMatch(pattern);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

function repoPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return (rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
}

/** What `data` + `template` + `model` say a row becomes; join needs the same to rebuild unparsed answers' requests. */
export function requestSpecOf(inputs: ActionInputs, cwd: string): RequestSpec {
  const d = inputs.data!;
  return {
    model: d.model,
    template: resolve(cwd, d.template),
    ...(d.system !== undefined ? { system: d.system } : {}),
    ...(d.maxTokens !== undefined ? { maxTokens: d.maxTokens } : {}),
  };
}

/** Where prepare writes the request file made from `data`. */
export function preparedPath(outputDir: string): string {
  return join(outputDir, 'requests.jsonl');
}

/** The request files this step works on: the `requests` patterns, or the file prepared from `data`. */
export async function requestFilesOf(inputs: ActionInputs, cwd: string, outputDir: string, opts: ResolveOptions = {}): Promise<RequestFile[]> {
  if (!inputs.data) return resolveRequests(inputs.requests, cwd, opts);
  const out = preparedPath(outputDir);
  await prepareRequests({ ...requestSpecOf(inputs, cwd), data: resolve(cwd, inputs.data.data), idColumn: inputs.data.idColumn, out });
  return [{ path: repoPath(cwd, out), absolute: out }];
}
