// How a command ends when something goes wrong: a user's mistake is one clear message and exit 1; anything else is our
// bug and keeps its stack.
const USER_ERRORS = new Set([
  'RequestFileError',
  'PricingError',
  'DurationError',
  'UnknownModelError',
  'UsageError',
  'InvalidArgumentError',
  'CommanderError',
  'DataFileError',
  'TemplateError',
  'JoinError',
  'PricingFileError',
  'MaxCostError',
  'RunStateError',
  'ActionInputError',
]);

export { UsageError } from '../shared/usageError.ts';
import { scrub } from '../shared/secrets.ts';

export function isUserError(err: unknown): err is Error {
  return err instanceof Error && USER_ERRORS.has(err.name);
}

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

export function reportFailure(err: unknown): number {
  const write = (text: string) => process.stderr.write(scrub(text));
  const code = (err as { code?: unknown })?.code;
  const path = (err as { path?: unknown })?.path;
  if (typeof code === 'string' && code in FILE_ERRORS && typeof path === 'string') {
    write(`batchwise: cannot use ${path}: ${FILE_ERRORS[code]}\n`);
  } else if (isUserError(err)) {
    write(`batchwise: ${err.message}\n`);
  } else {
    write(`batchwise: internal error (please report it)\n${err instanceof Error ? err.stack : String(err)}\n`);
  }
  return 1;
}
