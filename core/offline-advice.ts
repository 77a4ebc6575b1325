import type { IsoMessage } from '../protocol/iso8583/types.ts';
import type { ExchangeDeps } from './transaction/exchange.ts';
import { advicesOwed, type TransactionEvent } from './transaction/machine.ts';
import type { TransactionRecord } from './transaction/record.ts';
import type { KindCodes, TerminalIdentity } from './transaction/requests.ts';

/** An offline sale as the journal and the advice name it: 0220, 60.1 = 36 (offline sale advice). */
export const OFFLINE_SALE_CODES: KindCodes = { mti: '0220', processingCode: '000000', conditionCode: '00', messageType: '36' };

/**
 * The advice (0220, or 0221 once an earlier try may have reached the host) of an offline sale:
 * the sale's fields without PIN data and without track 2, which was never kept; field 2 from the
 * sealed PAN and field 55 as the card gave it, its TC in 9F26.
 */
export function adviceRequest(id: TerminalIdentity, record: TransactionRecord, pan: string, iccData: Uint8Array, repeat: boolean): IsoMessage {
  const fields: IsoMessage['fields'] = {
    2: pan,
    3: record.processingCode,
    4: String(record.amountMinor).padStart(12, '0'),
    11: record.stan,
    14: record.expiry,
    22: record.entryMode,
    25: record.conditionCode,
    41: id.terminalId,
    42: id.merchantId,
    49: '156',
    55: iccData,
    60: `${record.messageType}${record.batch}000`,
  };
  if (record.panSequence) fields[23] = record.panSequence.padStart(3, '0');
  return { mti: repeat ? '0221' : '0220', fields };
}

export type AdviceResult = 'advised' | 'pending' | 'not-sent';

/**
 * Sends one advice and feeds the answer to the state machine. The try is counted in flash
 * before the exchange (a power cut mid-way leaves it counted: the next try is a repeat) and
 * taken back when nothing left.
 */
export async function sendAdvice(deps: ExchangeDeps, record: TransactionRecord): Promise<AdviceResult> {
  const iccData = Uint8Array.from(Buffer.from(deps.openPan(record.iccSealed ?? ''), 'hex'));
  const request = adviceRequest(deps.identity, record, deps.openPan(record.panSealed), iccData, (record.adviceAttempts ?? 0) > 0);
  deps.journal.apply(record, { kind: 'advice-sending' });
  const exchange = await deps.host.exchange(request, { timeoutMs: deps.responseTimeoutMs, mac: deps.mac });
  let event: TransactionEvent;
  switch (exchange.kind) {
    case 'link-down':
    case 'mac-unavailable':
      deps.journal.apply(record, { kind: 'advice-not-sent' });
      return 'not-sent';
    case 'no-answer':
      return 'pending';
    case 'answered': {
      const { fields } = exchange.response;
      event = { kind: 'advice-answered', code: String(fields[39] ?? ''), macValid: exchange.macValid, rrn: String(fields[37] ?? '').trim() };
      break;
    }
  }
  return deps.journal.apply(record, event).record.state === 'advised' ? 'advised' : 'pending';
}

export interface AdviceFlush {
  /** Advices still owed afterwards. */
  readonly owed: number;
  /** The last try could not even leave. */
  readonly linkDown: boolean;
}

/**
 * Store-and-forward of offline sales: each advice owed goes out, oldest first, until one is not
 * acknowledged — the rest wait for the next chance (before the next financial request, before
 * settlement). They live in flash, so they survive power cuts.
 */
export async function forwardAdvices(deps: ExchangeDeps): Promise<AdviceFlush> {
  for (const record of advicesOwed(deps.journal.records())) {
    const result = await sendAdvice(deps, record);
    if (result !== 'advised') return { owed: advicesOwed(deps.journal.records()).length, linkDown: result === 'not-sent' };
  }
  return { owed: 0, linkDown: false };
}
