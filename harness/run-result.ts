/**
 * The one result of a run. Console, HTML, JUnit and JSON are views of it; `reports/` imports
 * nothing else from poslab. Fields named `wall*` hold real time and are the only fields that
 * differ between two runs with the same seed.
 */
export type Verdict = 'passed' | 'failed';

/**
 * A scenario's verdict. `failed`: the system under test broke a check or an invariant (exit
 * code 1). `broken`: poslab itself failed while playing it (exit code 3) — the verdict says
 * nothing about the terminal or the host.
 */
export type ScenarioVerdict = Verdict | 'broken';

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

/** A golden receipt image compared with the printed one (pixelmatch). */
export interface GoldenComparison {
  /** The golden PNG's path, relative to the working folder. */
  readonly file: string;
  /** The golden as base64 PNG. */
  readonly png: string;
  /** Differing pixels drawn over the golden, as base64 PNG; absent when they match. */
  readonly diff?: string;
  readonly mismatchedPixels: number;
  /** Set when the run wrote this golden (`--update-goldens`) instead of comparing with it. */
  readonly updated?: boolean;
}

export interface ReceiptArtefact {
  readonly index: number;
  readonly text: string;
  readonly complete: boolean;
  /** PNG as base64, rendered by the printer model. */
  readonly png: string;
  readonly golden?: GoldenComparison;
}

/**
 * One timed thing a scenario did, read from its timeline (`harness/conformance/samples.ts`):
 * - `host.<kind>`: the request left the terminal → the host's answer reached it (`ok`: answered);
 * - `txn.<kind>`: the card was presented (or the request left, without a card) → the first
 *   screen after the answer (`ok`: approved);
 * - `recovery`: the link came back, or power after a cut → the first answer from the host after
 *   it (`ok`: one came).
 * Kinds: sale, void, refund, balance, preauth, completion, reversal, settlement, upload, sign_in,
 * management.
 */
export interface PerformanceSample {
  readonly metric: string;
  /** Virtual milliseconds. */
  readonly ms: number;
  /** Virtual milliseconds since the scenario started, when the sample ended. */
  readonly t: number;
  readonly ok: boolean;
}

export interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly suite: string;
  readonly tags: readonly string[];
  readonly requirements: readonly string[];
  readonly verdict: ScenarioVerdict;
  readonly seed: number;
  readonly replay: string;
  readonly virtualMs: number;
  readonly wallMs: number;
  readonly steps: readonly StepResult[];
  readonly checks: readonly CheckResult[];
  readonly timeline: readonly TimelineEntry[];
  readonly receipts: readonly ReceiptArtefact[];
  readonly samples: readonly PerformanceSample[];
  /** Why the scenario could not run to its end: the terminal crashed (`failed`) or poslab did (`broken`). */
  readonly error?: string;
}

export const CATEGORIES = [
  'transactions',
  'reversal',
  'settlement',
  'operator',
  'printer',
  'card',
  'network',
  'risk',
  'security',
  'performance',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SOURCES = ['UP', 'ISO', 'EMV', 'PCI', 'ESC', 'SEED'] as const;
export type Source = (typeof SOURCES)[number];

export type BudgetStat = 'p50' | 'p95' | 'max' | 'ok_rate';

/**
 * A performance requirement's budget. Time stats (`p50`, `p95`, `max`, nearest rank over the
 * `ok` samples) must stay at or under `limit` ms; `ok_rate` (share of samples that are `ok`)
 * must reach `limit` (0–1). Only samples from scenarios that verify the requirement count.
 */
export interface Budget {
  readonly metric: string;
  readonly stat: BudgetStat;
  readonly limit: number;
}

export interface BudgetResult extends Budget {
  readonly samples: number;
  /** The stat over those samples; absent when there were none. */
  readonly measured?: number;
  /**
   * Share of the requirement's weight the budget earns: 1 within budget; over it,
   * limit ÷ measured for time (twice the budget earns half) or measured ÷ limit for a rate;
   * 0 without samples.
   */
  readonly credit: number;
}

export type RequirementStatus = 'passed' | 'failed' | 'not-covered';

export interface RequirementResult {
  readonly id: string;
  readonly text: string;
  readonly category: Category;
  readonly weight: number;
  readonly source: readonly Source[];
  /** passed: verified by at least one scenario, and every scenario verifying it passed. */
  readonly status: RequirementStatus;
  /** Share of the weight earned, 0–1: 1 when passed, 0 otherwise, times the budget's credit if any. */
  readonly credit: number;
  /** Ids of the scenarios in this run that verify it, in run order. */
  readonly scenarios: readonly string[];
  readonly budget?: BudgetResult;
}

/**
 * Scores are weighted shares. `score` = earned weight ÷ the weight of every catalogued
 * requirement in scope (a requirement no scenario verified earns nothing); `passRate` =
 * earned ÷ covered weight (how well what was tested did); `coverage` = covered ÷ all weight.
 * Each is 0–1, or null when its denominator is 0.
 */
export interface Score {
  readonly requirements: number;
  readonly passed: number;
  readonly failed: number;
  readonly notCovered: number;
  readonly weight: number;
  readonly coveredWeight: number;
  readonly earnedWeight: number;
  readonly score: number | null;
  readonly passRate: number | null;
  readonly coverage: number | null;
}

export interface CategoryScore extends Score {
  readonly category: Category;
}

export interface Conformance {
  /** The requirement catalogue the run was scored against. */
  readonly catalogue: string;
  readonly overall: Score;
  readonly categories: readonly CategoryScore[];
  readonly requirements: readonly RequirementResult[];
}

/** One metric over every scenario of the run; time stats over the `ok` samples only. */
export interface MetricSummary {
  readonly metric: string;
  readonly samples: number;
  readonly ok: number;
  readonly p50?: number;
  readonly p95?: number;
  readonly max?: number;
}

export interface Selection {
  readonly grep?: string;
  readonly tags: readonly string[];
  readonly suites: readonly string[];
  /** `i/n` when this run is one shard of a larger run. */
  readonly shard?: string;
}

export interface RunResult {
  readonly tool: { readonly name: 'poslab'; readonly version: string };
  readonly seed: number;
  readonly command: string;
  readonly selection: Selection;
  readonly wallStartedAt: string;
  readonly wallMs: number;
  readonly virtualMs: number;
  readonly summary: {
    readonly total: number;
    readonly passed: number;
    readonly failed: number;
    readonly broken: number;
    /** Selected but never played, because `--bail` stopped the run. */
    readonly notRun: number;
  };
  /** Absent when no requirement catalogue was found. */
  readonly conformance?: Conformance;
  readonly performance: readonly MetricSummary[];
  readonly scenarios: readonly ScenarioResult[];
}
