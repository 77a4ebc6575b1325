import type { Clock } from '../platform/clock.ts';
import type { Random } from '../platform/random.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { HostClient } from './host-client.ts';
import { InputQueue } from './input.ts';
import { TerminalJournal } from './journal.ts';
import { OperatorTable } from './operators.ts';
import { TraceCounter } from './trace.ts';
import { operatorSignIn } from './operator-sign-in.ts';
import { hostSignIn } from './host-sign-in.ts';
import { sale } from './sale.ts';
import { screens } from './screens.ts';
import type { Screen } from './ports.ts';
import type { TerminalConfig, TerminalContext, TerminalDevices } from './terminal-context.ts';

const DEFAULT_RESPONSE_TIMEOUT_MS = 60_000;
const DEFAULT_PROMPT_TIMEOUT_MS = 60_000;

/**
 * The POS application (POS终端): power on with self-test, operator and host sign-in, then the
 * menu loop. It runs as long as the terminal has power; everything it touches comes in through
 * `devices`, and time and randomness through `clock` and `random`.
 */
export class PosTerminal {
  private readonly ctx: TerminalContext;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(devices: TerminalDevices, config: TerminalConfig, clock: Clock, random: Random) {
    const input = new InputQueue(clock);
    const promptTimeoutMs = config.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS;
    const show = (screen: Screen) => devices.display.show(screen);
    this.ctx = {
      devices,
      config,
      clock,
      random,
      input,
      host: new HostClient(devices.modem.link, clock, cupPos),
      trace: new TraceCounter(devices.flash),
      journal: new TerminalJournal(devices.flash),
      operators: new OperatorTable(devices.flash, config.terminalId),
      responseTimeoutMs: config.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS,
      promptTimeoutMs,
      show,
      acknowledge: async (screen) => {
        show(screen);
        await input.nextKey(promptTimeoutMs);
      },
    };
    this.unsubscribe.push(
      devices.keypad.onKey((key) => input.push({ kind: 'key', key })),
      devices.reader.onEvent((event) => input.push({ kind: 'card', event })),
    );
  }

  /** Runs the terminal from power-on; resolves only if the self-test fails. */
  async run(): Promise<void> {
    const ctx = this.ctx;
    ctx.operators.seed(ctx.config.operators);
    if (!(await this.selfTest())) return;
    let hostSignedIn = false;
    for (;;) {
      const operator = await operatorSignIn(ctx);
      if (!hostSignedIn) hostSignedIn = await hostSignIn(ctx, operator);
      if (!hostSignedIn) continue;
      await this.menu(operator);
    }
  }

  private async selfTest(): Promise<boolean> {
    const { devices } = this.ctx;
    this.ctx.show(screens.selfTest());
    const checks: Array<[string, () => Promise<unknown>]> = [
      ['card reader', () => devices.reader.selfTest()],
      ['pin pad', () => devices.pinpad.selfTest()],
      ['printer', () => devices.printer.selfTest()],
    ];
    for (const [device, check] of checks) {
      try {
        await check();
      } catch {
        this.ctx.show(screens.selfTestFailed(device));
        return false;
      }
    }
    return true;
  }

  private async menu(operator: string): Promise<void> {
    const ctx = this.ctx;
    for (;;) {
      ctx.input.clear();
      ctx.show(screens.menu(operator));
      const key = await ctx.input.nextKey();
      if (key === '1') await sale(ctx, operator);
      if (key === '9') return;
    }
  }

  /** Power cut: stop listening; the pending flow is simply abandoned, as in a real terminal. */
  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
