import { Command, InvalidArgumentError } from 'commander';

function portOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('a port number such as 5173 (0 picks a free one)');
  return port;
}

/** Resolves on Ctrl-C or a stop signal from a service manager. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

export interface SandboxCommandOptions {
  /** Resolves when the server should stop; Ctrl-C by default. Tests pass their own. */
  readonly until?: (url: string) => Promise<void>;
}

/**
 * `poslab sandbox`: the trainer's browser sandbox. The web server is loaded only when this
 * command runs, so `poslab run` never pays for express, ws or Vite.
 */
export function sandboxCommand(options: SandboxCommandOptions = {}): Command {
  return new Command('sandbox')
    .exitOverride()
    .description('serve the trainer sandbox: a live virtual terminal with a fault panel, in the browser')
    .option('-p, --port <n>', 'port to listen on', portOption, 5173)
    .option('--host <address>', 'address to listen on (0.0.0.0 to show it on other machines)', '127.0.0.1')
    .option('--scenarios <dir>', 'scenario files offered for playback', 'scenarios')
    .action(async (flags: { port: number; host: string; scenarios: string }) => {
      const { ensureAppBuilt } = await import('../../web/server/app-build.ts');
      const { startSandboxServer } = await import('../../web/server/sandbox-server.ts');
      await ensureAppBuilt(() => console.log('building the sandbox app (once)…'));
      const server = await startSandboxServer({ port: flags.port, host: flags.host, scenariosDir: flags.scenarios });
      console.log(`poslab sandbox on ${server.url.replace(/127\.0\.0\.1/, 'localhost')} (Ctrl-C to stop)`);
      await (options.until ?? stopSignal)(server.url);
      await server.close();
    });
}
