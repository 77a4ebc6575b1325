import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { Command, InvalidArgumentError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PoslabError } from '../../platform/errors.ts';
import type { AcquirerHost } from '../../backend/host.ts';
import { testCards } from '../../backend/issuer/test-cards.ts';
import { feeScheduleSchema } from '../../backend/fees/fee-schedule.ts';
import { riskConfigSchema } from '../../backend/risk/risk-config.ts';

function portOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('a port number such as 8583 (0 picks a free one)');
  return port;
}

function seedOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('the seed is a whole number, e.g. --seed 42');
  return Number(value);
}

/** A mistake in what the user gave the command: a flag, the provisioning file, the seed for a journal. */
class HostCommandError extends PoslabError {
  constructor(message: string, cause?: unknown) {
    super('HOST_COMMAND_INPUT', message, { side: 'input', cause });
  }
}

/** Yuan as written by people (`5000`, `128.50`, `"128.50"`) to whole fen, refusing a third decimal. */
const yuan = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d{1,2})?$/, 'an amount in yuan such as 128.50')])
  .transform((value, context) => {
    if (typeof value === 'string') {
      const [whole = '0', fraction = ''] = value.split('.');
      return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
    }
    const fen = Math.round(value * 100);
    if (Math.abs(fen - value * 100) > 1e-6) {
      context.addIssue({ code: 'custom', message: 'an amount in yuan with at most two decimals, e.g. 128.50' });
      return z.NEVER;
    }
    return fen;
  });

const provisionSchema = z.strictObject({
  merchants: z
    .array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        mcc: z.string(),
        region: z.string(),
        settlement: z.strictObject({ mode: z.enum(['T+0', 'T+1']), payoutFee: yuan.optional() }).optional(),
      }),
    )
    .default([]),
  terminals: z
    .array(z.strictObject({ id: z.string(), merchant: z.string(), masterKey: z.string().regex(/^[0-9A-Fa-f]{32}$/, '32 hex digits') }))
    .default([]),
  // Everything but `balance` is handed to the host's own card provisioning, which validates it.
  cards: z.array(z.looseObject({ pan: z.string(), balance: yuan })).default([]),
  /** Provision the issuer's published test cards (docs/test-cards.md) too. */
  testCards: z.boolean().default(false),
  risk: riskConfigSchema.optional(),
  fees: feeScheduleSchema.optional(),
});

export type ProvisionFile = z.output<typeof provisionSchema>;

/** Reads and checks a provisioning file (docs/host.md, "Provisioning file"). */
export async function readProvisionFile(path: string): Promise<ProvisionFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new HostCommandError(`cannot read ${path}`, error);
  }
  const result = provisionSchema.safeParse(parseYaml(text) ?? {});
  if (!result.success) throw new HostCommandError(`${path}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * Registers what the file names. Entries already in the database (a restart with --db) are
 * left as they are, so the same file can be given every time.
 */
export function provisionHost(host: AcquirerHost, file: ProvisionFile): { added: number; kept: number } {
  let added = 0;
  let kept = 0;
  const once = (register: () => void) => {
    try {
      register();
      added++;
    } catch (error) {
      if (!(error instanceof PoslabError) || error.code !== 'HOST_DUPLICATE') throw error;
      kept++;
    }
  };
  for (const { settlement, ...merchant } of file.merchants) {
    once(() => host.provision.merchant(merchant));
    if (settlement) host.statements.setTerms(merchant.id, { mode: settlement.mode, payoutFeeMinor: settlement.payoutFee ?? 0 });
  }
  for (const terminal of file.terminals) {
    const masterKey = Uint8Array.from(Buffer.from(terminal.masterKey, 'hex'));
    once(() => host.provision.terminal({ terminalId: terminal.id, merchantId: terminal.merchant, masterKey }));
  }
  if (file.testCards) for (const { card } of testCards) once(() => host.provision.card(card));
  for (const { balance, ...card } of file.cards) {
    once(() => host.provision.card({ ...(card as { pan: string; expiry: string; pin: string }), balanceMinor: balance }));
  }
  return { added, kept };
}

/** Resolves on Ctrl-C or a stop signal from a service manager. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    // Kept, not once: Ctrl-C reaches this process both from the terminal and through
    // bin/poslab.js, and a second one must not cut the shutdown short.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
    // Started by bin/poslab.js with the serving options: its channel closes if that process dies.
    if (process.channel) {
      process.channel.unref();
      process.once('disconnect', resolve);
    }
  });
}

interface HostFlags {
  port: number;
  bind: string;
  db?: string;
  adminPort?: number;
  adminToken?: string;
  seed: number;
  provision?: string;
}

export interface HostCommandOptions {
  /** Resolves when the host should stop; Ctrl-C by default. Tests pass their own. */
  readonly until?: () => Promise<void>;
}

/**
 * `poslab host`: the acquirer host standalone on TCP, in real time, for terminals and ISO 8583
 * tools outside the harness (docs/host.md). The backend is loaded only when this command runs.
 */
export function hostCommand(options: HostCommandOptions = {}): Command {
  return new Command('host')
    .exitOverride()
    .description('run the acquirer host on TCP (cup-pos dialect, docs/wire-dialect.md) with an optional admin API')
    .option('-p, --port <n>', 'ISO 8583 port (0 picks a free one)', portOption, 8583)
    .option('--bind <address>', 'address to listen on (0.0.0.0 to serve other machines)', '127.0.0.1')
    .option('--db <file>', 'SQLite journal file (WAL); without it the host keeps everything in memory')
    .option('--admin-port <n>', 'serve the admin API (HTTP, JSON) on this port', portOption)
    .option('--admin-token <token>', 'bearer token for the admin API (or POSLAB_ADMIN_TOKEN)')
    .option('-s, --seed <n>', 'seed for keys and reference numbers; a --db file must be reopened with the same seed', seedOption, 8583)
    .option('--provision <file>', 'merchants, terminals, test cards, risk and fee settings (YAML)')
    .action(async (flags: HostFlags) => {
      const adminToken = flags.adminToken ?? process.env.POSLAB_ADMIN_TOKEN;
      if (flags.adminPort !== undefined && !adminToken) {
        throw new HostCommandError('--admin-port needs --admin-token (or POSLAB_ADMIN_TOKEN)');
      }
      const file = flags.provision ? await readProvisionFile(flags.provision) : undefined;
      const [{ WallClock }, { seededRandom }, { createAcquirerHost }, { openHostStore }, { serveTcp }] = await Promise.all([
        import('../../platform/clock.ts'),
        import('../../platform/random.ts'),
        import('../../backend/host.ts'),
        import('../../backend/store/sqlite-host-store.ts'),
        import('../../backend/tcp-server.ts'),
      ]);
      const store = openHostStore(flags.db ? { file: flags.db } : {});
      let host: AcquirerHost;
      try {
        host = createAcquirerHost({
          clock: new WallClock(),
          random: seededRandom(flags.seed),
          store,
          ...(file?.risk && { risk: file.risk }),
          ...(file?.fees && { fees: file.fees }),
          events: (_source, kind, detail) => {
            if (kind === 'risk-alert' || kind === 'error') console.log(`${kind} ${JSON.stringify(detail)}`);
          },
        });
      } catch (error) {
        store.close();
        if (error instanceof PoslabError && error.code === 'HOST_LMK_MISMATCH') {
          throw new HostCommandError(`${flags.db} was written under another seed: start it with the seed it was created with (${error.message})`, error);
        }
        throw error;
      }
      const admin: Server[] = [];
      try {
        if (file) {
          const { added, kept } = provisionHost(host, file);
          console.log(`provisioned from ${flags.provision}: ${added} added, ${kept} already registered`);
        }
        const server = await serveTcp(host, { port: flags.port, hostname: flags.bind });
        console.log(`poslab host listening on ${flags.bind}:${server.port} (${flags.db ? `journal ${flags.db}` : 'in memory'}, seed ${flags.seed})`);
        if (flags.adminPort !== undefined && adminToken) admin.push(await serveAdmin(host, flags.adminPort, flags.bind, adminToken));
        console.log('Ctrl-C to stop');
        await (options.until ?? stopSignal)();
        await Promise.all(admin.map((http) => new Promise((done) => http.close(done))));
        await server.close();
        console.log('poslab host stopped');
      } finally {
        host.close();
        store.close();
      }
    });
}

async function serveAdmin(host: AcquirerHost, port: number, bind: string, token: string): Promise<Server> {
  const { createAdminApp } = await import('../../backend/admin/admin-app.ts');
  const app = createAdminApp(host, { token });
  return new Promise((resolve, reject) => {
    const http = app.listen(port, bind, (error?: Error) => {
      if (error) {
        reject(error);
        return;
      }
      const address = http.address();
      console.log(`admin API on http://${bind}:${typeof address === 'object' && address ? address.port : port} (bearer token)`);
      resolve(http);
    });
  });
}
