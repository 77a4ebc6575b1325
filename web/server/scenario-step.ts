import { judgeExpectation } from '../../harness/judges/expectations.ts';
import type { CheckResult } from '../../harness/run-result.ts';
import type { FaultSchedule } from '../../harness/runner/faults.ts';
import * as macros from '../../harness/runner/macros.ts';
import { letTimePass, runUntilQuiet } from '../../harness/runner/quiet.ts';
import type { LocatedExpectation } from '../../harness/scenario/scenario.ts';
import type { Step } from '../../harness/scenario/steps.ts';
import type { World } from '../../harness/world.ts';

export interface StepOutcome {
  readonly passed: boolean;
  readonly message?: string;
}

/** A step as the playback list shows it; secrets (PIN, password) are left out. */
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

function outcome(checks: readonly CheckResult[]): StepOutcome {
  const failed = checks.filter((check) => check.verdict === 'failed');
  if (failed.length === 0) return { passed: true };
  return { passed: false, message: failed.map((check) => `expected ${check.expected}, got ${check.actual}`).join('; ') };
}

/**
 * Does what one scenario step says, with the runner's own macros, so playback in the sandbox
 * behaves as `poslab run` does. The caller holds the live clock meanwhile: macros jump virtual
 * time over the terminal's busy stretches.
 */
export async function performStep(world: World, faults: FaultSchedule, step: Step): Promise<StepOutcome> {
  for (const fault of step.faults) faults.apply(fault);
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
      world.reader.swipe(card(step.args.card), { bad: step.args.bad });
      break;
    case 'insert':
      world.reader.insert(card(step.args.card), { chipDead: step.args.chip_dead });
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
      if (!faults.heal(step.args)) return { passed: false, message: `no active fault \`${step.args}\` to heal` };
      break;
    case 'expect':
      return outcome(judgeExpectation(world, step.args, step.line));
  }
  await runUntilQuiet(world);
  return { passed: true };
}

/** The scenario's closing `then` checks, judged on the world as it stands. */
export function judgeFinalChecks(world: World, then: readonly LocatedExpectation[]): StepOutcome {
  return outcome(then.flatMap(({ expectation, line }) => judgeExpectation(world, expectation, line)));
}
