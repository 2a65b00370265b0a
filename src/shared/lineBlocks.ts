// A stream transform that hands `fn` whole lines only: each chunk is cut after its last newline (the rest waits for
// the next chunk), decoded as UTF-8 across chunk boundaries. For JSONL downloads that are rewritten on their way to
// disk (secrets scrubbed, custom_ids mapped back), where nothing a line holds may be split.
import { Transform } from 'node:stream';

/** `fn` gets text made of whole lines (ending in "\n", except a last line without one) and returns what to write. */
export function mapLineBlocks(fn: (lines: string) => string): Transform {
  let rest = '';
  const decoder = new TextDecoder();
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const cut = text.lastIndexOf('\n');
      if (cut < 0) {
        rest = text;
        return done();
      }
      rest = text.slice(cut + 1);
      done(null, fn(text.slice(0, cut + 1)));
    },
    flush(done) {
      const tail = rest + decoder.decode();
      done(null, tail ? fn(tail) : undefined);
    },
  });
}
