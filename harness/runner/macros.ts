import type { Key } from '../../core/ports.ts';
import type { StepArgs } from '../scenario/steps.ts';
import type { World } from '../world.ts';
import { answerPinPrompt, keyedAmount, presentCard, typedPassword, wrongMenuKey } from './mishap-actions.ts';
import { letTimePass, runUntilQuiet } from './quiet.ts';
import { KEY_PRESS_MS } from './pace.ts';

/**
 * Macros do what a trained cashier does, one hardware action at a time, reading the screen
 * between actions as a person would. They never call into the POS core.
 */
export async function pressKey(world: World, key: Key): Promise<void> {
  await letTimePass(world, KEY_PRESS_MS);
  world.console.press(key);
  await runUntilQuiet(world);
}

export async function typeDigits(world: World, digits: string): Promise<void> {
  for (const digit of digits) await pressKey(world, digit as Key);
}

/** Back to the idle menu from wherever a previous step left the terminal. */
async function returnToMenu(world: World): Promise<void> {
  for (let tries = 0; tries < 4 && !world.console.lines[0]?.startsWith('READY'); tries++) {
    await pressKey(world, 'CANCEL');
  }
}

export async function signIn(world: World, args: StepArgs<'sign_in'>): Promise<void> {
  await typeDigits(world, args.operator);
  await pressKey(world, 'ENTER');
  await typeDigits(world, typedPassword(world, args.password));
  await pressKey(world, 'ENTER');
}

export async function signOut(world: World): Promise<void> {
  await returnToMenu(world);
  await pressKey(world, '9');
}

export async function enterPin(world: World, pin: string): Promise<void> {
  await answerPinPrompt(world, pin);
}

export async function sale(world: World, args: StepArgs<'sale'>): Promise<void> {
  const card = world.cards.get(args.card)!.image;
  await returnToMenu(world);
  const slip = wrongMenuKey(world);
  if (slip !== undefined) {
    // The operator opens the wrong item, notices, and backs out to the menu.
    await pressKey(world, slip as Key);
    await returnToMenu(world);
  }
  await pressKey(world, '1');
  await typeDigits(world, String(keyedAmount(world, args.amount)));
  await pressKey(world, 'ENTER');
  if (args.entry === 'tap') world.reader.tap(card);
  else presentCard(world, card, args.entry);
  await runUntilQuiet(world);
  if (args.pin !== undefined && world.pinpad.prompting) await enterPin(world, args.pin);
  if (world.console.text.includes('FOR CUSTOMER COPY')) await pressKey(world, 'ENTER');
  if (world.reader.cardPresent) {
    world.reader.remove();
    await runUntilQuiet(world);
  }
}
