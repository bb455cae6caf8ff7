#!/usr/bin/env node
// The `reports` command: hands the process to main() and maps a crash to exit status 2.
// Early exits stop the run through a signal, so main can let the worker threads finish and
// shut them down (exiting under a busy worker aborts the process in jieba's native code):
// a closed pipe (reports metrics … | head) is the reader's choice and exits 0, Ctrl-C 130.
import {languageOf, main, Stopped} from '../dist/cli.js';

const stop = new AbortController();
process.stdout.on('error', (error) => stop.abort(new Stopped(error.code === 'EPIPE' ? 0 : 2)));
// A closed stderr leaves nowhere to say anything; the run's status stays what it is.
process.stderr.on('error', () => undefined);
const interrupt = (status) => {
  if (stop.signal.aborted) process.exit(status); // a second Ctrl-C: stop now
  stop.abort(new Stopped(status));
};
process.on('SIGINT', () => interrupt(130));
process.on('SIGTERM', () => interrupt(143));
try {
  const {argv, stdout, stderr, env} = process;
  process.exitCode = await main({argv: argv.slice(2), cwd: process.cwd(), stdout, stderr, env, signal: stop.signal});
} catch (error) {
  const debug = process.argv.includes('--debug');
  const detail = debug ? error.stack : error.message;
  process.stderr.write(languageOf(process.argv.slice(2)) === 'en'
    ? `reports: internal error: ${detail} (this is a bug; please report it with the command you ran)\n`
    : `reports: 内部错误：${detail}（这是程序缺陷，请连同所运行的命令一起报告）\n`);
  process.exitCode = 2;
}
