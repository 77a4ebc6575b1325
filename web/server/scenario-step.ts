import { judgeExpectation, type JudgeContext } from '../../harness/judges/expectations.ts';
import { judgeInvariants } from '../../harness/judges/invariants.ts';
import type { CheckResult } from '../../harness/run-result.ts';
import type { FaultSchedule } from '../../harness/runner/faults.ts';
import { performFlowStep } from '../../harness/runner/flow-macros.ts';
import * as macros from '../../harness/runner/macros.ts';
import { presentCard } from '../../harness/runner/mishap-actions.ts';
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
 * behaves as `poslab run` does (this mirrors the runner's step switch, which it does not
 * export). The caller holds the live clock meanwhile: macros jump virtual time over the
 * terminal's busy stretches.
 */
export async function performStep(world: World, faults: FaultSchedule, step: Step, context: JudgeContext): Promise<StepOutcome> {
  for (const fault of step.faults) faults.request(fault);
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
      if (!faults.heal(step.args)) return { passed: false, message: `no active fault \`${step.args}\` to heal` };
      break;
    case 'expect':
      return outcome(judgeExpectation(world, step.args, step.line, context));
    default:
      await performFlowStep(world, step);
  }
  await runUntilQuiet(world);
  return { passed: true };
}

/**
 * The scenario's closing `then` checks and the money invariants, judged as `poslab run` does
 * once the last step is over: every fault healed first.
 */
export function judgeFinalChecks(world: World, faults: FaultSchedule, then: readonly LocatedExpectation[], context: JudgeContext): StepOutcome {
  faults.healAll();
  return outcome([...then.flatMap(({ expectation, line }) => judgeExpectation(world, expectation, line, context)), ...judgeInvariants(world, world.stuck)]);
}

/** What `expect` checks need to know about a playback so far: link messages seen as each step began. */
export class PlaybackMarks {
  private readonly marks: number[] = [];
  readonly context: JudgeContext = { stepMarks: this.marks, updateGoldens: false, goldens: new Map() };

  mark(world: World, index: number): void {
    this.marks[index] = world.network.messages().length;
  }
}
