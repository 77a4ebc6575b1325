/**
 * The sandbox's whole contract between server and browser, as plain data types: the React app
 * imports nothing else from poslab, and the component tests mock exactly this. Nothing here may
 * ever carry a clear PAN, track, PIN or key: the server sends masked PANs and PIN-pad asterisks.
 */

/** The keys on the terminal's own keypad. */
export const TERMINAL_KEYS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'ENTER', 'CANCEL', 'CLEAR', 'FUNC', 'UP', 'DOWN'] as const;
export type TerminalKey = (typeof TERMINAL_KEYS)[number];

/** One line of the timeline: every event across devices, core, link and host. */
export interface TimelineEntry {
  /** Virtual milliseconds since the session's world started. */
  readonly t: number;
  readonly source: string;
  readonly kind: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

export interface TestCard {
  readonly id: string;
  readonly maskedPan: string;
  readonly chip: boolean;
  readonly contactless: boolean;
  readonly status: string;
  /** Balance at the host, minor units; undefined when the host cannot say. */
  readonly balanceMinor: number | undefined;
}

export interface ReceiptInfo {
  /** 1-based, in the order the receipts were cut. */
  readonly index: number;
  readonly complete: boolean;
  /** The printed text (PAN masked as printed), for screen readers and tests. */
  readonly text: string;
}

export interface JournalLine {
  readonly id: number;
  readonly stan: string;
  readonly mti: string;
  readonly amountMinor: number;
  readonly panMasked: string;
  readonly responseCode: string;
  readonly authCode: string | undefined;
  readonly status: string;
  /** Virtual milliseconds since the session's world started. */
  readonly t: number;
}

export interface SettlementLine {
  readonly batch: string;
  readonly balanced: boolean;
  /** `awaiting-upload` until an unbalanced batch has been uploaded and reconciled. */
  readonly state: string;
  readonly debitCount: number;
  readonly debitMinor: number;
  readonly creditCount: number;
  readonly creditMinor: number;
  /** Virtual milliseconds since the session's world started. */
  readonly t: number;
}

/** A jump-code alert raised by the host's risk control. */
export interface AlertLine {
  readonly id: number;
  readonly rule: string;
  /** What the rule did: `alert`, `decline` or `freeze`. */
  readonly action: string;
  readonly summary: string;
  /** Virtual milliseconds since the session's world started. */
  readonly t: number;
}

export type StepStatus = 'pending' | 'running' | 'passed' | 'failed';

export interface PlaybackStep {
  readonly index: number;
  readonly label: string;
  readonly status: StepStatus;
  readonly message?: string;
}

export interface PlaybackState {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly playing: boolean;
  /** Index of the next step to run; equals steps.length when the scenario is done. */
  readonly next: number;
  readonly steps: readonly PlaybackStep[];
}

export interface SessionState {
  readonly sessionId: string;
  readonly world: {
    readonly scenarioId: string;
    readonly title: string;
    readonly merchantName: string;
    readonly terminalId: string;
    /** Operator number and password a trainee signs in with. */
    readonly operator: { readonly code: string; readonly password: string };
  };
  readonly clock: { readonly iso: string; readonly t: number; readonly speed: number };
  readonly screen: { readonly lines: readonly string[]; readonly awaitingPerson: boolean };
  readonly pinpad: { readonly screen: string; readonly prompting: boolean };
  readonly reader: { readonly cardInside: string | null };
  readonly cards: readonly TestCard[];
  readonly network: { readonly up: boolean; readonly region: string };
  readonly printer: {
    readonly paper: 'ok' | 'near-end' | 'out';
    readonly coverOpen: boolean;
    readonly jammed: boolean;
    /** Lines printed on the paper that is not cut yet. */
    readonly pendingLines: number;
    readonly receipts: readonly ReceiptInfo[];
  };
  /** Active faults, and faults armed to start when a message goes by. */
  readonly faults: { readonly active: readonly string[]; readonly armed: readonly string[] };
  readonly journal: readonly JournalLine[];
  readonly settlements: readonly SettlementLine[];
  readonly alerts: readonly AlertLine[];
  /** Set while the host refuses this terminal's business (response 62) after a freeze. */
  readonly frozen: { readonly reason: string; readonly t: number } | null;
  readonly playback: PlaybackState | null;
  /** Something broke inside the emulated shop itself (not a fault the trainer chose); Reset starts afresh. */
  readonly problem: string | null;
}

export interface FaultInfo {
  readonly name: string;
  readonly summary: string;
  /** The parameters of the unit's example, as the panel pre-fills them, e.g. `{ count: 1 }`. */
  readonly params: string;
  /** How long the example lets it last (`30s`), or '' when it lasts until healed. */
  readonly duration: string;
}

export interface ScenarioInfo {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly suite: string;
}

export type CardAction = 'insert' | 'swipe' | 'tap' | 'remove';

/** What the browser asks of its session, one message per person's action. */
export type ClientMessage =
  | { readonly type: 'key'; readonly key: TerminalKey }
  | { readonly type: 'card'; readonly action: CardAction; readonly card?: string; readonly damaged?: boolean }
  | { readonly type: 'pinpad'; readonly action: 'digit'; readonly digit: string }
  | { readonly type: 'pinpad'; readonly action: 'enter' | 'cancel' | 'clear' }
  | { readonly type: 'fault'; readonly name: string; readonly params: string; readonly for?: string; readonly on?: string }
  | { readonly type: 'heal'; readonly name: string }
  | { readonly type: 'speed'; readonly speed: number }
  | { readonly type: 'playback'; readonly action: 'load'; readonly file: string }
  | { readonly type: 'playback'; readonly action: 'play' | 'pause' | 'step' | 'stop' }
  | { readonly type: 'reset' }
  /** The bank's support desk lifts the host's freeze on this terminal. */
  | { readonly type: 'unfreeze' };

export type Notice = { readonly level: 'error' | 'info'; readonly text: string };

/**
 * What the server pushes: the whole state on every change, the timeline as appended entries
 * (`from` is the absolute index of the first, counting every entry since the world started).
 */
export type ServerMessage =
  | {
      readonly type: 'hello';
      readonly state: SessionState;
      /** The latest entries of the timeline; `start` is the index of the first one sent. */
      readonly timeline: readonly TimelineEntry[];
      readonly start: number;
    }
  | { readonly type: 'state'; readonly state: SessionState }
  | { readonly type: 'timeline'; readonly from: number; readonly entries: readonly TimelineEntry[] }
  | ({ readonly type: 'notice' } & Notice);

/** Where things live; the server serves them and the app and its mocks ask for them. */
export const API = {
  faults: '/api/faults',
  scenarios: '/api/scenarios',
  socket: '/ws',
  receipt: (session: string, index: number) => `/api/sessions/${encodeURIComponent(session)}/receipts/${index}.png`,
  paper: (session: string) => `/api/sessions/${encodeURIComponent(session)}/paper.png`,
} as const;

/** Session ids are made by the browser; the server takes nothing else. */
export const SESSION_ID = /^[A-Za-z0-9_-]{6,64}$/;

export const SPEEDS = [0.5, 1, 2, 5, 10, 30, 60] as const;
