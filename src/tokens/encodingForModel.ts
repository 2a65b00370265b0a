import type { EncodingName } from './types.ts';
import { UnknownModelError } from './UnknownModelError.ts';

// Prefix rules after openai/tiktoken model.py. The JS packages only know exact names, so 'gpt-5.1' or a dated
// snapshot they have not heard of would throw there. Order matters: the o200k families come first so that
// gpt-4o / gpt-4.1 / gpt-4.5 never fall into the cl100k `gpt-4-` rule.
const O200K_PREFIXES = [
  'gpt-4o',
  'chatgpt-4o',
  'gpt-4.1',
  'gpt-4.5',
  'gpt-5',
  'o1',
  'o3',
  'o4',
  'computer-use-preview',
  'codex-mini',
  // Moderation models are not in tiktoken's table; omni-moderation is built on gpt-4o, so its tokenizer is
  // the reasonable choice (and moderation requests are free, so a wrong guess costs nothing).
  'omni-moderation',
  // GPT image models are not in tiktoken's table either and OpenAI documents no tokenizer for them; they bill their
  // prompt as text input tokens, and they come from the GPT-4o line ("4o image generation"), so o200k_base is the
  // stated guess. A pricing file's "encoding" overrides it.
  'gpt-image-',
  'chatgpt-image-',
  // GPT-6 is not in tiktoken (0.14 has no gpt-6 entry) nor in OpenAI's docs: assumed to keep the gpt-5 family's
  // tokenizer, and said so in every estimate that relies on it.
  'gpt-6',
];
/** Families whose tokenizer is an assumption, not a published rule. */
export const ASSUMED_ENCODING_PREFIXES = ['gpt-6', 'gpt-image-', 'chatgpt-image-'];
const CL100K_EXACT = new Set(['gpt-4', 'davinci-002', 'babbage-002', 'text-moderation-latest', 'text-moderation-stable']);
const CL100K_PREFIXES = ['gpt-4-', 'gpt-3.5', 'gpt-35-turbo', 'text-embedding-', 'text-moderation-'];

/** True when `model`'s token counts rest on an assumed tokenizer (said in the estimate's notes). */
export function encodingIsAssumed(model: string): boolean {
  const base = model.startsWith('ft:') ? model.slice(3).split(':')[0] : model;
  return ASSUMED_ENCODING_PREFIXES.some((p) => base.startsWith(p));
}

/** Prefix matching (the JS packages only know exact names; 'gpt-5.1' throws there). `override` (from the pricing file) wins. */
export function encodingNameForModel(model: string, override?: EncodingName): EncodingName {
  if (override) return override;
  // Fine-tuned models are named ft:<base>:<org>::<id>; the base decides the tokenizer.
  const base = model.startsWith('ft:') ? model.slice(3).split(':')[0] : model;
  if (O200K_PREFIXES.some((p) => base.startsWith(p))) return 'o200k_base';
  if (CL100K_EXACT.has(base) || CL100K_PREFIXES.some((p) => base.startsWith(p))) return 'cl100k_base';
  throw new UnknownModelError(model);
}
