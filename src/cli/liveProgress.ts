// Live progress on stderr for batch, sync, flex and priority runs. On a terminal one status line is redrawn in place —
// a log line clears it, prints itself and redraws it below, and the line is cut to the terminal's width so it never
// wraps (a wrapped line cannot be redrawn: every update became a new line). In a CI log, where \r does nothing, a
// plain status line is printed at most every `intervalMs` and once at the end.
import { formatDuration } from '../shared/duration.ts';
import { formatUsd } from '../shared/money.ts';
import type { BatchProgress } from '../run/index.ts';
import type { SyncProgress } from '../run/sync/syncProgress.ts';

export interface LiveProgress {
  batch(p: BatchProgress): void;
  sync(p: SyncProgress, tier?: string): void;
  /** A log line: printed above the status line, which is redrawn. */
  log(line: string): void;
  /** Ends the status line so what is printed next starts on its own line. */
  end(): void;
}

export interface LiveOptions {
  stream?: NodeJS.WriteStream;
  /** Non-TTY: at most one status line this often (default 30 s). */
  intervalMs?: number;
  now?: () => number;
}

const REDRAW_MS = 100;

export function liveProgress(opts: LiveOptions = {}): LiveProgress {
  const stream = opts.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  const interval = opts.intervalMs ?? 30_000;
  const now = opts.now ?? Date.now;
  let status = '';
  let shown = false;
  let lastDraw = -Infinity;
  let lastPrinted = '';

  const width = () => Math.max(20, (stream.columns ?? 80) - 1);
  const clear = () => {
    if (tty && shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const draw = (force: boolean) => {
    const t = now();
    if (tty) {
      if (!force && t - lastDraw < REDRAW_MS) return;
      stream.write(`\r\x1b[2K${status.length > width() ? `${status.slice(0, width() - 1)}…` : status}`);
      shown = true;
    } else {
      if (!force && t - lastDraw < interval) return;
      if (status === lastPrinted) return;
      stream.write(`${status}\n`);
      lastPrinted = status;
    }
    lastDraw = t;
  };

  return {
    batch(p) {
      const done = p.completed + p.failed;
      status = `batches: ${done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} done, ${p.failed.toLocaleString('en-US')} failed` +
        (p.eta_ms === null ? '' : `, ETA ${formatDuration(p.eta_ms)}`);
      draw(done >= p.total);
    },
    sync(p, tier = 'sync') {
      const total = p.total === undefined ? '' : `/${p.total.toLocaleString('en-US')}`;
      const tpm = p.tokensPerMinute.limit === null
        ? `${p.tokensPerMinute.used.toLocaleString('en-US')} tokens/min`
        : `${p.tokensPerMinute.used.toLocaleString('en-US')}/${p.tokensPerMinute.limit.toLocaleString('en-US')} tokens/min`;
      status = `${tier}: ${p.done.toLocaleString('en-US')}${total} done, ${p.failed + p.skipped} not succeeded, ${p.inFlight} in flight, ${tpm}, ` +
        `${formatUsd(p.costUsd)} so far${p.etaMs === null ? '' : `, ETA ${formatDuration(p.etaMs)}`}`;
      draw(p.total !== undefined && p.done >= p.total);
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (tty && status) draw(true);
    },
    end() {
      if (!status) return;
      if (tty) {
        draw(true);
        stream.write('\n');
        shown = false;
      } else if (status !== lastPrinted) {
        stream.write(`${status}\n`);
        lastPrinted = status;
      }
      status = '';
    },
  };
}
