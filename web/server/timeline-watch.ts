import type { World } from '../../harness/world.ts';
import { maskPan } from '../../protocol/iso8583/describe.ts';

/**
 * What the page shows but no device reports as state: which faults are active and which card
 * sits in the reader. Both are read from the timeline as it grows, so they stay true whoever
 * acted — the trainer, a playing scenario, or a fault healing itself after its `for`. Faults
 * armed from the panel to start on a message are remembered until they start or are healed.
 */
export class TimelineWatch {
  private index = 0;
  private readonly faults = new Set<string>();
  private readonly armed = new Set<string>();
  private card: string | null = null;
  private readonly cardByMaskedPan: Map<string, string>;

  constructor(private readonly world: World) {
    this.cardByMaskedPan = new Map([...world.cards.values()].map(({ definition }) => [maskPan(definition.pan), definition.id]));
  }

  get activeFaults(): string[] {
    this.catchUp();
    return [...this.faults];
  }

  /** Armed to start on a message and not started yet. */
  get armedFaults(): string[] {
    this.catchUp();
    return [...this.armed];
  }

  arm(name: string): void {
    this.catchUp();
    this.armed.add(name);
  }

  disarm(name: string): void {
    this.armed.delete(name);
  }

  get cardInside(): string | null {
    this.catchUp();
    return this.card;
  }

  private catchUp(): void {
    const timeline = this.world.timeline;
    for (; this.index < timeline.length; this.index++) {
      const { source, kind, detail } = timeline[this.index]!;
      const name = detail?.['name'];
      if (source === 'harness' && typeof name === 'string') {
        if (kind === 'fault') {
          this.faults.add(name);
          this.armed.delete(name);
        }
        if (kind === 'heal') this.faults.delete(name);
      }
      if (source === 'card-reader') {
        if (kind === 'insert' || kind === 'chip-failed' || kind === 'tap') {
          this.card = this.cardByMaskedPan.get(String(detail?.['pan'])) ?? 'a card';
        }
        if (kind === 'removed') this.card = null;
      }
    }
  }
}
