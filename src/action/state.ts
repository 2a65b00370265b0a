// What main hands to post through the runner's state file (GITHUB_STATE): the batches still in flight, saved the
// moment they are submitted, so that a job cancelled or timed out mid-poll still tells post what is out there.
import * as core from '@actions/core';

const IN_FLIGHT = 'batchwise-in-flight';
const OUTPUT_DIR = 'batchwise-output-dir';

export interface InFlight {
  batchIds: string[];
  /** The run directory per file whose state.json a resumed run reads. */
  dirs: string[];
}

/** The batches of files whose run has not returned; a file that finished takes its own out (nothing left: empty). */
export function saveInFlight(state: InFlight): void {
  core.saveState(IN_FLIGHT, JSON.stringify(state));
}

export function readInFlight(): InFlight {
  const raw = core.getState(IN_FLIGHT);
  if (!raw) return { batchIds: [], dirs: [] };
  const parsed = JSON.parse(raw) as InFlight;
  return { batchIds: parsed.batchIds ?? [], dirs: parsed.dirs ?? [] };
}

export function saveOutputDir(dir: string): void {
  core.saveState(OUTPUT_DIR, dir);
}

export function readOutputDir(): string {
  return core.getState(OUTPUT_DIR);
}
