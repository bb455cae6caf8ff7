#!/usr/bin/env node
// The `reports` command: hands the process to main() and maps a crash to exit status 2.
import {main} from '../dist/cli.js';

// A closed pipe (reports metrics … | head) is the reader's choice, not a failure.
process.stdout.on('error', (error) => process.exit(error.code === 'EPIPE' ? 0 : 2));
try {
  const {argv, stdout, stderr, env} = process;
  process.exitCode = await main({argv: argv.slice(2), cwd: process.cwd(), stdout, stderr, env});
} catch (error) {
  const debug = process.argv.includes('--debug');
  process.stderr.write(`reports: ${debug ? error.stack : error.message} (this is a bug; please report it)\n`);
  process.exitCode = 2;
}
