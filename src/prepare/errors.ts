// The mistakes a user can make in a table or a template. Each ends as one clear message (the CLI prints it, exit 1).
import { formatLineProblems } from '../requests/types.ts';
import type { LineProblem } from '../requests/types.ts';

/** Messages shown at most; the rest are counted, so a 100,000-row mistake stays readable. */
export const SHOWN_PROBLEMS = 20;

/** Problems in the rows of a data file, each at `file:line`. Every problem of the file at once, before anything is
 *  written. */
export class DataFileError extends Error {
  readonly file: string;
  readonly problems: LineProblem[];

  constructor(file: string, problems: LineProblem[], shown = SHOWN_PROBLEMS) {
    super(formatLineProblems(file, problems, shown));
    this.name = 'DataFileError';
    this.file = file;
    this.problems = problems;
  }
}

/** A template, schema or flag combination that cannot make a request, whatever the rows hold. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}
