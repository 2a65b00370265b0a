#!/usr/bin/env node
// The npm bin: runs the committed bundle, so `npx batchwise` works on a fresh clone without a build.
import '../dist/cli.js';
