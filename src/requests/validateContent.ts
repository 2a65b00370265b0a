// Content parts and image URLs, shared by chat messages, Responses input items and moderation inputs.
import { describe, isObject, quote } from './describe.ts';

const DATA_IMAGE_PREFIX = /^data:image\/[a-z0-9.+-]+;base64,/i;
// Whitespace is tolerated inside base64 by most decoders, so we tolerate it too.
const BASE64_BODY = /^[A-Za-z0-9+/=\s]+$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;

/** An image reference must be an http(s) URL or a base64 data URL of an image; anything else the API refuses. */
export function checkImageUrl(url: unknown, path: string, problems: string[]): void {
  if (url === undefined) {
    problems.push(`${path} is missing`);
    return;
  }
  if (typeof url !== 'string') {
    problems.push(`${path} must be a string, got ${describe(url)}`);
    return;
  }
  if (HTTP_URL.test(url)) return;
  const prefix = DATA_IMAGE_PREFIX.exec(url);
  if (prefix) {
    const data = url.slice(prefix[0].length);
    if (data.length > 0 && BASE64_BODY.test(data)) return;
    problems.push(`${path} is a data URL without valid base64 image data`);
    return;
  }
  problems.push(`${path} must be an http(s) URL or a data:image/…;base64, URL, got ${quote(url)}`);
}

/** Checks an array of content parts: each an object with a string `type`, and the fields the known types need.
 *  Unknown types are left to the API: new ones appear often, and refusing them would make batchwise the obstacle. */
export function checkContentParts(parts: unknown[], path: string, problems: string[]): void {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const at = `${path}[${i}]`;
    if (!isObject(part)) {
      problems.push(`${at} must be an object with a "type", got ${describe(part)}`);
      continue;
    }
    if (part.type === undefined) {
      problems.push(`${at}.type is missing`);
      continue;
    }
    if (typeof part.type !== 'string') {
      problems.push(`${at}.type must be a string, got ${describe(part.type)}`);
      continue;
    }
    checkKnownPart(part, part.type, at, problems);
  }
}

function checkKnownPart(part: Record<string, unknown>, type: string, at: string, problems: string[]): void {
  switch (type) {
    case 'text':
    case 'input_text':
    case 'output_text':
      if (typeof part.text !== 'string') problems.push(`${at}.text must be a string, got ${describe(part.text)}`);
      return;
    case 'image_url':
      // Chat and moderations nest the URL: {type:"image_url", image_url:{url}}.
      if (!isObject(part.image_url)) {
        problems.push(`${at}.image_url must be an object {"url": …}, got ${describe(part.image_url)}`);
        return;
      }
      checkImageUrl(part.image_url.url, `${at}.image_url.url`, problems);
      return;
    case 'input_image':
      // Responses flattens it: {type:"input_image", image_url:"…"} or a file_id.
      if (part.image_url === undefined && typeof part.file_id === 'string') return;
      if (part.image_url === undefined && part.file_id !== undefined) {
        problems.push(`${at}.file_id must be a string, got ${describe(part.file_id)}`);
        return;
      }
      if (part.image_url === undefined) {
        problems.push(`${at} needs image_url or file_id`);
        return;
      }
      checkImageUrl(part.image_url, `${at}.image_url`, problems);
      return;
    default:
      return;
  }
}
