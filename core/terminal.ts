import type { Clock } from '../platform/clock.ts';
import type { Random } from '../platform/random.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { HostClient } from './host-client.ts';
import { InputQueue } from './input.ts';
import { CardSlot } from './card-slot.ts';
import { FACTORY_OPERATORS, OperatorTable } from './operators.ts';
import { TraceCounter } from './trace.ts';
import { PanVault } from './pan-vault.ts';
import { PowerRail } from './power-rail.ts';
import { DEFAULT_FLOOR_LIMIT_MINOR, DEFAULT_PASSWORD_MAX_AGE_DAYS, TerminalParameters } from './terminal-parameters.ts';
import { TransactionJournal } from './transaction/journal.ts';
import { operatorSignIn } from './operator-sign-in.ts';
import { readyForBusiness } from './business-gate.ts';
import { cashierMenu } from './flows/cashier-menu.ts';
import { supervisorMenu } from './flows/supervisor-menu.ts';
import { administratorMenu } from './flows/administrator-menu.ts';
import { screens } from './screens.ts';
import type { Screen } from './ports.ts';
import type { TerminalCapabilities, TerminalConfig, TerminalContext, TerminalDevices } from './terminal-context.ts';

const DEFAULT_RESPONSE_TIMEOUT_MS = 60_000;
const DEFAULT_PROMPT_TIMEOUT_MS = 60_000;
const DEFAULT_CAPABILITIES: TerminalCapabilities = { contactless: false, pinpad: 'external', receiptColumns: 32 };

/**
 * The POS application (POS终端): power on with self-test, recovery of whatever a power cut
 * interrupted, operator sign-in, and the menu of the operator's role. It runs as long as the
 * terminal has power; everything it touches comes in through `devices` (behind the power
 * rail), and time and randomness through `clock` and `random`.
 */
export class PosTerminal {
  private readonly ctx: TerminalContext;
  private readonly rail: PowerRail;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(devices: TerminalDevices, config: TerminalConfig, clock: Clock, random: Random) {
    this.rail = new PowerRail(clock);
    const powered = this.rail.devices(devices);
    const time = this.rail.time;
    const input = new InputQueue(time);
    const slot = new CardSlot();
    const promptTimeoutMs = config.promptTimeoutMs ?? DEFAULT_PROMPT_TIMEOUT_MS;
    const show = (screen: Screen) => powered.display.show(screen);
    const parameters = new TerminalParameters(powered.flash, {
      responseTimeoutSeconds: Math.round((config.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS) / 1000),
      passwordMaxAgeDays: DEFAULT_PASSWORD_MAX_AGE_DAYS,
      floorLimitMinor: DEFAULT_FLOOR_LIMIT_MINOR,
    });
    const host = new HostClient(powered.modem.link, time, cupPos);
    const journal = new TransactionJournal(powered.flash);
    const vault = new PanVault(config.dataKey, random.fork('pan-vault'));
    const ctx: TerminalContext = {
      devices: powered,
      config,
      capabilities: config.capabilities ?? DEFAULT_CAPABILITIES,
      clock: time,
      random,
      input,
      host,
      trace: new TraceCounter(powered.flash),
      journal,
      operators: new OperatorTable(powered.flash, config.terminalId, time),
      parameters,
      vault,
      slot,
      session: { hostSignedIn: false, paperLow: false },
      get responseTimeoutMs() {
        return parameters.values.responseTimeoutSeconds * 1000;
      },
      promptTimeoutMs,
      show,
      acknowledge: async (screen) => {
        show(screen);
        await input.nextKey(promptTimeoutMs);
      },
      exchangeDeps: () => ({
        journal,
        host,
        mac: (data) => powered.pinpad.mac(data),
        openPan: (sealed) => vault.open(sealed),
        identity: config,
        responseTimeoutMs: ctx.responseTimeoutMs,
      }),
    };
    this.ctx = ctx;
    this.unsubscribe.push(
      powered.keypad.onKey((key) => input.push({ kind: 'key', key })),
      powered.reader.onEvent((event) => {
        slot.observe(event);
        input.push({ kind: 'card', event });
      }),
      () => host.dispose(),
    );
  }

  /** Runs the terminal from power-on; resolves only if the self-test fails. */
  async run(): Promise<void> {
    const ctx = this.ctx;
    ctx.operators.seed(ctx.config.operators ?? FACTORY_OPERATORS);
    if (!(await this.selfTest())) return;
    ctx.journal.recover();
    for (;;) {
      const operator = await operatorSignIn(ctx);
      if (operator.role === 'supervisor') await supervisorMenu(ctx);
      else if (operator.role === 'administrator') await administratorMenu(ctx);
      else if ((await readyForBusiness(ctx, operator.code)) || ctx.session.hostSignedIn) await cashierMenu(ctx, operator.code);
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

  /** Power cut: the rail drops, listeners go; the flow in progress never runs another step. */
  dispose(): void {
    this.rail.cut();
    for (const off of this.unsubscribe.splice(0)) off();
  }
}
