// The ids batchwise keeps for Anthropic work where OpenAI has file ids. Each one names everything needed to act on
// it, so a run resumed in another process (state.json) can use it: a part by the path of its OpenAI-shaped part file
// (the translated body is kept next to it, or made again from it), a result file by its batch id and which half of
// the results it holds.
import { resolve } from 'node:path';

const PART = 'anthropic-part:';
const RESULTS = 'anthropic-results:';
const ERRORS = 'anthropic-errors:';

export function partHandle(partPath: string): string {
  return PART + resolve(partPath);
}

/** The part file's path, or null when the id is not a part handle. */
export function partPathOf(handle: string): string | null {
  return handle.startsWith(PART) && handle.length > PART.length ? handle.slice(PART.length) : null;
}

export function resultsHandle(batchId: string, file: 'output' | 'errors'): string {
  return (file === 'output' ? RESULTS : ERRORS) + batchId;
}

export function parseResultsHandle(handle: string): { batchId: string; file: 'output' | 'errors' } | null {
  for (const [prefix, file] of [[RESULTS, 'output'], [ERRORS, 'errors']] as const) {
    if (handle.startsWith(prefix) && handle.length > prefix.length) return { batchId: handle.slice(prefix.length), file };
  }
  return null;
}
