import type { PerformanceSample, TimelineEntry } from '../run-result.ts';

/** The transactions a cashier waits for; the rest (reversal, settlement, …) are timed on the link only. */
const CARDHOLDER_KINDS = new Set(['sale', 'void', 'refund', 'balance', 'preauth', 'completion']);
const CARD_EVENTS = new Set(['insert', 'swipe', 'tap']);
/** 60.1, the message type code, for the 0200 family (docs/wire-dialect.md). */
const TYPE_CODES: Record<string, string> = { '01': 'balance', '20': 'completion', '22': 'sale', '23': 'void', '25': 'refund' };

function field(fields: string, n: number): string | undefined {
  return new RegExp(`(?:^| )${n}=(\\S+)`).exec(fields)?.[1];
}

/** What a request is, from its MTI and, for the 0200 family, its message type code or processing code. */
export function requestKind(mti: string, fields: string): string {
  const family = mti.slice(0, 3);
  switch (mti.slice(0, 2)) {
    case '01':
      return 'preauth';
    case '03':
      return 'upload';
    case '04':
      return 'reversal';
    case '05':
      return 'settlement';
    case '08':
      return family === '080' ? 'sign_in' : 'management';
  }
  if (family === '022') return 'refund';
  const typeCode = TYPE_CODES[field(fields, 60)?.slice(0, 2) ?? ''];
  if (typeCode) return typeCode;
  return field(fields, 3) === '310000' ? 'balance' : 'sale';
}

/** The answer's MTI for a request or a repeat: 0200 and 0201 are both answered by 0210. */
function answerMti(mti: string): string {
  return `${mti.slice(0, 2)}${Number(mti[2]) + 1}0`;
}

interface Outstanding {
  readonly kind: string;
  readonly sentAt: number;
  /** Where in the timeline the request left, to find the screen the cashier saw after it. */
  readonly index: number;
  readonly cardAt: number | undefined;
}

/** An answered cardholder transaction whose outcome screen has not been shown yet. */
interface Waiting {
  readonly kind: string;
  readonly from: number;
  readonly approved: boolean;
}

/**
 * Reads a scenario's timeline into timed samples (see `PerformanceSample`). Only link messages,
 * card events, screens and link up/down are read, so any scenario can be measured afterwards.
 */
export function performanceSamples(timeline: readonly TimelineEntry[]): PerformanceSample[] {
  const samples: PerformanceSample[] = [];
  const outstanding = new Map<string, Outstanding>();
  const waiting: Waiting[] = [];
  let cardAt: number | undefined;
  let linkUpAt: number | undefined;
  let poweredOff = false;

  for (const [index, entry] of timeline.entries()) {
    const detail = entry.detail ?? {};
    if (entry.source === 'card-reader' && CARD_EVENTS.has(entry.kind)) cardAt = entry.t;
    if (entry.source === 'link' && entry.kind === 'up') linkUpAt = entry.t;
    // Power back after a cut is a recovery too: the terminal must clear what it left pending.
    if (entry.source === 'harness' && entry.kind === 'power-off') poweredOff = true;
    if (entry.source === 'harness' && entry.kind === 'power-on' && poweredOff) {
      linkUpAt = entry.t;
      poweredOff = false;
    }
    if (entry.source === 'console' && entry.kind === 'screen') {
      for (const w of waiting.splice(0)) {
        samples.push({ metric: `txn.${w.kind}`, ms: entry.t - w.from, t: entry.t, ok: w.approved });
      }
    }
    if (entry.source !== 'link' || entry.kind !== 'message') continue;
    const mti = String(detail.mti ?? '');
    const fields = String(detail.fields ?? '');
    const key = `${answerMti(mti)}/${field(fields, 11) ?? ''}`;
    if (detail.direction === 'to-host') {
      // A repeat (last digit 1) of a request still waiting is the same transaction, not a new one.
      if (outstanding.has(key)) continue;
      const kind = requestKind(mti, fields);
      outstanding.set(key, { kind, sentAt: entry.t, index, cardAt: CARDHOLDER_KINDS.has(kind) ? cardAt : undefined });
      if (CARDHOLDER_KINDS.has(kind)) cardAt = undefined;
    } else {
      const answeredKey = `${mti}/${field(fields, 11) ?? ''}`;
      const request = outstanding.get(answeredKey);
      if (linkUpAt !== undefined) {
        samples.push({ metric: 'recovery', ms: entry.t - linkUpAt, t: entry.t, ok: true });
        linkUpAt = undefined;
      }
      if (!request) continue;
      outstanding.delete(answeredKey);
      samples.push({ metric: `host.${request.kind}`, ms: entry.t - request.sentAt, t: entry.t, ok: true });
      if (CARDHOLDER_KINDS.has(request.kind)) {
        waiting.push({ kind: request.kind, from: request.cardAt ?? request.sentAt, approved: field(fields, 39) === '00' });
      }
    }
  }

  const end = timeline.at(-1)?.t ?? 0;
  for (const request of outstanding.values()) {
    samples.push({ metric: `host.${request.kind}`, ms: end - request.sentAt, t: end, ok: false });
    if (!CARDHOLDER_KINDS.has(request.kind)) continue;
    const shown = timeline.slice(request.index).find((e) => e.source === 'console' && e.kind === 'screen')?.t ?? end;
    samples.push({ metric: `txn.${request.kind}`, ms: shown - (request.cardAt ?? request.sentAt), t: shown, ok: false });
  }
  for (const w of waiting) {
    samples.push({ metric: `txn.${w.kind}`, ms: end - w.from, t: end, ok: w.approved });
  }
  if (linkUpAt !== undefined) samples.push({ metric: 'recovery', ms: end - linkUpAt, t: end, ok: false });
  return samples.sort((a, b) => a.t - b.t);
}
