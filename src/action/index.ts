// Entry point of dist/index.js (action.yml `main`).
import { run } from './main.ts';
import { scrubProcessOutput } from '../shared/secrets.ts';

// Every byte the step prints passes the scrubber (a server can echo the key into an error we log).
scrubProcessOutput();

await run();
