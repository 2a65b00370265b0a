// Errors a user can cause in the pricing stage: a model with no price, or a bad pricing file.

/** A request names a model the catalog cannot price. Never priced at $0 silently. */
export class PricingError extends Error {
  readonly model: string;

  constructor(model: string, message: string) {
    super(message);
    this.name = 'PricingError';
    this.model = model;
  }
}

/** A pricing file (the bundled one or the user's `--pricing FILE`) cannot be read or is not valid. */
export class PricingFileError extends Error {
  readonly file: string;
  /** JSON path of the offending field, e.g. `models["gpt-x"].input`; null when the whole file is at fault. */
  readonly field: string | null;

  constructor(file: string, field: string | null, reason: string) {
    super(field === null ? `${file}: ${reason}` : `${file}: ${field}: ${reason}`);
    this.name = 'PricingFileError';
    this.file = file;
    this.field = field;
  }
}
