// How a failed step explains itself: a user's mistake in one message, our own bug with its stack.

/** Errors a workflow's author can cause and fix: their message is the whole story. */
const USER_ERRORS = new Set([
  'ActionInputError',
  'JobCancelledError',
  'NoRequestFilesError',
  'DataFileError',
  'TemplateError',
  'JoinError',
  'RequestFileError',
  'PricingError',
  'PricingFileError',
  'DurationError',
  'UnknownModelError',
  'GitHubPermissionError',
  'MaxCostError',
  'UsageError',
  'RunStateError',
  'HttpError',
  'AuthenticationError',
  'PermissionDeniedError',
]);

/** A user's mistake is its message; anything else keeps its stack for the bug report. */
export function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return USER_ERRORS.has(err.name) || USER_ERRORS.has(err.constructor.name) ? err.message : (err.stack ?? err.message);
}
