#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so a clone works without a build step.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { SERVING_NODE_OPTIONS } = await import('../platform/serving-runtime.ts');
const args = process.argv.slice(2);

if (args[0] === 'host' && !SERVING_NODE_OPTIONS.every((option) => process.execArgv.includes(option))) {
  // The host needs V8 options that only take effect at start-up, so it starts itself again with
  // them. Signals sent here are passed on (the host takes a repeated Ctrl-C as one), and the
  // child stops by itself if this process dies (its IPC channel closes).
  const child = spawn(process.execPath, [...SERVING_NODE_OPTIONS, ...process.execArgv, fileURLToPath(import.meta.url), ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
  });
} else {
  const { main } = await import('../harness/cli/main.ts');
  process.exitCode = await main(args);
}
