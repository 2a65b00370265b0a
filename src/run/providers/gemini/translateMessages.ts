// OpenAI chat `messages` → Gemini `contents` + `systemInstruction`. Roles: system / developer lead the conversation
// and become the system instruction; user → "user", assistant → "model"; tool results become functionResponse parts
// of a "user" turn, named after the assistant tool call they answer (Gemini matches results by function name, OpenAI
// by call id). Adjacent turns of one role are merged, as Gemini expects parallel function results in one turn.
import type { LineProblem } from '../types.ts';
import { FOREIGN_THOUGHT_SIGNATURE, needsThoughtSignature } from './modelFamily.ts';
import type { GeminiContent, GeminiPart } from './wire.ts';

export interface TranslatedMessages {
  contents: GeminiContent[];
  systemInstruction: GeminiContent | null;
}

type Problems = LineProblem[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `data:<mime>;base64,<data>` → inlineData; null for anything else. */
export function dataUrlBlob(url: string): { mimeType: string; data: string } | null {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return m ? { mimeType: m[1], data: m[2] } : null;
}

const AUDIO_MIME: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mp3' };

/** The parts of a user (or system) message's content. */
function userParts(content: unknown, at: string, problems: Problems, textOnly: boolean): GeminiPart[] {
  if (typeof content === 'string') return content.length > 0 ? [{ text: content }] : [];
  if (!Array.isArray(content)) {
    problems.push({ message: `${at}.content must be a string or an array of content parts` });
    return [];
  }
  const parts: GeminiPart[] = [];
  content.forEach((raw, i) => {
    const where = `${at}.content[${i}]`;
    const part = isObject(raw) ? raw : {};
    const type = part.type;
    if (type === 'text') {
      if (typeof part.text !== 'string') problems.push({ message: `${where}: a text part needs its text as a string` });
      else if (part.text.length > 0) parts.push({ text: part.text });
      return;
    }
    if (textOnly) {
      problems.push({ message: `${where}: a ${String(type)} part in a system message has no place in Gemini's systemInstruction (text only)` });
      return;
    }
    if (type === 'image_url') {
      const url = isObject(part.image_url) ? part.image_url.url : undefined;
      const blob = typeof url === 'string' ? dataUrlBlob(url) : null;
      if (blob) parts.push({ inlineData: blob });
      else if (typeof url === 'string' && /^https?:/i.test(url)) {
        problems.push({ message: `${where}: an image by URL cannot be sent to Gemini (fileData takes only File API URIs); inline it as a data: URL` });
      } else problems.push({ message: `${where}: image_url.url must be a data: URL (base64)` });
      return;
    }
    if (type === 'input_audio') {
      const audio = isObject(part.input_audio) ? part.input_audio : {};
      const mime = typeof audio.format === 'string' ? AUDIO_MIME[audio.format] : undefined;
      if (mime && typeof audio.data === 'string') parts.push({ inlineData: { mimeType: mime, data: audio.data } });
      else problems.push({ message: `${where}: input_audio needs base64 data and a format of wav or mp3` });
      return;
    }
    if (type === 'file') {
      const file = isObject(part.file) ? part.file : {};
      const blob = typeof file.file_data === 'string' ? dataUrlBlob(file.file_data) : null;
      if (blob) parts.push({ inlineData: blob });
      else problems.push({ message: `${where}: a file part must carry its bytes as a data: URL in file_data (an OpenAI file_id means nothing to Gemini)` });
      return;
    }
    problems.push({ message: `${where}: content part type ${JSON.stringify(type)} has no Gemini equivalent` });
  });
  return parts;
}

/** The text of an assistant message's content (text and refusal parts). */
function assistantParts(content: unknown, at: string, problems: Problems): GeminiPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return content.length > 0 ? [{ text: content }] : [];
  if (!Array.isArray(content)) {
    problems.push({ message: `${at}.content must be a string, an array of text parts or null` });
    return [];
  }
  const parts: GeminiPart[] = [];
  content.forEach((raw, i) => {
    const part = isObject(raw) ? raw : {};
    const text = part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
    if (typeof text === 'string') {
      if (text.length > 0) parts.push({ text });
    } else problems.push({ message: `${at}.content[${i}]: an assistant content part of type ${JSON.stringify(part.type)} has no Gemini equivalent` });
  });
  return parts;
}

/** The text a tool result carries (a string, or text parts joined). */
function toolResultText(content: unknown, at: string, problems: Problems): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const texts: string[] = [];
    for (const p of content) {
      if (isObject(p) && p.type === 'text' && typeof p.text === 'string') texts.push(p.text);
      else problems.push({ message: `${at}.content: a tool result can only carry text parts to Gemini` });
    }
    return texts.join('');
  }
  problems.push({ message: `${at}.content must be a string or text parts` });
  return '';
}

function push(contents: GeminiContent[], role: 'user' | 'model', parts: GeminiPart[]): void {
  const last = contents.at(-1);
  if (last && last.role === role) last.parts.push(...parts);
  else contents.push({ role, parts });
}

export function translateMessages(messages: unknown, model: string, problems: Problems): TranslatedMessages {
  if (!Array.isArray(messages) || messages.length === 0) {
    problems.push({ message: 'messages must be a non-empty array' });
    return { contents: [], systemInstruction: null };
  }
  const system: GeminiPart[] = [];
  const contents: GeminiContent[] = [];
  /** tool_call_id → function name, from the assistant turns seen so far. */
  const callNames = new Map<string, string>();
  const signatures = needsThoughtSignature(model);
  let conversationStarted = false;

  messages.forEach((raw, i) => {
    const at = `messages[${i}]`;
    if (!isObject(raw)) {
      problems.push({ message: `${at} must be an object` });
      return;
    }
    const role = raw.role;
    if (typeof raw.name === 'string') problems.push({ message: `${at}.name (a participant name) has no Gemini equivalent` });
    if (role === 'system' || role === 'developer') {
      if (conversationStarted) {
        problems.push({ message: `${at}: a ${role} message after the conversation started cannot be sent to Gemini (its systemInstruction comes before every turn)` });
        return;
      }
      system.push(...userParts(raw.content, at, problems, true));
      return;
    }
    conversationStarted = true;
    // "No content" is said only when nothing else was said about the message.
    const before = problems.length;
    if (role === 'user') {
      const parts = userParts(raw.content, at, problems, false);
      if (parts.length === 0 && problems.length === before) problems.push({ message: `${at}: a user message without content` });
      push(contents, 'user', parts);
      return;
    }
    if (role === 'assistant') {
      if (raw.audio !== undefined && raw.audio !== null) problems.push({ message: `${at}.audio: assistant audio has no Gemini equivalent` });
      if (raw.function_call !== undefined && raw.function_call !== null) {
        problems.push({ message: `${at}.function_call (the legacy functions API) is not translated; use tool_calls` });
      }
      const parts = assistantParts(raw.content, at, problems);
      const calls = raw.tool_calls;
      if (calls !== undefined && calls !== null) {
        if (!Array.isArray(calls)) problems.push({ message: `${at}.tool_calls must be an array` });
        else {
          let first = true;
          calls.forEach((call, j) => {
            const fn = isObject(call) && isObject(call.function) ? call.function : null;
            const where = `${at}.tool_calls[${j}]`;
            if (!fn || typeof fn.name !== 'string' || (isObject(call) && call.type !== undefined && call.type !== 'function')) {
              problems.push({ message: `${where}: only function tool calls can be sent to Gemini` });
              return;
            }
            let args: unknown = {};
            if (typeof fn.arguments === 'string' && fn.arguments.trim() !== '') {
              try {
                args = JSON.parse(fn.arguments);
              } catch {
                problems.push({ message: `${where}.function.arguments is not JSON (Gemini takes the arguments as an object)` });
                return;
              }
            }
            if (!isObject(args)) {
              problems.push({ message: `${where}.function.arguments must be a JSON object` });
              return;
            }
            if (isObject(call) && typeof call.id === 'string') callNames.set(call.id, fn.name);
            const part: GeminiPart = { functionCall: { name: fn.name, args } };
            // Gemini 3+ checks the first function call of each step for a signature.
            if (signatures && first) part.thoughtSignature = FOREIGN_THOUGHT_SIGNATURE;
            first = false;
            parts.push(part);
          });
        }
      }
      if (parts.length === 0 && problems.length === before) problems.push({ message: `${at}: an assistant message without content or tool calls` });
      push(contents, 'model', parts);
      return;
    }
    if (role === 'tool') {
      const id = raw.tool_call_id;
      const name = typeof id === 'string' ? callNames.get(id) : undefined;
      const output = toolResultText(raw.content, at, problems);
      if (name === undefined) {
        problems.push({ message: `${at}: tool_call_id ${JSON.stringify(id)} matches no earlier assistant tool call, and Gemini needs the function's name` });
        return;
      }
      // Google's convention for a function's result: an object with its output under "output".
      push(contents, 'user', [{ functionResponse: { name, response: { output } } }]);
      return;
    }
    problems.push({ message: `${at}: role ${JSON.stringify(role)} is not translated to Gemini` });
  });
  return { contents, systemInstruction: system.length > 0 ? { parts: system } : null };
}
