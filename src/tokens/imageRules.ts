import type { ImageRule } from './types.ts';

// OpenAI "Images and vision" guide, "Calculating costs" (tokens.md §2). First match wins, so the specific
// names (gpt-4o-mini, gpt-4.1-mini, gpt-5-mini…) come before their families. gpt-5.x minor versions follow
// their family: 'gpt-5.1-mini' is a patch model like gpt-5-mini.
const RULES: Array<[RegExp, ImageRule]> = [
  [/^gpt-4\.1-mini/, { kind: 'patch', multiplier: 1.62 }],
  [/^gpt-4\.1-nano/, { kind: 'patch', multiplier: 2.46 }],
  [/^gpt-5(\.\d+)?-mini/, { kind: 'patch', multiplier: 1.62 }],
  [/^gpt-5(\.\d+)?-nano/, { kind: 'patch', multiplier: 2.46 }],
  [/^o4-mini/, { kind: 'patch', multiplier: 1.72 }],
  [/^gpt-4o-mini/, { kind: 'tile', base: 2833, tile: 5667 }],
  [/^gpt-5/, { kind: 'tile', base: 70, tile: 140 }],
  [/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5)/, { kind: 'tile', base: 85, tile: 170 }],
  [/^o[13]/, { kind: 'tile', base: 75, tile: 150 }],
  [/^computer-use-preview/, { kind: 'tile', base: 65, tile: 129 }],
];

// Models not in the guide's table (gpt-4-turbo, omni-moderation, future names) get the original GPT-4 vision
// rule, which is also gpt-4o's: the one rule every vision model started from.
const DEFAULT_RULE: ImageRule = { kind: 'tile', base: 85, tile: 170 };

export function imageRuleForModel(model: string): ImageRule {
  const base = model.startsWith('ft:') ? model.slice(3).split(':')[0] : model;
  for (const [pattern, rule] of RULES) if (pattern.test(base)) return rule;
  return DEFAULT_RULE;
}
