// Entry point of dist/index.js (action.yml `main`).
import { run } from './main.ts';

await run();
