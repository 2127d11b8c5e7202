#!/usr/bin/env node
// Entry point of the `budgetdoc` command: runs the compiled CLI (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

// the reader of our output went away (`budgetdoc parse … | head`): stop quietly, as other command-line tools do
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw err;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
