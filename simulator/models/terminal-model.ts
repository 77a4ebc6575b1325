/**
 * A terminal model as data: which devices it has and what they can do. The harness builds the
 * emulated hardware from it and tells the POS application the capabilities it may use, the
 * way a vendor's model sheet describes a countertop terminal.
 */
export interface TerminalModel {
  readonly id: string;
  readonly name: string;
  readonly printer: {
    readonly paperMm: 58 | 80;
    /** Printable dots per line at 203 dpi: 384 on 58 mm paper, 576 on 80 mm. */
    readonly widthDots: 384 | 576;
    /** Characters per line in font A (12 × 24 dots). */
    readonly columns: 32 | 48;
  };
  readonly pinpad: 'built-in' | 'external';
  readonly contactless: boolean;
  readonly display: { readonly columns: number; readonly rows: number };
  /** The path to the acquirer: one-way delay of every chunk, before any fault adds its own. */
  readonly network: { readonly kind: '4G' | 'ethernet'; readonly latencyMs: number; readonly jitterMs: number };
}
