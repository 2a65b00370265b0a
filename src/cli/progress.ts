// A progress bar on stderr, only when a person is watching (a TTY) — never in logs, pipes or CI.
export function byteProgress(label: string, minBytes = 8 * 1024 * 1024): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < minBytes) return;
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const mb = (b: number) => (b / 1048576).toFixed(0);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${mb(done)}/${mb(total)} MB`);
    if (done >= total) process.stderr.write('\n');
  };
}
