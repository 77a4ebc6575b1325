import { faultUnits } from '../../simulator/faults/registry.ts';
import type { FaultRequest } from '../scenario/steps.ts';
import type { World } from '../world.ts';

/**
 * Applies and heals fault units on a world's hardware. A fault with `for` heals itself after
 * that much virtual time; otherwise it lasts until a `heal` step or the end of the scenario.
 */
export class FaultSchedule {
  private readonly active = new Map<string, () => void>();

  constructor(private readonly world: World) {}

  apply(request: FaultRequest): void {
    const unit = faultUnits.get(request.name)!;
    this.heal(request.name);
    const heal = unit.apply({ network: this.world.network, printer: this.world.printer }, request.params as never);
    this.active.set(request.name, heal);
    this.world.events('harness', 'fault', { name: request.name, ...(request.forMs ? { forMs: request.forMs } : {}) });
    if (request.forMs !== undefined) {
      this.world.clock.setTimeout(() => this.heal(request.name), request.forMs);
    }
  }

  heal(name: string): boolean {
    const heal = this.active.get(name);
    if (!heal) return false;
    this.active.delete(name);
    heal();
    this.world.events('harness', 'heal', { name });
    return true;
  }
}
