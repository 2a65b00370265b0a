// Ctrl-C and SIGTERM during a run: the first stops polling and sending (the abort reaches every phase, state is saved
// as it goes), the second exits at once. The exit code follows the shell's convention: 128 + the signal's number.
export const SIGNAL_EXIT: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

export interface Interrupt {
  readonly signal: AbortSignal;
  /** The signal that arrived, or null. */
  received(): 'SIGINT' | 'SIGTERM' | null;
  dispose(): void;
}

export function onInterrupt(say: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Interrupt {
  const controller = new AbortController();
  let got: 'SIGINT' | 'SIGTERM' | null = null;
  const handler = (sig: 'SIGINT' | 'SIGTERM') => {
    if (got !== null) {
      say(`batchwise: ${sig} again: exiting now (what was saved so far is kept)`);
      process.exit(SIGNAL_EXIT[sig]);
    }
    got = sig;
    say(`batchwise: ${sig}: stopping — saving state; press Ctrl-C again to exit at once`);
    controller.abort();
  };
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    received: () => got,
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
