import { judgeExpectation, type JudgeContext } from '../../harness/judges/expectations.ts';
import { judgeInvariants } from '../../harness/judges/invariants.ts';
import type { CheckResult } from '../../harness/run-result.ts';
import type { FaultSchedule } from '../../harness/runner/faults.ts';
import { performStep as performScenarioStep } from '../../harness/runner/perform-step.ts';
export { stepLabel } from '../../harness/runner/perform-step.ts';
import type { LocatedExpectation } from '../../harness/scenario/scenario.ts';
import type { Step } from '../../harness/scenario/steps.ts';
import type { World } from '../../harness/world.ts';

export interface StepOutcome {
  readonly passed: boolean;
  readonly message?: string;
}

function outcome(checks: readonly CheckResult[]): StepOutcome {
  const failed = checks.filter((check) => check.verdict === 'failed');
  if (failed.length === 0) return { passed: true };
  return { passed: false, message: failed.map((check) => `expected ${check.expected}, got ${check.actual}`).join('; ') };
}

/**
 * Does what one scenario step says with the runner's own step performer, so playback in the
 * sandbox behaves as `poslab run` does. The caller holds the live clock meanwhile: macros jump
 * virtual time over the terminal's busy stretches.
 */
export async function performStep(world: World, faults: FaultSchedule, step: Step, context: JudgeContext): Promise<StepOutcome> {
  for (const fault of step.faults) faults.request(fault);
  try {
    return outcome(await performScenarioStep(world, faults, step, context));
  } catch (error) {
    return { passed: false, message: error instanceof Error ? error.message : String(error) };
  }
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
