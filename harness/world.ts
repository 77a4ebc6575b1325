import type { SerialPortStream } from '@serialport/stream';
import { VirtualClock } from '../platform/clock.ts';
import { createLinkPair, type ByteLink } from '../platform/byte-link.ts';
import type { EventSink } from '../platform/events.ts';
import { seededRandom, type Random } from '../platform/random.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { deriveIccKey } from '../protocol/emv/arqc.ts';
import { createAcquirerHost, type AcquirerHost } from '../backend/host.ts';
import type { HostStore } from '../backend/store/host-store.ts';
import { openHostStore } from '../backend/store/sqlite-host-store.ts';
import { EscPosPrinterDriver } from '../drivers/printer/escpos-printer.ts';
import { PinPadDriver } from '../drivers/pinpad/pinpad-driver.ts';
import { CardReaderDriver } from '../drivers/card-reader/card-reader-driver.ts';
import { PosTerminal } from '../core/terminal.ts';
import { TerminalConsole } from '../simulator/console/terminal-console.ts';
import { Flash } from '../simulator/flash.ts';
import { findTerminalModel } from '../simulator/models/models.ts';
import type { TerminalModel } from '../simulator/models/terminal-model.ts';
import { Mishaps } from '../simulator/faults/mishaps.ts';
import { NetworkLink } from '../simulator/network/network-link.ts';
import { latencyStage } from '../simulator/network/latency-stage.ts';
import { ReceiptPrinter } from '../simulator/printer/receipt-printer.ts';
import { PinPadDevice } from '../simulator/pinpad/pinpad-device.ts';
import { CardReaderDevice } from '../simulator/card-reader/card-reader-device.ts';
import type { CardImage } from '../simulator/card-reader/card-image.ts';
import { attachDevice, detachDevice, openDevicePort, wireActivity } from '../simulator/serial/wire.ts';
import type { TimelineEntry } from './run-result.ts';
import type { CardDefinition, Scenario } from './scenario/scenario.ts';

/** Where scenarios start on the virtual clock: a Sunday morning in Shanghai, 09:00 CST. */
export const SCENARIO_EPOCH = Date.UTC(2026, 10, 22, 1, 0, 0);
const UNIONPAY_DEBIT_AID = 'A000000333010101';

let worldCounter = 0;

/**
 * One emulated shop for one scenario: a terminal (devices, drivers, POS core, flash), its
 * network link, and a fresh acquirer host with its own in-memory database — all on one
 * virtual clock and one seed. Nothing is shared between worlds.
 */
export class World {
  readonly clock = new VirtualClock(SCENARIO_EPOCH);
  readonly timeline: TimelineEntry[] = [];
  private readonly watchers = new Set<(entry: TimelineEntry) => void>();
  readonly events: EventSink = (source, kind, detail) => {
    const entry: TimelineEntry = { t: this.clock.now() - SCENARIO_EPOCH, source, kind, ...(detail ? { detail } : {}) };
    this.timeline.push(entry);
    for (const watcher of [...this.watchers]) watcher(entry);
  };
  readonly random: Random;
  readonly network: NetworkLink;
  readonly console = new TerminalConsole(this.events);
  readonly printer: ReceiptPrinter;
  /** The emulated terminal model (`terminal.model`): printer width, PIN pad, contactless. */
  readonly model: TerminalModel;
  readonly pinpad: PinPadDevice;
  readonly reader = new CardReaderDevice({ events: this.events, clock: this.clock });
  readonly flash = new Flash();
  readonly cards = new Map<string, { definition: CardDefinition; image: CardImage }>();
  /** What the cashier and cardholder will get wrong next; operator and card faults queue these. */
  readonly mishaps = new Mishaps(this.events);
  /** The host's database outlives the host process, so a crashed host restarts with its books. */
  private readonly hostStore: HostStore = openHostStore();
  private readonly hostKey: Uint8Array;
  /** The simulated issuer's key for chip cryptograms: cards are personalised with it, the host verifies with it. */
  private readonly issuerMasterKey: Uint8Array;
  private hostRuns = 0;
  private currentHost: AcquirerHost;
  private readonly ports: string[] = [];
  private openPorts: SerialPortStream[] = [];
  /** Set when a step found the terminal busy past the step horizon. */
  stuck = false;
  private terminal: PosTerminal | undefined;
  private crash: unknown;
  /** The merchant a `terminal.rebind` programmed into the terminal; undefined: its own. */
  private rebound: string | undefined;
  private readonly otherMerchants = new Set<string>();
  private brokenFault: unknown;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
  ) {
    this.random = seededRandom(seed).fork(scenario.id);
    const model = findTerminalModel(scenario.terminal.model);
    if (!model) throw new Error(`unknown terminal model \`${scenario.terminal.model}\``);
    this.model = model;
    this.printer = new ReceiptPrinter({ widthDots: model.printer.widthDots, events: this.events });
    this.pinpad = new PinPadDevice({ clock: this.clock, events: this.events });
    this.hostKey = this.random.fork('host-lmk').bytes(16);
    this.issuerMasterKey = this.random.fork('issuer').bytes(16);
    this.currentHost = this.startHost();
    this.network = new NetworkLink(() => this.dialHost(), {
      dialect: cupPos,
      clock: this.clock,
      events: this.events,
      region: scenario.merchant.region,
    });
    this.network.onFaultError((error) => this.faultFailed(error));
    // The model's network path delays every chunk both ways; faults add their own on top.
    const path = this.random.fork('network-path');
    for (const direction of ['to-host', 'to-terminal'] as const) {
      this.network.addStage(direction, latencyStage(this.clock, path, model.network.latencyMs, model.network.jitterMs));
    }
    this.provision();
    const id = ++worldCounter;
    for (const [name, device] of [['reader', this.reader], ['pinpad', this.pinpad], ['printer', this.printer]] as const) {
      const path = `/dev/poslab/${id}/${name}`;
      attachDevice(path, device);
      this.ports.push(path);
    }
  }

  get host(): AcquirerHost {
    return this.currentHost;
  }

  /**
   * The acquirer's process dies and starts again on the same database: connections it held
   * are gone (the network link redials), books and keys survive. For `host.crash_restart`.
   */
  restartHost(): void {
    this.currentHost.close();
    this.currentHost = this.startHost();
    this.events('host', 'restarted', { run: this.hostRuns });
  }

  private startHost(): AcquirerHost {
    const run = this.hostRuns++;
    return createAcquirerHost({
      clock: this.clock,
      random: this.random.fork(run === 0 ? 'host' : `host-run-${run}`),
      store: this.hostStore,
      localMasterKey: this.hostKey,
      issuerMasterKey: this.issuerMasterKey,
      events: this.events,
    });
  }

  /** One connection from the carrier to the host's front end, served until either side drops it. */
  private dialHost(): ByteLink {
    const [terminalEnd, hostEnd] = createLinkPair();
    const detach = this.currentHost.attach(hostEnd);
    hostEnd.onStatus((up) => {
      if (!up) detach();
    });
    return terminalEnd;
  }

  private provision(): void {
    const { merchant, terminal, cards } = this.scenario;
    const factory = this.random.fork('factory');
    const masterKey = factory.bytes(16);
    this.host.provision.merchant({ id: merchant.id, name: merchant.name, mcc: merchant.mcc, region: merchant.region });
    if (merchant.settlement) {
      this.host.statements.setTerms(merchant.id, { mode: merchant.settlement.mode, payoutFeeMinor: merchant.settlement.payout_fee });
    }
    this.host.provision.terminal({ terminalId: terminal.id, merchantId: merchant.id, masterKey });
    this.pinpad.injectMasterKey(masterKey);
    for (const card of cards) {
      this.host.provision.card({
        pan: card.pan,
        expiry: card.expiry,
        pin: card.pin,
        balanceMinor: card.balance,
        status: card.status,
        product: card.product,
      });
      const image: CardImage = {
        id: card.id,
        pan: card.pan,
        expiry: card.expiry,
        serviceCode: card.chip ? '201' : '101',
        contactless: card.chip,
        ...(card.chip
          ? {
              chip: {
                aid: UNIONPAY_DEBIT_AID,
                panSequence: '01',
                iccKey: deriveIccKey(this.issuerMasterKey, card.pan, '01'),
                ...(card.offline && { offline: true }),
                ...(card.offline_limit !== undefined && { offlineLimitMinor: card.offline_limit }),
              },
            }
          : {}),
      };
      this.cards.set(card.id, { definition: card, image });
    }
  }

  /** Events and serial bytes moved so far; the runner waits until this stops changing. */
  activity(): number {
    return this.timeline.length + wireActivity();
  }

  /** The merchant id the terminal's parameters name now (field 42). */
  get merchantId(): string {
    return this.rebound ?? this.scenario.merchant.id;
  }

  /**
   * Re-programs the terminal to name another merchant, registered with the acquirer (in the
   * scenario merchant's region) the first time, as a real cheaper merchant would be.
   */
  rebind(merchantId: string, mcc: string): () => void {
    const { merchant } = this.scenario;
    if (merchantId !== merchant.id && !this.otherMerchants.has(merchantId)) {
      this.host.provision.merchant({ id: merchantId, name: `MERCHANT ${merchantId.slice(-6)}`, mcc, region: merchant.region });
      this.otherMerchants.add(merchantId);
    }
    const before = this.rebound;
    this.rebound = merchantId;
    return () => {
      this.rebound = before;
    };
  }

  get crashed(): unknown {
    return this.crash;
  }

  /** A fault unit threw while acting on this world: poslab's own failure, not the terminal's. */
  get faultError(): unknown {
    return this.brokenFault;
  }

  /** Keeps the first fault failure; the run goes on so the report can say what happened. */
  faultFailed(error: unknown): void {
    this.brokenFault ??= error;
  }

  async powerOn(): Promise<void> {
    if (this.terminal) return;
    const [readerPort, pinpadPort, printerPort] = await Promise.all(this.ports.map((path) => openDevicePort(path)));
    this.openPorts = [readerPort!, pinpadPort!, printerPort!];
    const { merchant, terminal, operators } = this.scenario;
    this.events('harness', 'power-on');
    const world = this;
    this.terminal = new PosTerminal(
      {
        display: this.console,
        keypad: this.console,
        modem: { link: this.network.terminalPort, location: () => this.network.location(), signal: () => this.network.signal() },
        flash: this.flash,
        reader: new CardReaderDriver(readerPort!, this.clock),
        pinpad: new PinPadDriver(pinpadPort!, this.clock),
        printer: new EscPosPrinterDriver(printerPort!, this.clock),
      },
      {
        terminalId: terminal.id,
        // Read at every request, so a re-programmed terminal sends its new merchant at once.
        get merchantId() {
          return world.merchantId;
        },
        merchantName: merchant.name,
        ...(operators ? { operators } : {}),
        dataKey: this.random.fork('terminal-data-key').bytes(32),
        capabilities: {
          contactless: this.model.contactless,
          pinpad: this.model.pinpad,
          receiptColumns: this.model.printer.columns,
        },
      },
      this.clock,
      this.random.fork('terminal'),
    );
    this.terminal.run().catch((error: unknown) => {
      this.crash = error;
    });
  }

  /** Calls `watcher` with every timeline entry from now on, as it happens (e.g. to cut the power at a moment). */
  watch(watcher: (entry: TimelineEntry) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /**
   * A power cut: the application stops mid-step and the screen goes dark; flash, the devices
   * (and whatever the printer already printed) and the network stay as they were. `powerOn`
   * then builds a new application over the same flash.
   */
  async powerOff(): Promise<void> {
    if (!this.terminal) return;
    this.terminal.dispose();
    this.terminal = undefined;
    this.console.blank();
    this.events('harness', 'power-off');
    await this.closePorts();
  }

  private async closePorts(): Promise<void> {
    await Promise.all(this.openPorts.map((port) => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()))));
    this.openPorts = [];
  }

  async dispose(): Promise<void> {
    this.terminal?.dispose();
    await this.closePorts();
    for (const path of this.ports) detachDevice(path);
    this.network.dispose();
    this.currentHost.close();
    this.hostStore.close();
  }
}
