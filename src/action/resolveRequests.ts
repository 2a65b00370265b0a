// `requests: evals/*.jsonl` → the files it names, sorted, relative to the workspace (how they appear in the repository
// and in reports). Node 24's fs.glob, so a workflow's glob means what it means in the shell.
import { glob, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

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

export async function resolveRequests(patterns: string, cwd: string): Promise<RequestFile[]> {
  const found = new Map<string, RequestFile>();
  // Several patterns: one per line, as other actions take lists.
  for (const pattern of patterns.split(/\r?\n/).map((p) => p.trim()).filter(Boolean)) {
    const before = found.size;
    for await (const match of glob(pattern, { cwd })) {
      const absolute = resolve(cwd, match);
      if (!(await stat(absolute)).isFile()) continue;
      const rel = relative(cwd, absolute);
      const path = (rel.startsWith('..') || isAbsolute(rel) ? absolute : rel).split(sep).join('/');
      found.set(absolute, { path, absolute });
    }
    if (found.size === before) throw new NoRequestFilesError(pattern, cwd);
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
