import type { CheckResult } from '../run-result.ts';
import { judgeExpectation, type JudgeContext } from '../judges/expectations.ts';
import type { Step } from '../scenario/steps.ts';
import type { World } from '../world.ts';
import type { FaultSchedule } from './faults.ts';
import * as macros from './macros.ts';
import { performFlowStep } from './flow-macros.ts';
import { presentCard } from './mishap-actions.ts';
import { letTimePass, runUntilQuiet } from './quiet.ts';

/** A step as reports and the sandbox show it; secrets (PIN, password) are left out. */
export function stepLabel(step: Step): string {
  if (step.args === null) return step.name;
  if (typeof step.args !== 'object' || Array.isArray(step.args)) {
    return step.name === 'pin' ? 'pin ••••' : `${step.name} ${Array.isArray(step.args) ? step.args.join(' ') : String(step.args)}`;
  }
  const shown = Object.entries(step.args as Record<string, unknown>)
    .filter(([key]) => key !== 'pin' && key !== 'password')
    .map(([key, value]) => `${key}=${typeof value === 'object' && value !== null && 'source' in value ? String(value.source) : JSON.stringify(value)}`);
  return `${step.name} ${shown.join(' ')}`.trim();
}

/** Does what one step says; returns the checks it made (only `expect` makes any). */
export async function performStep(world: World, faults: FaultSchedule, step: Step, context: JudgeContext): Promise<CheckResult[]> {
  const card = (id: string) => world.cards.get(id)!.image;
  switch (step.name) {
    case 'power_on':
      await world.powerOn();
      break;
    case 'sign_in':
      await macros.signIn(world, step.args);
      break;
    case 'sign_out':
      await macros.signOut(world);
      break;
    case 'sale':
      await macros.sale(world, step.args);
      break;
    case 'press':
      for (const key of step.args) await macros.pressKey(world, key);
      break;
    case 'type':
      await macros.typeDigits(world, step.args);
      break;
    case 'swipe':
      presentCard(world, card(step.args.card), 'swipe', { spoiled: step.args.bad });
      break;
    case 'insert':
      presentCard(world, card(step.args.card), 'chip', { spoiled: step.args.chip_dead });
      break;
    case 'remove_card':
      world.reader.remove();
      break;
    case 'pin':
      await macros.enterPin(world, step.args);
      break;
    case 'pin_cancel':
      world.pinpad.pressCancel();
      break;
    case 'wait':
      await letTimePass(world, step.args);
      break;
    case 'fault':
      break;
    case 'heal':
      if (!faults.heal(step.args)) throw new Error(`no active fault \`${step.args}\` to heal`);
      break;
    case 'expect':
      return judgeExpectation(world, step.args, step.line, context);
    default:
      await performFlowStep(world, step);
  }
  await runUntilQuiet(world);
  return [];
}
