import { get_encoding, type Tiktoken } from 'tiktoken';
import type { EncodingName } from './types.ts';

// One WASM encoder per encoding per thread, created on first use and never freed: creating encoders
// repeatedly leaks WASM memory and eventually crashes (dqbd/tiktoken#35).
const encoders = new Map<EncodingName, Tiktoken>();

export function encoderFor(encoding: EncodingName): Tiktoken {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = get_encoding(encoding);
    encoders.set(encoding, encoder);
  }
  return encoder;
}
