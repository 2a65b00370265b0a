// The errors a user can cause and fix — a bad file, flag, input, price or plan: both shells end them as their message
// alone (a stack would say "our bug" about the user's mistake). One list, so the CLI and the action never drift apart.
export const USER_ERROR_NAMES: ReadonlySet<string> = new Set([
  'RequestFileError',
  'PricingError',
  'PricingFileError',
  'DurationError',
  'UnknownModelError',
  'UsageError',
  'InvalidArgumentError',
  'CommanderError',
  'DataFileError',
  'TemplateError',
  'JoinError',
  'MaxCostError',
  'RunStateError',
  'ActionInputError',
  'JobCancelledError',
  'NoRequestFilesError',
  'GitHubPermissionError',
  'HttpError',
  'AuthenticationError',
  'PermissionDeniedError',
  'AmbiguousCreateError',
]);

export function isUserError(err: unknown): boolean {
  return err instanceof Error && (USER_ERROR_NAMES.has(err.name) || USER_ERROR_NAMES.has(err.constructor.name));
}
