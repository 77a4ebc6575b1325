import type { CardImage } from '../../simulator/card-reader/card-image.ts';
import type { World } from '../world.ts';
import { letTimePass, runUntilQuiet } from './quiet.ts';
import { PIN_DIGIT_MS } from './pace.ts';

/**
 * The people at the counter, with the mishaps operator and card faults queued for them
 * (simulator/faults/mishaps.ts). Macros and primitives act through these, so a queued mishap
 * alters exactly the next action of its kind and nothing else.
 */

/** The cardholder presents a card; a queued `card.unreadable` turns it into a bad swipe or a dead chip. */
export function presentCard(world: World, card: CardImage, entry: 'chip' | 'swipe', options: { spoiled?: boolean } = {}): void {
  const unreadable = world.mishaps.take('card-unreadable', (m) => m.entry === 'any' || m.entry === entry) !== undefined;
  const spoiled = options.spoiled === true || unreadable;
  if (entry === 'chip') world.reader.insert(card, { chipDead: spoiled });
  else world.reader.swipe(card, { bad: spoiled });
}

/** What the operator actually types for a password. */
export function typedPassword(world: World, intended: string): string {
  return world.mishaps.take('password')?.typed(intended) ?? intended;
}

/** What the operator actually keys as an amount, in fen. */
export function keyedAmount(world: World, intendedMinor: number): number {
  return world.mishaps.take('amount')?.keyed(intendedMinor) ?? intendedMinor;
}

/** The menu key the operator presses by mistake before the right one, if a slip is queued. */
export function wrongMenuKey(world: World): string | undefined {
  return world.mishaps.take('menu')?.key;
}

/**
 * The cardholder at the PIN prompt: types the PIN and presses ENTER, unless a queued mishap
 * has them press CANCEL instead, or pull the card out first (and then type the PIN anyway,
 * as the pad still asks for it).
 */
export async function answerPinPrompt(world: World, pin: string): Promise<void> {
  if (world.mishaps.take('pin-cancel')) {
    world.pinpad.pressCancel();
    await runUntilQuiet(world);
    return;
  }
  if (world.mishaps.take('card-pulled-at-pin') && world.reader.cardPresent) {
    world.reader.remove();
    await runUntilQuiet(world);
    if (!world.pinpad.prompting) return;
  }
  await letTimePass(world, PIN_DIGIT_MS * (pin.length + 1));
  world.pinpad.pressDigits(pin);
  world.pinpad.pressEnter();
  await runUntilQuiet(world);
}
