import type { CardEvent } from '../drivers/card-reader/card-reader-driver.ts';

/**
 * Whether a card sits in the chip slot, as the reader's card-detect switch reports it. A chip
 * transaction needs the card from the first APDU to the last: a card gone before the host is
 * asked means cancel; gone after an approval means reverse.
 */
export class CardSlot {
  private present = false;

  observe(event: CardEvent): void {
    if (event.kind === 'chip-inserted' || event.kind === 'chip-failed') this.present = true;
    if (event.kind === 'removed') this.present = false;
  }

  get occupied(): boolean {
    return this.present;
  }
}
