import type { Clock, Timer } from '../../platform/clock.ts';

/**
 * One PIN prompt on the pad's own screen and keys. The digits never leave this object except
 * as the PIN handed to `onDone` for enciphering; the screen shows one `*` per digit.
 *
 * ENTER with 4–12 digits ends the entry; ENTER with none is a bypass ("no PIN"); ENTER with 1–3
 * digits is ignored, as a pad beeps and waits. CLEAR erases every digit, CANCEL aborts, and the
 * timeout (from the moment the prompt appears, not reset by keys) ends it too.
 */
export type PinEntryOutcome =
  | { readonly kind: 'entered'; readonly pin: string }
  | { readonly kind: 'cancelled' | 'timeout' | 'bypassed' };

export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 12;

function formatAmount(amountMinor: number): string {
  const yuan = Math.floor(amountMinor / 100);
  return `${yuan}.${String(amountMinor % 100).padStart(2, '0')}`;
}

export class PinEntry {
  private digits = '';
  private done = false;
  private readonly timer: Timer;

  constructor(
    private readonly clock: Clock,
    private readonly amountMinor: number,
    timeoutSeconds: number,
    private readonly onDone: (outcome: PinEntryOutcome) => void,
  ) {
    this.timer = clock.setTimeout(() => this.finish({ kind: 'timeout' }), timeoutSeconds * 1000);
  }

  get digitCount(): number {
    return this.digits.length;
  }

  screen(): string {
    return `AMOUNT ${formatAmount(this.amountMinor)} / PIN: ${'*'.repeat(this.digits.length)}`;
  }

  pressDigits(digits: string): void {
    if (!/^\d*$/.test(digits)) throw new RangeError('a PIN pad has only digit keys besides ENTER, CANCEL and CLEAR');
    for (const digit of digits) if (this.digits.length < MAX_PIN_DIGITS) this.digits += digit;
  }

  pressClear(): void {
    this.digits = '';
  }

  pressCancel(): void {
    this.finish({ kind: 'cancelled' });
  }

  pressEnter(): void {
    if (this.digits.length === 0) this.finish({ kind: 'bypassed' });
    else if (this.digits.length >= MIN_PIN_DIGITS) this.finish({ kind: 'entered', pin: this.digits });
  }

  private finish(outcome: PinEntryOutcome): void {
    if (this.done) return;
    this.done = true;
    this.clock.clearTimeout(this.timer);
    this.digits = '';
    this.onDone(outcome);
  }
}
