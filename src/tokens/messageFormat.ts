// Chat-format overhead, from the cookbook's num_tokens_from_messages (tokens.md §1b): every message is framed
// as <|start|>{role/name}<|message|>{content}<|end|>, and the reply is primed with <|start|>assistant<|message|>.
// The Responses API publishes no rule; it renders the same chat format, so it uses the same constants.
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING = 3;
// A function call the assistant made (chat tool_calls, legacy function_call, responses function_call):
// its name and arguments are encoded plus 3 framing tokens (gpt-tokenizer's function_call metadata
// constant, from hmarr's API-measured cases; tokens.md §1f). Call ids are API bookkeeping, not shown to
// the model, and are not counted.
export const TOKENS_PER_CALL = 3;
// A legacy role "function" message costs 2 fewer (measured, tokens.md §1f): its name stands in for the role.
export const FUNCTION_ROLE_DISCOUNT = 2;
/** Roles whose first message the function namespace joins (see countFunctionDefinitions). */
export const SYSTEM_ROLES = new Set(['system', 'developer']);

/** gpt-3.5-turbo-0301 framed messages differently (older cookbook): 4 per message and the name replaced the role. */
export function messageConstants(model: string): { perMessage: number; perName: number } {
  return model.startsWith('gpt-3.5-turbo-0301')
    ? { perMessage: 4, perName: -1 }
    : { perMessage: TOKENS_PER_MESSAGE, perName: TOKENS_PER_NAME };
}
