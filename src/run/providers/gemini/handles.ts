// The ids batchwise hands around for Gemini: a Gemini file name plus the model it is for. The model is part of the
// batch create URL (one model per job) and the fallback `model` of translated answers, and Gemini's own names never
// contain `#`, so `files/abc123#gemini-3.8-flash` is unambiguous.

export interface FileHandle {
  /** `files/…` */
  file: string;
  model: string;
}

export function makeHandle(h: FileHandle): string {
  return `${h.file}#${h.model}`;
}

export function readHandle(id: string): FileHandle {
  const at = id.indexOf('#');
  const file = at === -1 ? id : id.slice(0, at);
  const model = at === -1 ? '' : id.slice(at + 1);
  if (!/^files\/[A-Za-z0-9_-]+$/.test(file)) throw new Error(`not a Gemini file handle: ${JSON.stringify(id)}`);
  return { file, model };
}
