// models.generateContent, emulated: one GenerateContentResponse for a request, the same for a sync call and for a
// batch line. Lengths, words and thinking come from the emulator's answer model (answers/length.ts, text.ts): the
// same seed and request always give the same answer. Checks are the documented ones that batchwise's translation must
// respect (contents present, thought signatures on Gemini 3+ function-call replays, thinking settings by generation).
import { createHash } from 'node:crypto';
import { EFFORT_FACTOR, planLength, shapeOf } from '../answers/length.ts';
import { composeAnswer } from '../answers/text.ts';
import { invalidArgument } from './errors.ts';
import type { GeminiModel } from './models.ts';
import { outputTokens, requestTokens } from './tokens.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thinking factors per level (of the shape's mean answer): the OpenAI emulator's effort factors under Gemini's
 *  level names. A model that thinks by default and is given no setting thinks at `medium` (ours; Google documents
 *  dynamic thinking, "high" on some 3.x models). */
const LEVEL_FACTOR: Record<string, number> = { minimal: EFFORT_FACTOR.minimal, low: EFFORT_FACTOR.low, medium: EFFORT_FACTOR.medium, high: EFFORT_FACTOR.high };
const DEFAULT_LEVEL = 'medium';

/** Gemini 2.x takes a thinking budget, later generations a level (Gemini 4 refuses a budget and `minimal`). */
const usesBudget = (model: string) => /^gemini-2\./.test(model);
const isGemini4 = (model: string) => /^gemini-4/.test(model);

export interface GenerateContext {
  seed: number;
  model: GeminiModel;
}

interface Thinking {
  factor: number;
  /** A cap on thinking tokens (thinkingBudget), or null. */
  cap: number | null;
}

function readThinking(config: Record<string, unknown>, model: GeminiModel): Thinking {
  const t = isObject(config.thinkingConfig) ? config.thinkingConfig : {};
  const level = t.thinkingLevel;
  const budget = t.thinkingBudget;
  const name = model.answeredBy;
  if (level !== undefined && budget !== undefined) throw invalidArgument('thinking_budget and thinking_level are not supported together.');
  if (level !== undefined) {
    if (usesBudget(name)) throw invalidArgument(`Thinking level is not supported for this model.`);
    if (typeof level !== 'string' || !Object.hasOwn(LEVEL_FACTOR, level.toLowerCase())) throw invalidArgument(`Invalid value at 'generation_config.thinking_config.thinking_level' (${JSON.stringify(level)})`);
    const l = level.toLowerCase();
    if (l === 'minimal' && (isGemini4(name) || /-pro\b/.test(name))) throw invalidArgument(`Thinking level minimal is not supported for this model.`);
    return { factor: LEVEL_FACTOR[l], cap: null };
  }
  if (budget !== undefined) {
    if (isGemini4(name)) throw invalidArgument('Thinking budget is not supported for this model; use thinking_level.');
    if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < -1) throw invalidArgument(`Invalid value at 'generation_config.thinking_config.thinking_budget' (${JSON.stringify(budget)})`);
    if (budget === 0) return { factor: 0, cap: null };
    return { factor: LEVEL_FACTOR[DEFAULT_LEVEL], cap: budget === -1 ? null : budget };
  }
  return model.thinksByDefault ? { factor: LEVEL_FACTOR[DEFAULT_LEVEL], cap: null } : { factor: 0, cap: null };
}

/** Gemini 3+: "Function call is missing a thought_signature in functionCall parts" when the first function call of
 *  a step in the current turn (after the last user turn that is not only function results) has none. */
function checkSignatures(contents: Record<string, unknown>[], model: string): void {
  if (usesBudget(model)) return;
  let start = 0;
  contents.forEach((c, i) => {
    const parts = Array.isArray(c.parts) ? c.parts : [];
    if (c.role !== 'model' && parts.some((p) => isObject(p) && !isObject(p.functionResponse))) start = i;
  });
  for (let i = start; i < contents.length; i++) {
    const c = contents[i];
    if (c.role !== 'model') continue;
    const parts = (Array.isArray(c.parts) ? c.parts : []) as Record<string, unknown>[];
    const first = parts.findIndex((p) => isObject(p) && isObject(p.functionCall));
    if (first !== -1 && typeof parts[first].thoughtSignature !== 'string') {
      const name = (parts[first].functionCall as Record<string, unknown>).name;
      throw invalidArgument(
        `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${String(name)}\`, position ${first + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`,
      );
    }
  }
}

function checkRequest(req: Record<string, unknown>, model: string): Record<string, unknown>[] {
  const contents = req.contents;
  if (!Array.isArray(contents) || contents.length === 0) throw invalidArgument('* GenerateContentRequest.contents: contents is not specified\n');
  contents.forEach((c, i) => {
    if (!isObject(c) || !Array.isArray(c.parts) || c.parts.length === 0) {
      throw invalidArgument(`* GenerateContentRequest.contents[${i}].parts: contents.parts must not be empty.\n`);
    }
    if (c.role !== undefined && c.role !== 'user' && c.role !== 'model') {
      throw invalidArgument(`Please use a valid role: user, model.`);
    }
  });
  checkSignatures(contents as Record<string, unknown>[], model);
  return contents as Record<string, unknown>[];
}

function maxOutput(config: Record<string, unknown>, model: GeminiModel): number | null {
  const v = config.maxOutputTokens;
  if (v === undefined) return model.maxOutputTokens;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw invalidArgument(`Invalid value at 'generation_config.max_output_tokens' (${JSON.stringify(v)})`);
  return model.maxOutputTokens === null ? v : Math.min(v, model.maxOutputTokens);
}

/** The function a request forces (toolConfig mode ANY), or null: the emulator then answers with a call to it. */
function forcedFunction(req: Record<string, unknown>): string | null {
  const cfg = isObject(req.toolConfig) && isObject(req.toolConfig.functionCallingConfig) ? req.toolConfig.functionCallingConfig : null;
  if (!cfg || cfg.mode !== 'ANY') return null;
  if (Array.isArray(cfg.allowedFunctionNames) && typeof cfg.allowedFunctionNames[0] === 'string') return cfg.allowedFunctionNames[0];
  for (const t of Array.isArray(req.tools) ? req.tools : []) {
    const d = isObject(t) && Array.isArray(t.functionDeclarations) ? t.functionDeclarations[0] : null;
    if (isObject(d) && typeof d.name === 'string') return d.name;
  }
  return null;
}

/** A digest of what decides the answer's words (caps and thinking settings change how much is shown, not what). */
function answerKey(req: Record<string, unknown>): string {
  const config = isObject(req.generationConfig) ? req.generationConfig : {};
  const { maxOutputTokens: _cap, thinkingConfig: _thinking, ...decisive } = config;
  return createHash('sha256').update(JSON.stringify([req.systemInstruction ?? null, req.contents, req.tools ?? null, req.toolConfig ?? null, decisive])).digest('base64');
}

export function responseId(seed: number, key: string): string {
  return createHash('sha256').update(`${seed}:${key}`).digest('base64url').slice(0, 22);
}

export function generateContent(req: Record<string, unknown>, ctx: GenerateContext): Record<string, unknown> {
  const name = ctx.model.answeredBy;
  const contents = checkRequest(req, name);
  const config = isObject(req.generationConfig) ? req.generationConfig : {};
  const candidateCount = config.candidateCount ?? 1;
  if (typeof candidateCount !== 'number' || !Number.isInteger(candidateCount) || candidateCount < 1 || candidateCount > 8) {
    throw invalidArgument(`Invalid value at 'generation_config.candidate_count' (${JSON.stringify(candidateCount)})`);
  }
  const thinking = readThinking(config, ctx.model);
  const budget = maxOutput(config, ctx.model);
  const key = answerKey(req);
  const shape = shapeOf([req.systemInstruction ?? null, config.responseMimeType ?? null, config.responseJsonSchema ?? null, req.tools ?? null]);
  const forced = forcedFunction(req);
  const prompt = requestTokens(req);

  let visibleTotal = 0;
  let thoughtsTotal = 0;
  const candidates = [];
  for (let index = 0; index < candidateCount; index++) {
    const plan = planLength(ctx.seed, name, shape, key, index, thinking.factor);
    let thoughts = thinking.cap === null ? plan.reasoning : Math.min(plan.reasoning, thinking.cap);
    if (budget !== null) thoughts = Math.min(thoughts, budget);
    const left = budget === null ? null : budget - thoughts;
    let parts: Record<string, unknown>[];
    let visible: number;
    let finishReason: string;
    if (forced !== null && left !== 0) {
      const call = { name: forced, args: {} };
      parts = [{ functionCall: call, ...(usesBudget(name) ? {} : { thoughtSignature: responseId(ctx.seed, `${key}:sig:${index}`) }) }];
      visible = outputTokens(JSON.stringify(call));
      finishReason = 'STOP';
    } else {
      const text = composeAnswer(ctx.seed, key, index, plan.visible, left, name);
      parts = text.text.length > 0 ? [{ text: text.text }] : [];
      visible = text.tokens;
      finishReason = text.truncated ? 'MAX_TOKENS' : 'STOP';
    }
    visibleTotal += visible;
    thoughtsTotal += thoughts;
    // A candidate whose whole budget went to thinking has a content without parts, as the real API sends it.
    candidates.push({ content: parts.length > 0 ? { parts, role: 'model' } : { role: 'model' }, finishReason, index });
  }
  const usageMetadata: Record<string, unknown> = {
    promptTokenCount: prompt,
    candidatesTokenCount: visibleTotal,
    totalTokenCount: prompt + visibleTotal + thoughtsTotal,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
  if (thoughtsTotal > 0) usageMetadata.thoughtsTokenCount = thoughtsTotal;
  return { candidates, usageMetadata, modelVersion: name, responseId: responseId(ctx.seed, key) };
}

/** The token count countTokens reports for a request. */
export function countRequest(req: Record<string, unknown>): number {
  return requestTokens(req);
}
