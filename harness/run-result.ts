/**
 * The one result of a run. Console, HTML, JUnit and JSON are views of it; `reports/` imports
 * nothing else from poslab. Fields named `wall*` hold real time and are the only fields that
 * differ between two runs with the same seed.
 */
export type Verdict = 'passed' | 'failed';

export interface TimelineEntry {
  /** Virtual milliseconds since the scenario started. */
  readonly t: number;
  readonly source: string;
  readonly kind: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface StepResult {
  readonly index: number;
  readonly line: number;
  readonly label: string;
  readonly verdict: Verdict | 'skipped';
  /** Virtual milliseconds since the scenario started, when the step ended. */
  readonly t: number;
  /** The terminal's screen when the step ended. */
  readonly screen: readonly string[];
  readonly error?: string;
}

export interface CheckResult {
  readonly name: string;
  /** Where the check is written in the scenario file; invariants have none. */
  readonly line?: number;
  readonly verdict: Verdict;
  readonly expected: string;
  readonly actual: string;
}

export interface ReceiptArtefact {
  readonly index: number;
  readonly text: string;
  readonly complete: boolean;
  /** PNG as base64, rendered by the printer model. */
  readonly png: string;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly suite: string;
  readonly tags: readonly string[];
  readonly requirements: readonly string[];
  readonly verdict: Verdict;
  readonly seed: number;
  readonly replay: string;
  readonly virtualMs: number;
  readonly wallMs: number;
  readonly steps: readonly StepResult[];
  readonly checks: readonly CheckResult[];
  readonly timeline: readonly TimelineEntry[];
  readonly receipts: readonly ReceiptArtefact[];
  /** Set when the scenario could not run to its end (a crash in poslab, not a failed check). */
  readonly error?: string;
}

export interface RunResult {
  readonly tool: { readonly name: 'poslab'; readonly version: string };
  readonly seed: number;
  readonly command: string;
  readonly wallStartedAt: string;
  readonly wallMs: number;
  readonly virtualMs: number;
  readonly summary: { readonly total: number; readonly passed: number; readonly failed: number };
  readonly scenarios: readonly ScenarioResult[];
}
