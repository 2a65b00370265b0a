import { quote } from '../shared/text.ts';

/** A model name batchwise cannot map to a tokenizer: the user can fix it in the pricing file. */
export class UnknownModelError extends Error {
  readonly model: string;

  constructor(model: string) {
    super(
      `cannot count tokens for model ${quote(model)}: its tokenizer is unknown. ` +
        `Add an entry for it to the pricing file with "encoding": "o200k_base" or "cl100k_base".`,
    );
    this.name = 'UnknownModelError';
    this.model = model;
  }
}
