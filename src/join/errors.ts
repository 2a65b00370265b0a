// A join that cannot be done as asked (bad --parse, a results file that is not batchwise's). One clear message each.
export class JoinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinError';
  }
}
