// Tokens of another provider's model, approximated offline. Anthropic and Google publish no tokenizer, so the count is
// the exact OpenAI count of the same rendered request (what the tokens stage counts for the file's own model) times a
// per-tokenizer factor. Every figure made with it is labelled approximate; the exact count needs the provider's own
// endpoint (Anthropic's POST /v1/messages/count_tokens, Gemini's models/{model}:countTokens) and an API key.

/** One provider tokenizer as a multiple of OpenAI's o200k_base count of the same text. */
export interface TokenRatio {
  /** Name of the tokenizer family the factor stands for. */
  tokenizer: 'openai' | 'claude-legacy' | 'claude-4.7' | 'gemini';
  ratio: number;
  /** Where the factor comes from, or that it is an assumption: shown with every comparison that uses it. */
  basis: string;
}

/** Claude 3.x to 4.6: measured against GPT-4o (o200k_base) on the same inputs with Anthropic's count_tokens. */
const CLAUDE_LEGACY_RATIO = 1.2;
/** Claude 4.7 and later count about 30% more than the legacy tokenizer for the same text. */
const CLAUDE_47_OVER_LEGACY = 1.3;

export const TOKEN_RATIOS: Readonly<Record<TokenRatio['tokenizer'], TokenRatio>> = Object.freeze({
  openai: {
    tokenizer: 'openai',
    ratio: 1,
    basis: 'the same OpenAI tokenizer: the count is the estimate\'s own (exact where both models use the same encoding)',
  },
  'claude-legacy': {
    tokenizer: 'claude-legacy',
    ratio: CLAUDE_LEGACY_RATIO,
    basis:
      'Claude tokenizer before 4.7: 1.20 x the o200k_base count; measured on Claude 3.5 Sonnet vs GPT-4o via count_tokens as ' +
      '+16% (English prose), +21% (math), +30% (Python code) (L. Gupta, "Hidden costs in AI deployment", May 2025); ' +
      'code-heavy prompts run higher',
  },
  'claude-4.7': {
    tokenizer: 'claude-4.7',
    ratio: Math.round(CLAUDE_LEGACY_RATIO * CLAUDE_47_OVER_LEGACY * 100) / 100,
    basis:
      'Claude 4.7+ tokenizer: 1.56 x the o200k_base count = 1.20 (the tokenizer before 4.7, measured against GPT-4o) x 1.30 ' +
      '(Anthropic\'s Haiku 5.5 page: the same text counts as approximately 30% more tokens than on Claude Haiku 4.5; the ' +
      'Opus 4.7 migration guide says 1.0-1.35x; independent count_tokens probes, Apr 2026, measured 1.20-1.47x by content, ' +
      'with CJK text unchanged)',
  },
  gemini: {
    tokenizer: 'gemini',
    ratio: 1.1,
    basis:
      'Gemini tokenizer: 1.10 x the o200k_base count, an assumption (Google publishes no ratio; a third-party guide puts ' +
      'Gemini 5-10% above o200k_base on English text and below it on CJK; 1.10 is the top of that range)',
  },
});

/** The factor for a model of `provider` ("anthropic", "gemini", "azure"). A Claude name that gives no version, or a
 *  version that cannot be read, gets the current (4.7+) tokenizer: new models use it. */
export function tokenRatioFor(provider: string, model: string): TokenRatio {
  if (provider === 'gemini') return TOKEN_RATIOS.gemini;
  if (provider === 'anthropic') {
    const version = claudeVersion(model);
    return version !== null && version < 4.7 ? TOKEN_RATIOS['claude-legacy'] : TOKEN_RATIOS['claude-4.7'];
  }
  return TOKEN_RATIOS.openai;
}

const TOKENIZER_NAMES: Readonly<Record<TokenRatio['tokenizer'], string>> = {
  openai: 'the OpenAI tokenizer',
  'claude-legacy': 'the Claude tokenizer before 4.7',
  'claude-4.7': 'the Claude 4.7+ tokenizer',
  gemini: 'the Gemini tokenizer',
};

/** How an approximate count is made, in a few words ("the o200k_base count × 1.2 for the Claude tokenizer before 4.7"). */
export function approximationMethod(ratio: TokenRatio): string {
  return ratio.ratio === 1 ? 'the o200k_base count' : `the o200k_base count × ${ratio.ratio} for ${TOKENIZER_NAMES[ratio.tokenizer]}`;
}

/** Approximate tokens of a text whose OpenAI count is `openaiTokens`, rounded up (never below the count's zero). */
export function approximateTokens(openaiTokens: number, ratio: TokenRatio): number {
  if (ratio.ratio === 1) return openaiTokens;
  // The small epsilon keeps 100 x 1.1 from rounding up to 111 through floating-point noise.
  return Math.ceil(openaiTokens * ratio.ratio - 1e-9);
}

/** `claude-haiku-4-5` → 4.5, `claude-opus-5` → 5, `claude-sonnet-4-6-20260217` → 4.6; null when not a versioned name. */
function claudeVersion(model: string): number | null {
  const m = /^claude-[a-z]+-(\d+)(?:-(\d))?(?:-\d{8})?$/.exec(model);
  if (m === null) return null;
  return Number(m[1]) + (m[2] === undefined ? 0 : Number(m[2]) / 10);
}
