// A progress bar on stderr, only when a person is watching (a TTY) — never in logs, pipes or CI.
export interface ByteProgress {
  update: (done: number, total: number) => void;
  /** Ends the bar's line (also when the work failed half-way), so what is printed next starts on its own line. */
  finish: () => void;
}

export function byteProgress(label: string, minBytes = 8 * 1024 * 1024): ByteProgress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  let drawn = false;
  let open = false;
  return {
    update(done, total) {
      if (total < minBytes) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = Math.round((Math.min(done, total) / total) * width);
      const mb = (b: number) => (b / 1048576).toFixed(0);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${mb(done)}/${mb(total)} MB`);
      drawn = true;
      open = done < total;
      if (!open) process.stderr.write('\n');
    },
    finish() {
      if (drawn && open) process.stderr.write('\n');
      open = false;
    },
  };
}
