import { receiptText } from '../../simulator/printer/receipt.ts';
import type { Key } from '../../core/ports.ts';
import type { CardImage } from '../../simulator/card-reader/card-image.ts';
import type { Step, StepArgs } from '../scenario/steps.ts';
import type { World } from '../world.ts';
import { enterPin, pressKey, typeDigits } from './macros.ts';
import { keyedAmount, presentCard, typedPassword } from './mishap-actions.ts';
import { runUntilQuiet } from './quiet.ts';

/**
 * Macros for the terminal's daily flows beyond the sale — void, refund, balance, pre-auth and
 * completion, reprint, settlement, the supervisor's and administrator's menus, and the power
 * switch. Like every macro they press keys and present cards as a person would, and read
 * what they need (a reference number, an authorisation number) off the printed slips.
 */
export type FlowStep = Extract<
  Step,
  {
    name:
      | 'power_off' | 'void' | 'refund' | 'balance' | 'preauth' | 'completion' | 'reprint' | 'settle'
      | 'add_operator' | 'remove_operator' | 'change_password' | 'unlock_operator' | 'host_sign_out'
      | 'set_response_timeout' | 'unlock_supervisor' | 'echo_test' | 'set_password_age' | 'set_floor_limit';
  }
>;

const FACTORY_SUPERVISOR_PASSWORD = '123456';
type Entry = 'chip' | 'swipe' | 'tap';

function cardImage(world: World, id: string): CardImage {
  const card = world.cards.get(id);
  if (!card) throw new Error(`unknown card \`${id}\``);
  return card.image;
}

/** Presses CANCEL until the screen's first line starts with `title` (a menu), at most four times. */
async function backTo(world: World, title: string): Promise<void> {
  for (let tries = 0; tries < 4 && !world.console.lines[0]?.startsWith(title); tries++) await pressKey(world, 'CANCEL');
}

const showing = (world: World, text: string) => world.console.text.includes(text);

async function openMenuItem(world: World, key: Key): Promise<void> {
  await backTo(world, 'READY');
  await pressKey(world, key);
}

function supervisorPassword(world: World, given: string | undefined): string {
  return given ?? world.scenario.operators?.find((o) => o.code === '00')?.password ?? FACTORY_SUPERVISOR_PASSWORD;
}

async function authorise(world: World, password: string | undefined): Promise<boolean> {
  if (!showing(world, 'SUPERVISOR PASSWORD')) return false;
  await typeDigits(world, typedPassword(world, supervisorPassword(world, password)));
  await pressKey(world, 'ENTER');
  return true;
}

async function keyAmount(world: World, minor: number): Promise<void> {
  await typeDigits(world, String(keyedAmount(world, minor)));
  await pressKey(world, 'ENTER');
}

/** The card, the PIN when the pad asks, the customer copy, the card back to its owner. */
async function cardholder(world: World, card: string, entry: Entry, pin: string | undefined): Promise<void> {
  const image = cardImage(world, card);
  if (entry === 'tap') world.reader.tap(image);
  else presentCard(world, image, entry);
  await runUntilQuiet(world);
  if (pin !== undefined && world.pinpad.prompting) await enterPin(world, pin);
  if (showing(world, 'FOR CUSTOMER COPY')) await pressKey(world, 'ENTER');
  if (world.reader.cardPresent) {
    world.reader.remove();
    await runUntilQuiet(world);
  }
}

/** A value printed on the slip of transaction `trace`, as the cashier would read it. */
function fromSlip(world: World, trace: string, pattern: RegExp, what: string): RegExpExecArray {
  const stan = trace.padStart(6, '0');
  const slip = world.printer
    .receipts()
    .map(receiptText)
    .find((text) => text.includes(`TRACE: ${stan}`));
  const match = slip === undefined ? null : pattern.exec(slip);
  if (!match) throw new Error(`no printed slip of trace ${stan} shows its ${what}`);
  return match;
}

async function voidSale(world: World, args: StepArgs<'void'>): Promise<void> {
  await openMenuItem(world, '2');
  if (!(await authorise(world, args.supervisor))) return;
  if (!showing(world, 'ORIGINAL TRACE NO')) return;
  await typeDigits(world, args.trace);
  await pressKey(world, 'ENTER');
  if (!showing(world, 'ENTER=OK')) return;
  await pressKey(world, 'ENTER');
  await cardholder(world, args.card, args.entry, undefined);
}

async function refund(world: World, args: StepArgs<'refund'>): Promise<void> {
  const ref = args.ref ?? fromSlip(world, args.original!, /REF NO: (\d{12})/, 'reference number')[1]!;
  const date = args.date ?? (([, month, day]) => `${month}${day}`)(fromSlip(world, args.original!, /DATE\/TIME: \d{4}\/(\d{2})\/(\d{2})/, 'date'));
  await openMenuItem(world, '3');
  if (!(await authorise(world, args.supervisor))) return;
  for (const [prompt, digits] of [['ORIGINAL REF NO', ref], ['ORIGINAL DATE', date]] as const) {
    if (!showing(world, prompt)) return;
    await typeDigits(world, digits);
    await pressKey(world, 'ENTER');
  }
  if (!showing(world, 'ENTER AMOUNT')) return;
  await keyAmount(world, args.amount);
  if (showing(world, 'AMOUNT TOO HIGH')) return;
  await cardholder(world, args.card, args.entry, undefined);
}

async function completion(world: World, args: StepArgs<'completion'>): Promise<void> {
  const auth = args.auth ?? fromSlip(world, args.preauth!, /AUTH NO: (\d{6})/, 'authorisation number')[1]!;
  await openMenuItem(world, '6');
  if (!showing(world, 'AUTH NO')) return;
  await typeDigits(world, auth);
  await pressKey(world, 'ENTER');
  if (showing(world, 'ORIGINAL DATE')) {
    if (args.date === undefined) return;
    await typeDigits(world, args.date);
    await pressKey(world, 'ENTER');
  }
  if (!showing(world, 'ENTER AMOUNT')) return;
  await keyAmount(world, args.amount);
  if (showing(world, 'AMOUNT TOO HIGH')) return;
  await cardholder(world, args.card, args.entry, args.pin);
}

/** Supervisor and administrator actions: from their menu, an item, then the fields it asks for. */
async function manage(world: World, menu: string, key: Key, fields: readonly string[]): Promise<void> {
  await backTo(world, menu);
  if (!world.console.lines[0]?.startsWith(menu)) throw new Error(`the ${menu.toLowerCase()} is not on screen: sign in as its operator first`);
  await pressKey(world, key);
  for (const field of fields) {
    await typeDigits(world, field);
    await pressKey(world, 'ENTER');
  }
}

/**
 * The power switch. Bare, the power goes now (the terminal is waiting for someone). Armed, it
 * goes at the exact moment a request leaves for the host or a screen appears — mid-transaction,
 * where only what reached flash survives.
 */
async function powerOff(world: World, args: StepArgs<'power_off'>): Promise<void> {
  if (args === null) return world.powerOff();
  const fires = (entry: { source: string; kind: string; detail?: Record<string, unknown> }) =>
    'when_sent' in args
      ? entry.source === 'link' && entry.kind === 'message' && entry.detail?.direction === 'to-host' && entry.detail.mti === args.when_sent
      : entry.source === 'console' && entry.kind === 'screen' && String(entry.detail?.text).toLowerCase().includes(args.when_screen.toLowerCase());
  const stop = world.watch((entry) => {
    if (!fires(entry)) return;
    stop();
    void world.powerOff();
  });
}

export async function performFlowStep(world: World, step: FlowStep): Promise<void> {
  switch (step.name) {
    case 'power_off':
      return powerOff(world, step.args);
    case 'void':
      return voidSale(world, step.args);
    case 'refund':
      return refund(world, step.args);
    case 'balance':
      await openMenuItem(world, '4');
      return cardholder(world, step.args.card, step.args.entry, step.args.pin);
    case 'preauth':
      await openMenuItem(world, '5');
      await keyAmount(world, step.args.amount);
      return cardholder(world, step.args.card, step.args.entry, step.args.pin);
    case 'completion':
      return completion(world, step.args);
    case 'reprint':
      await openMenuItem(world, '7');
      if (step.args === 'last') return pressKey(world, '1');
      await pressKey(world, '2');
      await typeDigits(world, step.args.trace);
      return pressKey(world, 'ENTER');
    case 'settle':
      await openMenuItem(world, '8');
      if (showing(world, 'ENTER=SETTLE')) await pressKey(world, 'ENTER');
      return;
    case 'add_operator':
      return manage(world, 'SUPERVISOR MENU', '1', [step.args.operator, step.args.password, step.args.password]);
    case 'remove_operator':
      return manage(world, 'SUPERVISOR MENU', '2', [step.args.operator, '']);
    case 'change_password':
      return manage(world, 'SUPERVISOR MENU', '3', [step.args.operator, step.args.password, step.args.password]);
    case 'unlock_operator':
      return manage(world, 'SUPERVISOR MENU', '4', [step.args.operator]);
    case 'host_sign_out':
      return manage(world, 'SUPERVISOR MENU', '5', []);
    case 'set_response_timeout':
      return manage(world, 'ADMIN MENU', '1', [step.args.seconds]);
    case 'unlock_supervisor':
      return manage(world, 'ADMIN MENU', '2', []);
    case 'echo_test':
      return manage(world, 'ADMIN MENU', '4', []);
    case 'set_password_age':
      return manage(world, 'ADMIN MENU', '5', [step.args.days]);
    case 'set_floor_limit':
      return manage(world, 'ADMIN MENU', '6', [step.args.yuan]);
  }
}
