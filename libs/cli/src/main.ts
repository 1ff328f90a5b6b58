#!/usr/bin/env node
// `webhooks`: the operator CLI of the management API. See docs/cli.md.
import { runCli } from './cli';

const interrupted = new AbortController();
process.once('SIGINT', () => interrupted.abort());

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interrupted.signal,
})
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`webhooks: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
