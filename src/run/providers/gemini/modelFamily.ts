// What differs between Gemini generations in the requests batchwise writes. The API itself draws these lines by
// generation, not per model entry (the catalog has no field for them), so they are read from the model's name.

/** A model id as the URL wants it: `gemini-3.8-flash` (a leading `models/` is dropped). */
export function bareModel(model: string): string {
  return model.startsWith('models/') ? model.slice('models/'.length) : model;
}

/** Gemini 2.5 takes a thinking budget in tokens; Gemini 3 and later take a thinking level ("Use the thinkingLevel
 *  parameter with Gemini 3 models"; Gemini 4 rejects thinkingBudget). */
export function thinkingControl(model: string): 'budget' | 'level' {
  return /^gemini-2\./.test(bareModel(model)) ? 'budget' : 'level';
}

/** The thinking levels a model accepts. Flash models take all four; Pro-class models and Gemini 4 have no
 *  `minimal` (the thinking guide: minimal is "not supported on Gemini 3.1 Pro"; Gemini 4 answers it with a 400). */
export function thinkingLevels(model: string): readonly string[] {
  const m = bareModel(model);
  if (/^gemini-4/.test(m) || /-pro\b/.test(m)) return ['low', 'medium', 'high'];
  return ['minimal', 'low', 'medium', 'high'];
}

/** Gemini 3 and later refuse a replayed function call without a thought signature ("Function call is missing a
 *  thought_signature in functionCall parts" — a 400). */
export function needsThoughtSignature(model: string): boolean {
  return thinkingControl(model) === 'level';
}

/** The value Google documents for history the model did not produce itself (a transcript from another model or
 *  built by hand, which is what a request file holds): it tells the API to skip the signature check. */
export const FOREIGN_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';
