// The emulator in a process of its own, so the benchmark's RSS is batchwise's alone. Prints its URL, runs until killed.
import { startEmulator } from '../src/emulator/index.ts';

const emu = await startEmulator({ port: 0, completeAfterMs: Number(process.env.BENCH_COMPLETE_MS ?? 5000) });
process.stdout.write(`${emu.url}\n`);
process.on('SIGTERM', () => void emu.close().then(() => process.exit(0)));
