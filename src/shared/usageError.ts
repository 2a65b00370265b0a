/** A user's mistake in how a command or function was called (a flag, a target): one clear message, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
