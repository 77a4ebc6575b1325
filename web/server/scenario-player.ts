import type { Scenario } from '../../harness/scenario/scenario.ts';
import type { Step } from '../../harness/scenario/steps.ts';
import type { PlaybackState, PlaybackStep } from '../shared/sandbox-api.ts';
import type { WallTime } from './live-clock.ts';
import { stepLabel, type StepOutcome } from './scenario-step.ts';

interface Entry {
  readonly label: string;
  readonly perform: () => Promise<StepOutcome>;
}

export interface PlayerHooks {
  /** Runs step `index` of the scenario on the session's world. */
  readonly runStep: (step: Step, index: number) => Promise<StepOutcome>;
  /** Judges the scenario's `then` list and the invariants. */
  readonly finalChecks: () => StepOutcome;
  /** Wall milliseconds to pause between steps while playing (the session's speed shortens it). */
  readonly pauseMs: () => number;
  readonly changed: () => void;
}

/**
 * Plays a scenario file step by step on a live session: play, pause, single step. A failed
 * step pauses playback (the trainer may look, then step on or take over); taking over is
 * simply pausing and using the terminal by hand.
 */
export class ScenarioPlayer {
  private readonly entries: Entry[];
  private readonly statuses: PlaybackStep[];
  private next = 0;
  private playing = false;
  private running = false;
  private cancelTimer: (() => void) | undefined;
  private current: Promise<void> | undefined;

  constructor(
    readonly file: string,
    private readonly scenario: Scenario,
    private readonly wall: WallTime,
    private readonly hooks: PlayerHooks,
  ) {
    this.entries = scenario.steps.map((step, index) => ({ label: stepLabel(step), perform: () => hooks.runStep(step, index) }));
    this.entries.push({ label: `then: ${scenario.then.length} final checks and the money invariants`, perform: async () => hooks.finalChecks() });
    this.statuses = this.entries.map((entry, index) => ({ index, label: entry.label, status: 'pending' }));
  }

  get busy(): boolean {
    return this.running;
  }

  get done(): boolean {
    return this.next >= this.entries.length;
  }

  state(): PlaybackState {
    return {
      file: this.file,
      id: this.scenario.id,
      title: this.scenario.title,
      playing: this.playing,
      next: this.next,
      steps: [...this.statuses],
    };
  }

  play(): void {
    if (this.playing || this.done) return;
    this.playing = true;
    this.schedule(0);
    this.hooks.changed();
  }

  /** Idempotent; a step already running finishes first. */
  pause(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (!this.playing) return;
    this.playing = false;
    this.hooks.changed();
  }

  async step(): Promise<void> {
    this.pause();
    await this.runOne();
  }

  /** Pauses and waits for a running step to finish, so the world can be taken away safely. */
  async stop(): Promise<void> {
    this.pause();
    await this.current;
  }

  private schedule(ms: number): void {
    this.cancelTimer = this.wall.after(ms, () => {
      this.cancelTimer = undefined;
      return this.runOne().then(() => {
        if (!this.playing) return;
        if (this.done) this.pause();
        else this.schedule(this.hooks.pauseMs());
      });
    });
  }

  private runOne(): Promise<void> {
    if (this.running || this.done) return this.current ?? Promise.resolve();
    this.running = true;
    this.current = this.perform().finally(() => {
      this.current = undefined;
    });
    return this.current;
  }

  private async perform(): Promise<void> {
    const index = this.next;
    this.statuses[index] = { ...this.statuses[index]!, status: 'running' };
    this.hooks.changed();
    let result: StepOutcome;
    try {
      result = await this.entries[index]!.perform();
    } catch (error) {
      result = { passed: false, message: error instanceof Error ? error.message : String(error) };
    }
    this.statuses[index] = {
      ...this.statuses[index]!,
      status: result.passed ? 'passed' : 'failed',
      ...(result.message ? { message: result.message } : {}),
    };
    this.next = index + 1;
    this.running = false;
    if (!result.passed) this.pause();
    this.hooks.changed();
  }
}
