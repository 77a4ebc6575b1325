import { renderReceiptPng } from '../../simulator/printer/render.ts';
import { receiptText } from '../../simulator/printer/receipt.ts';
import { judgeBudgets } from '../judges/budgets.ts';
import { judgeExpectation, type JudgeContext } from '../judges/expectations.ts';
import { judgeInvariants } from '../judges/invariants.ts';
import { performanceSamples } from '../conformance/samples.ts';
import type { CheckResult, ReceiptArtefact, ScenarioResult, StepResult } from '../run-result.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { SCENARIO_EPOCH, World } from '../world.ts';
import { FaultSchedule } from './faults.ts';
import { performStep, stepLabel } from './perform-step.ts';

export interface ScenarioRunOptions {
  readonly seed: number;
  readonly replay: string;
  /** Write receipt goldens from this run instead of comparing with them (`--update-goldens`). */
  readonly updateGoldens?: boolean;
}

/**
 * Plays one scenario in a fresh world. Steps run in order until one fails; then the final
 * `then` checks and the invariants are judged on whatever state the world is in.
 */
export async function runScenario(scenario: Scenario, options: ScenarioRunOptions): Promise<ScenarioResult> {
  const wallStart = performance.now(); // wall-clock: reported as wallMs only
  const world = new World(scenario, options.seed);
  const faults = new FaultSchedule(world);
  const steps: StepResult[] = [];
  const checks: CheckResult[] = [];
  let error: string | undefined;
  let failed = false;
  const stepMarks: number[] = [];
  const context: JudgeContext = { stepMarks, updateGoldens: options.updateGoldens ?? false, goldens: new Map() };
  /** poslab itself threw outside any step: the verdict would say nothing about the terminal. */
  let broken = false;
  /** A fault unit that threw makes the scenario broken: what it checks was never tested. */
  const noteFaultFailure = () => {
    if (world.faultError === undefined || error) return;
    error = `a fault unit failed: ${world.faultError instanceof Error ? world.faultError.message : String(world.faultError)}`;
    broken = true;
  };

  try {
    for (const [index, step] of scenario.steps.entries()) {
      const base = { index, line: step.line, label: stepLabel(step) };
      if (failed || error) {
        steps.push({ ...base, verdict: 'skipped', t: world.clock.now() - SCENARIO_EPOCH, screen: world.console.lines });
        continue;
      }
      let stepError: string | undefined;
      let stepChecks: CheckResult[] = [];
      try {
        stepMarks.push(world.network.messages().length);
        for (const fault of step.faults) faults.request(fault);
        stepChecks = await performStep(world, faults, step, context);
      } catch (caught) {
        stepError = caught instanceof Error ? caught.message : String(caught);
      }
      if (world.crashed !== undefined && !error) error = `terminal crashed: ${String(world.crashed)}`;
      noteFaultFailure();
      checks.push(...stepChecks);
      const stepFailed = stepError !== undefined || stepChecks.some((c) => c.verdict === 'failed');
      failed ||= stepFailed;
      steps.push({
        ...base,
        verdict: stepFailed ? 'failed' : 'passed',
        t: world.clock.now() - SCENARIO_EPOCH,
        screen: world.console.lines,
        ...(stepError ? { error: stepError } : {}),
      });
    }
    faults.healAll();
    noteFaultFailure();
    if (!failed && !error) {
      for (const { expectation, line } of scenario.then) checks.push(...judgeExpectation(world, expectation, line, context));
      if (scenario.budgets) checks.push(...judgeBudgets(world.timeline, scenario.budgets));
    }
    checks.push(...judgeInvariants(world, world.stuck));
  } catch (caught) {
    error = caught instanceof Error ? (caught.stack ?? caught.message) : String(caught);
    broken = true;
  }

  const receipts: ReceiptArtefact[] = world.printer.receipts().map((receipt, index) => ({
    index: index + 1,
    text: receiptText(receipt),
    complete: receipt.complete,
    png: Buffer.from(renderReceiptPng(receipt, world.printer.widthDots)).toString('base64'),
    ...(context.goldens.has(index + 1) ? { golden: context.goldens.get(index + 1)! } : {}),
  }));
  const virtualMs = world.clock.now() - SCENARIO_EPOCH;
  const timeline = [...world.timeline];
  await world.dispose();

  const verdict = broken ? 'broken' : error || failed || checks.some((c) => c.verdict === 'failed') ? 'failed' : 'passed';
  return {
    id: scenario.id,
    title: scenario.title,
    file: scenario.file,
    suite: scenario.suite,
    tags: scenario.tags,
    requirements: scenario.requirements,
    verdict,
    seed: options.seed,
    replay: options.replay,
    virtualMs,
    wallMs: Math.round(performance.now() - wallStart), // wall-clock
    steps,
    checks,
    timeline,
    receipts,
    samples: performanceSamples(timeline),
    ...(error ? { error } : {}),
  };
}
