// OpenAI message content (a string or content parts) as Anthropic content blocks. Every part that has no faithful
// block is reported, never dropped: the caller collects the problems of the whole line.
import type { ContentBlockParam, TextBlockParam } from './wire.ts';

/** Where a value sits in the request body, for messages like `messages[2].content[1]`. */
export type Where = string;

/** The image media types Anthropic's base64 image source takes (Base64ImageSource in the SDK). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `data:<type>;base64,<data>`, or null when the URL is not a base64 data URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const m = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return m ? { mediaType: m[1].toLowerCase(), data: m[2] } : null;
}

/** An OpenAI `image_url` part as an Anthropic image block. `detail` has no Anthropic counterpart and is dropped:
 *  it only tunes how OpenAI tiles the image, never what the model is asked. */
function imageBlock(part: Record<string, unknown>, where: Where, problems: string[]): ContentBlockParam | null {
  const image = part.image_url;
  const url = isObject(image) ? image.url : undefined;
  if (typeof url !== 'string' || url === '') {
    problems.push(`${where}: an image_url part without image_url.url`);
    return null;
  }
  if (url.startsWith('data:')) {
    const parsed = parseDataUrl(url);
    // image/jpg is the same format under a common misspelling; Anthropic names it image/jpeg.
    const mediaType = parsed?.mediaType === 'image/jpg' ? 'image/jpeg' : parsed?.mediaType;
    if (!parsed || mediaType === undefined || !IMAGE_TYPES.has(mediaType)) {
      problems.push(`${where}: Anthropic takes base64 images of type image/jpeg, image/png, image/gif or image/webp only (got ${parsed ? parsed.mediaType : 'a data: URL that is not base64'})`);
      return null;
    }
    return { type: 'image', source: { type: 'base64', media_type: mediaType as 'image/jpeg', data: parsed.data } };
  }
  if (url.startsWith('https://')) return { type: 'image', source: { type: 'url', url } };
  problems.push(`${where}: Anthropic fetches images from https:// URLs only (or takes them as base64 data: URLs)`);
  return null;
}

/** An OpenAI `file` part: a base64 PDF becomes a document block (its filename the document's title); a file_id
 *  refers to OpenAI's Files storage, which Anthropic cannot read. */
function fileBlock(part: Record<string, unknown>, where: Where, problems: string[]): ContentBlockParam | null {
  const file = isObject(part.file) ? part.file : {};
  if (typeof file.file_id === 'string') {
    problems.push(`${where}: file_id ${JSON.stringify(file.file_id)} names a file in OpenAI's storage; send the PDF inline as file_data instead`);
    return null;
  }
  const parsed = typeof file.file_data === 'string' ? parseDataUrl(file.file_data) : null;
  if (!parsed || parsed.mediaType !== 'application/pdf') {
    problems.push(`${where}: only PDF files sent as base64 data: URLs (data:application/pdf;base64,…) have an Anthropic equivalent (a document block)`);
    return null;
  }
  return {
    type: 'document',
    source: { type: 'base64', media_type: 'application/pdf', data: parsed.data },
    ...(typeof file.filename === 'string' && file.filename !== '' ? { title: file.filename } : {}),
  };
}

/** Anthropic refuses empty text blocks ("text content blocks must be non-empty"). */
function textBlock(text: unknown, where: Where, problems: string[]): TextBlockParam | null {
  if (typeof text !== 'string') {
    problems.push(`${where}: a text part without a text string`);
    return null;
  }
  if (text === '') {
    problems.push(`${where}: empty text; Anthropic refuses empty text blocks`);
    return null;
  }
  return { type: 'text', text };
}

/** A user message's content: a string stays a string; parts become text, image and document blocks. */
export function userContent(content: unknown, where: Where, problems: string[]): string | ContentBlockParam[] {
  if (typeof content === 'string') {
    if (content === '') problems.push(`${where}: empty content; Anthropic refuses empty text blocks`);
    return content;
  }
  if (!Array.isArray(content) || content.length === 0) {
    problems.push(`${where}: content must be a non-empty string or array of parts`);
    return [];
  }
  const blocks: ContentBlockParam[] = [];
  content.forEach((part, i) => {
    const at = `${where}[${i}]`;
    const type = isObject(part) ? part.type : undefined;
    let block: ContentBlockParam | null = null;
    if (type === 'text') block = textBlock((part as Record<string, unknown>).text, at, problems);
    else if (type === 'image_url') block = imageBlock(part as Record<string, unknown>, at, problems);
    else if (type === 'file') block = fileBlock(part as Record<string, unknown>, at, problems);
    else if (type === 'input_audio') problems.push(`${at}: Anthropic takes no audio input`);
    else problems.push(`${at}: a content part of type ${JSON.stringify(type)} has no Anthropic equivalent`);
    if (block) blocks.push(block);
  });
  return blocks;
}

/** Text-only content (system, developer, tool and assistant messages): a string, or text parts as text blocks. */
export function textContent(content: unknown, where: Where, problems: string[], allowEmpty = false): string | TextBlockParam[] {
  if (typeof content === 'string') {
    if (content === '' && !allowEmpty) problems.push(`${where}: empty content; Anthropic refuses empty text blocks`);
    return content;
  }
  if (!Array.isArray(content)) {
    problems.push(`${where}: content must be a string or an array of text parts`);
    return [];
  }
  const blocks: TextBlockParam[] = [];
  content.forEach((part, i) => {
    const at = `${where}[${i}]`;
    const type = isObject(part) ? part.type : undefined;
    if (type === 'text') {
      const block = textBlock((part as Record<string, unknown>).text, at, problems);
      if (block) blocks.push(block);
    } else if (type === 'refusal') {
      problems.push(`${at}: a refusal part has no Anthropic equivalent in a request`);
    } else {
      problems.push(`${at}: only text parts can stand here (got ${JSON.stringify(type)})`);
    }
  });
  return blocks;
}

/** Text blocks whatever the content's form, for joining several messages into one list. */
export function asTextBlocks(content: string | TextBlockParam[]): TextBlockParam[] {
  if (typeof content !== 'string') return content;
  return content === '' ? [] : [{ type: 'text', text: content }];
}
