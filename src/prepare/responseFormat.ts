// --response-format FILE: a JSON schema becomes structured outputs, in the place each endpoint wants it. Users often
// pass the schema itself as response_format (400 "Invalid value: 'object'") or forget that strict mode needs
// additionalProperties:false — so the bare schema is wrapped, and made strict where that changes no meaning.
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { TemplateError } from './errors.ts';
import type { EndpointName } from './types.ts';

export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
  strict: boolean;
  /** What was changed in the user's schema, to say so. */
  notes: string[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a schema file. Three shapes are accepted: a bare JSON schema (made strict), `{name, schema, strict?}` (used
 *  as given), or a whole chat response_format `{type: "json_schema", json_schema: {…}}` (unwrapped, used as given). */
export function loadResponseFormat(path: string): JsonSchemaFormat {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw new TemplateError(`--response-format ${path} is not valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(value)) throw new TemplateError(`--response-format ${path} must hold a JSON schema object`);
  if (value.type === 'json_schema' && isObject(value.json_schema)) value = value.json_schema;
  const v = value as Json;
  if (isObject(v.schema)) {
    return {
      name: typeof v.name === 'string' && v.name ? v.name : nameFrom(path),
      schema: v.schema,
      strict: v.strict === true,
      notes: [],
    };
  }
  if (v.type !== 'object') {
    throw new TemplateError(`--response-format ${path}: structured outputs need a schema of "type": "object" at the top`);
  }
  const schema = structuredClone(v);
  const notes: string[] = [];
  const optional: string[] = [];
  makeStrict(schema, '$', notes, optional);
  if (optional.length > 0) {
    throw new TemplateError(
      `--response-format ${path}: strict structured outputs need every property listed in "required"; ` +
        `not required: ${optional.slice(0, 10).join(', ')}${optional.length > 10 ? ', …' : ''}. ` +
        `Make optional fields nullable and required, or write {"name", "schema", "strict": false} to opt out of strict mode`,
    );
  }
  return { name: nameFrom(path), schema, strict: true, notes };
}

/** Adds additionalProperties:false where a schema object leaves it out (strict mode refuses the schema otherwise) and
 *  collects properties missing from "required" (that cannot be fixed without changing the meaning). */
function makeStrict(node: unknown, at: string, notes: string[], optional: string[]): void {
  if (Array.isArray(node)) {
    node.forEach((n, i) => makeStrict(n, `${at}[${i}]`, notes, optional));
    return;
  }
  if (!isObject(node)) return;
  if (isObject(node.properties)) {
    if (node.additionalProperties === undefined) {
      node.additionalProperties = false;
      notes.push(`added "additionalProperties": false at ${at} (strict structured outputs require it)`);
    }
    const required = new Set(Array.isArray(node.required) ? node.required : []);
    for (const key of Object.keys(node.properties)) if (!required.has(key)) optional.push(`${at}.${key}`);
    for (const [key, child] of Object.entries(node.properties)) makeStrict(child, `${at}.${key}`, notes, optional);
  }
  for (const key of ['items', 'anyOf', '$defs', 'definitions'] as const) {
    const child = node[key];
    if (key === '$defs' || key === 'definitions') {
      if (isObject(child)) for (const [k, c] of Object.entries(child)) makeStrict(c, `${at}.${key}.${k}`, notes, optional);
    } else if (child !== undefined) makeStrict(child, `${at}.${key}`, notes, optional);
  }
}

/** The API wants [a-zA-Z0-9_-]{1,64}; the file name is the natural choice. */
function nameFrom(path: string): string {
  const name = basename(path, extname(path)).replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
  return name.replace(/_/g, '').length > 0 ? name : 'answer';
}

/** Puts the format where the endpoint reads it. */
export function applyResponseFormat(body: Json, endpoint: EndpointName, f: JsonSchemaFormat): void {
  if (endpoint === 'chat') {
    body.response_format = { type: 'json_schema', json_schema: { name: f.name, schema: f.schema, strict: f.strict } };
  } else if (endpoint === 'responses') {
    const text = isObject(body.text) ? body.text : {};
    body.text = { ...text, format: { type: 'json_schema', name: f.name, schema: f.schema, strict: f.strict } };
  } else {
    throw new TemplateError('--response-format does not apply to embeddings');
  }
}
