/** A user's mistake found by the run stage (same name as the CLI's, so it ends as one clear message). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
