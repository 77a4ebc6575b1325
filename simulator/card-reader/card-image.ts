/**
 * Bank cards as data: what is printed, encoded on the stripe and held by the chip. Scenarios
 * describe cards; the reader turns these images into swipes, ATRs and APDU answers.
 */
export interface ChipImage {
  /** Application identifier, hex, e.g. 'A000000333010101' (UnionPay debit). */
  readonly aid: string;
  /** Two digits, e.g. '01'. */
  readonly panSequence: string;
  /** The card's application cryptogram key (16 bytes), derived from the issuer master key. */
  readonly iccKey: Uint8Array;
  /** Application transaction counter before this run (0 when absent); each GENERATE AC adds one first. */
  readonly atc?: number;
  /**
   * The card may approve offline: asked for a TC at the first GENERATE AC (the terminal's floor
   * limit allows it), it answers one for an amount at or below `offlineLimitMinor`, else an ARQC.
   */
  readonly offline?: boolean;
  /** The card's own offline limit in fen (500.00 when absent). */
  readonly offlineLimitMinor?: number;
}

export interface CardImage {
  readonly id: string;
  readonly pan: string;
  /** YYMM. */
  readonly expiry: string;
  /** '201' chip card (swipe answered with "insert chip"), '101' stripe only. */
  readonly serviceCode: string;
  readonly holder?: string;
  readonly chip?: ChipImage;
  readonly contactless?: boolean;
}

/** Track 2 is at most 37 characters between the sentinels (ISO/IEC 7813). */
const TRACK2_MAX = 37;
const DISCRETIONARY_MAX = 13;

/**
 * `PAN=YYMMSSS` followed by discretionary data. Real discretionary data holds the issuer's
 * PIN offset and card verification value; ours is a fixed digit run, as long as track 2 allows.
 */
export function track2Of(card: CardImage): string {
  const head = `${card.pan}=${card.expiry}${card.serviceCode}`;
  return head + '0'.repeat(Math.max(0, Math.min(DISCRETIONARY_MAX, TRACK2_MAX - head.length)));
}

/**
 * A simplified ISO 4909 track 3 as Chinese domestic cards carry it: format code 99, PAN,
 * separator, country and currency 156, then a zero-filled usage area ending in the expiry.
 */
export function track3Of(card: CardImage): string {
  return `99${card.pan}=156156${'0'.repeat(20)}${card.expiry}`;
}
