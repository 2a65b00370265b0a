// Helpers for the prepare and join tests: tables on disk, and the CLI run as a user runs it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.ts';

/** Writes `text` (exactly, BOM and CRLF included) to a fresh temp dir; returns the path. */
export function writeTable(name: string, text: string, dir = tempDir()): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The CLI as a user runs it (the same runner as every other CLI test). */
export { cli as cliStage } from '../helpers.ts';
