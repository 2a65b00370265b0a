// How a command ends when something goes wrong: a user's mistake is one clear message and exit 1; anything else is our
// bug and keeps its stack.

export { UsageError } from '../shared/usageError.ts';
import { scrub } from '../shared/secrets.ts';
import { isUserError } from '../shared/userErrors.ts';
import { jsonOutput } from './outputFormat.ts';

export { isUserError };

/** File-system errors a user causes by naming the wrong path (to read or to write). */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file is in the way',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** A failure as it is told: one message for a user's mistake, the stack for our bug. */
export interface Failure {
  /** The error's name (RequestFileError, UsageError…), or "InternalError". */
  type: string;
  message: string;
  /** A request file's problems, one per line (file:line: reason). */
  problems?: { line: number; reason: string }[];
  file?: string;
}

export function describeFailure(err: unknown): Failure {
  const code = (err as { code?: unknown })?.code;
  const path = (err as { path?: unknown })?.path;
  if (typeof code === 'string' && code in FILE_ERRORS && typeof path === 'string') {
    return { type: 'FileError', message: `cannot use ${path}: ${FILE_ERRORS[code]}`, file: path };
  }
  if (isUserError(err)) {
    const e = err as Error & { problems?: { line: number; reason: string }[]; file?: string };
    return { type: e.name, message: e.message, ...(e.problems ? { problems: e.problems } : {}), ...(typeof e.file === 'string' ? { file: e.file } : {}) };
  }
  return { type: 'InternalError', message: `internal error (please report it)\n${err instanceof Error ? err.stack : String(err)}` };
}

/** Prints a failure — as text on stderr, or under --format json as {"error": …} on stdout — and returns `exit`. */
export function printFailure(f: Failure, exit = 1): number {
  if (jsonOutput()) process.stdout.write(scrub(`${JSON.stringify({ error: { ...f, exit_code: exit } }, null, 2)}\n`));
  else process.stderr.write(scrub(`batchwise: ${f.message}\n`));
  return exit;
}

export function reportFailure(err: unknown): number {
  return printFailure(describeFailure(err));
}
