import type { FaultTargets } from '../../simulator/faults/fault.ts';
import { matchesMessage } from '../../simulator/faults/message-match.ts';
import { faultUnits } from '../../simulator/faults/registry.ts';
import type { FaultRequest } from '../scenario/steps.ts';
import type { World } from '../world.ts';

/**
 * Applies and heals fault units on a world. A request starts at its step, `after` a delay, or
 * when a message matching `on_message` enters the link (just after that message, so the
 * message itself still arrives where the link delivers it at once). It lasts `for` a duration,
 * until a `heal` step, or until the scenario ends — whichever comes first.
 */
export class FaultSchedule {
  private readonly active = new Map<string, () => void>();
  private readonly waiting = new Map<string, () => void>();
  private readonly targets: FaultTargets;

  constructor(private readonly world: World) {
    this.targets = {
      network: world.network,
      terminal: world,
      printer: world.printer,
      pinpad: world.pinpad,
      reader: world.reader,
      host: { restart: () => world.restartHost() },
      mishaps: world.mishaps,
      clock: world.clock,
      random: world.random.fork('faults'),
    };
  }

  /** Schedules a fault as its step asks: now, after a delay, or on a message. */
  request(request: FaultRequest): void {
    this.cancelWaiting(request.name);
    const { onMessage } = request;
    if (!onMessage) return this.startAfterDelay(request);
    const stop = this.world.network.onMessage((message) => {
      if (!matchesMessage(onMessage, message)) return;
      stop();
      this.waiting.delete(request.name);
      this.world.events('harness', 'fault-triggered', { name: request.name, mti: message.mti, direction: message.direction });
      queueMicrotask(() => this.startAfterDelay(request));
    });
    this.waiting.set(request.name, stop);
  }

  apply(request: FaultRequest): void {
    const unit = faultUnits.get(request.name)!;
    this.heal(request.name);
    let heal: () => void;
    try {
      heal = unit.apply(this.targets, request.params as never);
    } catch (error) {
      // Also reached from timers and message triggers, where a throw would end the process.
      this.world.events('harness', 'fault-error', { name: request.name, error: error instanceof Error ? error.message : String(error) });
      return this.world.faultFailed(error);
    }
    this.active.set(request.name, heal);
    this.world.events('harness', 'fault', { name: request.name, ...(request.forMs ? { forMs: request.forMs } : {}) });
    if (request.forMs !== undefined) {
      this.world.clock.setTimeout(() => {
        if (this.active.get(request.name) === heal) this.heal(request.name);
      }, request.forMs);
    }
  }

  /** Heals an active fault and forgets one still waiting to start; false when there was neither. */
  heal(name: string): boolean {
    const wasWaiting = this.cancelWaiting(name);
    const heal = this.active.get(name);
    if (!heal) return wasWaiting;
    this.active.delete(name);
    heal();
    this.world.events('harness', 'heal', { name });
    return true;
  }

  /** The scenario is over: nothing more starts, everything active is healed. */
  healAll(): void {
    for (const name of [...this.waiting.keys()]) this.cancelWaiting(name);
    for (const name of [...this.active.keys()]) this.heal(name);
  }

  private startAfterDelay(request: FaultRequest): void {
    if (request.afterMs === undefined || request.afterMs === 0) return this.apply(request);
    const timer = this.world.clock.setTimeout(() => {
      this.waiting.delete(request.name);
      this.apply(request);
    }, request.afterMs);
    this.waiting.set(request.name, () => this.world.clock.clearTimeout(timer));
  }

  private cancelWaiting(name: string): boolean {
    const cancel = this.waiting.get(name);
    if (!cancel) return false;
    this.waiting.delete(name);
    cancel();
    return true;
  }
}
