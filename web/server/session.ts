import { FaultSchedule } from '../../harness/runner/faults.ts';
import type { Scenario } from '../../harness/scenario/scenario.ts';
import { World } from '../../harness/world.ts';
import type { ConsoleKey } from '../../simulator/console/terminal-console.ts';
import { renderReceiptPng } from '../../simulator/printer/render.ts';
import type { ClientMessage, SessionState, TimelineEntry } from '../shared/sandbox-api.ts';
import { parseFaultRequest } from './fault-requests.ts';
import { freePlayScenario } from './free-play.ts';
import { LiveClock, type WallTime } from './live-clock.ts';
import { SandboxInputError } from './sandbox-input-error.ts';
import type { ScenarioShelf } from './scenario-files.ts';
import { ScenarioPlayer } from './scenario-player.ts';
import { judgeFinalChecks, performStep, PlaybackMarks } from './scenario-step.ts';
import { sessionState } from './session-state.ts';
import { TimelineWatch } from './timeline-watch.ts';

export interface SessionOptions {
  readonly wall: WallTime;
  readonly shelf: ScenarioShelf;
  readonly seed?: number;
  /** Wall milliseconds between scenario steps at speed 1. */
  readonly stepPauseMs?: number;
}

type HardwareMessage = Extract<ClientMessage, { type: 'key' | 'card' | 'pinpad' }>;

/**
 * One browser tab's shop: a World (terminal, devices, link, host) running live on a clock that
 * follows real time, the fault schedule the scenarios use, and optionally a scenario being
 * played. The page acts only on hardware — keys, cards, PIN pad, faults — never on the core.
 * Messages are handled one at a time, so a reset never races a key press.
 */
export class SandboxSession {
  private world!: World;
  private faults!: FaultSchedule;
  private live!: LiveClock;
  private watch!: TimelineWatch;
  private player: ScenarioPlayer | undefined;
  private speed = 1;
  private generationCount = 0;
  private problem: string | undefined;
  private receiptCache = new Map<number, Uint8Array>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly id: string,
    private readonly options: SessionOptions,
  ) {}

  async start(): Promise<void> {
    await this.replace(freePlayScenario(), true);
  }

  /** Changes whenever the world is replaced; a client then needs the whole timeline again. */
  get generation(): number {
    return this.generationCount;
  }

  get timeline(): readonly TimelineEntry[] {
    return this.world.timeline;
  }

  /** Told when playback moves on its own, so connected pages hear of it at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): SessionState {
    return sessionState(this.world, {
      sessionId: this.id,
      speed: this.speed,
      cardInside: this.watch.cardInside,
      activeFaults: this.watch.activeFaults,
      armedFaults: this.watch.armedFaults,
      playback: this.player?.state() ?? null,
      problem: this.world.crashed === undefined ? (this.problem ?? null) : `the terminal software crashed: ${String(this.world.crashed)}`,
    });
  }

  receiptPng(index: number): Uint8Array | undefined {
    const receipt = this.world.printer.receipts()[index - 1];
    if (!receipt) return undefined;
    let png = this.receiptCache.get(index);
    if (!png) {
      png = renderReceiptPng(receipt, this.world.printer.widthDots);
      this.receiptCache.set(index, png);
    }
    return png;
  }

  /** The paper still hanging out of the printer, not yet cut. */
  paperPng(): Uint8Array {
    return renderReceiptPng(this.world.printer.pending(), this.world.printer.widthDots);
  }

  /** Does what the page asked; resolves to an informational note, or rejects with `SandboxInputError`. */
  act(message: ClientMessage): Promise<string | undefined> {
    const next = this.queue.then(() => this.handle(message));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async dispose(): Promise<void> {
    await this.queue;
    await this.player?.stop();
    this.live.stop();
    await this.world.dispose();
  }

  private async handle(message: ClientMessage): Promise<string | undefined> {
    switch (message.type) {
      case 'key':
      case 'card':
      case 'pinpad':
        return this.hardware(message);
      case 'fault': {
        const request = parseFaultRequest(message);
        this.faults.request(request);
        if (request.onMessage) this.watch.arm(request.name);
        return request.onMessage ? `${request.name} is armed: it starts when a ${message.on} message goes by.` : undefined;
      }
      case 'heal':
        this.watch.disarm(message.name);
        if (!this.faults.heal(message.name)) throw new SandboxInputError(`\`${message.name}\` is not active, so there is nothing to heal`);
        return undefined;
      case 'speed':
        this.speed = message.speed;
        this.live.setSpeed(message.speed);
        return undefined;
      case 'reset':
        await this.replace(this.player ? this.world.scenario : freePlayScenario(), !this.player, this.player?.file);
        return undefined;
      case 'playback':
        return this.playback(message);
      case 'unfreeze':
        if (!this.world.host.risk.unfreeze(this.world.scenario.terminal.id, 'sandbox trainer')) {
          throw new SandboxInputError('the host has not frozen this terminal');
        }
        return 'The host lifted the freeze: the terminal may trade again.';
    }
  }

  private async playback(message: Extract<ClientMessage, { type: 'playback' }>): Promise<string | undefined> {
    if (message.action === 'load') {
      await this.replace(await this.options.shelf.load(message.file), false, message.file);
      return `Loaded ${message.file}: press Play or Step.`;
    }
    if (message.action === 'stop') {
      await this.replace(freePlayScenario(), true);
      return 'Back to free play with a fresh terminal.';
    }
    const player = this.player;
    if (!player) throw new SandboxInputError('load a scenario first');
    if (message.action === 'play') player.play();
    else if (message.action === 'pause') player.pause();
    else await player.step();
    return undefined;
  }

  private hardware(message: HardwareMessage): string | undefined {
    if (this.player?.busy) throw new SandboxInputError('a scenario step is running; try again in a moment');
    const tookOver = this.player !== undefined && this.player.state().playing;
    this.player?.pause();
    try {
      this.operate(message);
    } catch (error) {
      if (error instanceof SandboxInputError) throw error;
      throw new SandboxInputError(error instanceof Error ? error.message : String(error));
    }
    return tookOver ? 'Playback paused: you have taken over the terminal.' : undefined;
  }

  private operate(message: HardwareMessage): void {
    const { world } = this;
    if (message.type === 'key') return world.console.press(message.key as ConsoleKey);
    if (message.type === 'pinpad') {
      if (!world.pinpad.prompting) throw new SandboxInputError('the PIN pad is not asking for a PIN right now');
      if (message.action === 'digit') world.pinpad.pressDigits(message.digit);
      else if (message.action === 'enter') world.pinpad.pressEnter();
      else if (message.action === 'cancel') world.pinpad.pressCancel();
      else world.pinpad.pressClear();
      return;
    }
    if (message.action === 'remove') {
      world.reader.remove();
      return;
    }
    const card = world.cards.get(message.card ?? '');
    if (!card) {
      throw new SandboxInputError(`unknown card \`${message.card ?? ''}\`: the tray holds ${[...world.cards.keys()].join(', ')}`);
    }
    if (message.action === 'swipe') return world.reader.swipe(card.image, { bad: message.damaged === true });
    if (message.action === 'insert') {
      return world.reader.insert(card.image, { chipDead: message.damaged === true });
    }
    if (card.image.contactless !== true) throw new SandboxInputError(`${card.definition.id} has no contactless chip: insert or swipe it`);
    world.reader.tap(card.image);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private async replace(scenario: Scenario, powerOn: boolean, file?: string): Promise<void> {
    await this.player?.stop();
    this.player = undefined;
    this.live?.stop();
    await this.world?.dispose();
    const world = new World(scenario, scenario.seed ?? this.options.seed ?? 1);
    this.world = world;
    this.faults = new FaultSchedule(world);
    this.watch = new TimelineWatch(world);
    this.problem = undefined;
    this.receiptCache = new Map();
    this.live = new LiveClock(world.clock, () => world.activity(), this.options.wall, (error) => {
      console.error(`sandbox session ${this.id}: a timer failed`, error);
      this.problem ??= `the emulated shop hit an error: ${error instanceof Error ? error.message : String(error)}`;
    });
    this.live.setSpeed(this.speed);
    if (file !== undefined) {
      const faults = this.faults;
      const marks = new PlaybackMarks();
      this.player = new ScenarioPlayer(file, scenario, this.options.wall, {
        runStep: (step, index) =>
          this.live.hold(() => {
            marks.mark(world, index);
            return performStep(world, faults, step, marks.context);
          }),
        finalChecks: () => judgeFinalChecks(world, faults, scenario.then, marks.context),
        pauseMs: () => (this.options.stepPauseMs ?? 1200) / this.speed,
        changed: () => this.changed(),
      });
    }
    this.generationCount += 1;
    if (powerOn) await world.powerOn();
    this.live.start();
    this.changed();
  }
}
