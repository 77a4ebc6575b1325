import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { packMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { FieldValue, IsoMessage } from '../../protocol/iso8583/types.ts';
import type { AcquirerHost } from '../host.ts';
import { merchantId, packSigned, readAnswer, signIn, terminalHeader, terminalId } from './terminal-messages.ts';
import type { WorkingKeysInClear } from './terminal-messages.ts';

export interface TestCardData {
  readonly pan: string;
  readonly expiry: string;
  readonly pin?: string;
}

/** One request the test terminal sent and what came back. */
export interface Exchange {
  readonly request: IsoMessage;
  readonly bytes: Uint8Array;
  readonly answer: IsoMessage;
  readonly answerBytes: Uint8Array;
  readonly code: string;
}

interface Spec {
  readonly card: TestCardData;
  readonly amountMinor?: number;
  /** A PIN to send in field 52; defaults to the card's own. `null` sends none. */
  readonly pin?: string | null;
}

/**
 * Test support: a terminal reduced to its messages, built with the protocol's packer, PIN
 * block and retail MAC (never the host's helpers), so host tests exercise the wire. It counts
 * its STAN and follows the host's batch number as a terminal does.
 */
export class TestTerminal {
  batch = '000001';
  private trace: number;

  constructor(
    readonly host: AcquirerHost,
    readonly keys: WorkingKeysInClear,
    firstStan = 2,
    readonly id = terminalId,
    readonly merchant = merchantId,
  ) {
    this.trace = firstStan;
  }

  /** Signs a terminal of the shop in (stan 000001) and returns it holding its keys. */
  static signedIn(host: AcquirerHost, id = terminalId): TestTerminal {
    return new TestTerminal(host, signIn(host, '000001', id), 2, id);
  }

  nextStan(): string {
    const stan = String(this.trace).padStart(6, '0');
    this.trace = (this.trace % 999_999) + 1;
    return stan;
  }

  /** MACs and sends `request` as is; the answer must come at once. */
  send(request: IsoMessage): Exchange {
    return this.sendBytes(request, packSigned(request, this.keys.macKey));
  }

  sendBytes(request: IsoMessage, bytes: Uint8Array): Exchange {
    const answerBytes = this.host.handle(bytes);
    const answer = readAnswer(answerBytes).message;
    return { request, bytes, answer, answerBytes: answerBytes ?? new Uint8Array(0), code: String(answer.fields[39]) };
  }

  sale(spec: Spec): Exchange {
    return this.send(this.saleRequest(spec));
  }

  /** A sale request not sent yet (it uses up a STAN): to lose on the wire, reverse or repeat. */
  saleRequest(spec: Spec): IsoMessage {
    return this.financial('0200', '000000', '22', spec);
  }

  balance(spec: Spec): Exchange {
    const { 4: _amount, ...fields } = this.financial('0200', '310000', '01', spec).fields;
    return this.send({ mti: '0200', fields });
  }

  preAuthorise(spec: Spec): Exchange {
    const message = this.financial('0100', '030000', '10', spec);
    return this.send({ mti: '0100', fields: { ...message.fields, 25: '06' } });
  }

  /** Voids `sale` (same card, same amount), quoting its 37, 38 and 61. */
  voidSale(sale: Exchange, card: TestCardData, overrides: Partial<Record<number, FieldValue>> = {}): Exchange {
    const message = this.financial('0200', '200000', '23', { card, amountMinor: amountOf(sale.request), pin: null });
    return this.send({ mti: '0200', fields: { ...message.fields, ...references(sale), 61: originalOf(sale, false), ...overrides } });
  }

  refund(sale: Exchange, card: TestCardData, amountMinor: number): Exchange {
    const message = this.financial('0220', '200000', '25', { card, amountMinor, pin: null });
    return this.send({ mti: '0220', fields: { ...message.fields, 37: sale.answer.fields[37] as string, 61: originalOf(sale, true) } });
  }

  complete(preAuth: Exchange, card: TestCardData, amountMinor: number): Exchange {
    const message = this.financial('0200', '000000', '20', { card, amountMinor, pin: null });
    return this.send({
      mti: '0200',
      fields: { ...message.fields, 25: '06', 38: preAuth.answer.fields[38] as string, 61: originalOf(preAuth, true) },
    });
  }

  /** The original request's fields without the PIN, plus the reason in 39, as a 0400. */
  reverse(original: Pick<Exchange, 'request'>, reason = '98'): Exchange {
    const { 52: _pin, 53: _control, 26: _capture, ...fields } = original.request.fields;
    return this.send({ mti: '0400', fields: { ...fields, 39: reason } });
  }

  /**
   * The original request again with the MTI's last digit 1. `keepMac` sends the original's
   * bytes with only the MTI changed; otherwise the repeat is MACed as sent.
   */
  repeat(original: Pick<Exchange, 'request'> & { bytes?: Uint8Array }, keepMac = true): Exchange {
    const mti = `${original.request.mti.slice(0, 3)}1`;
    const message = { mti, fields: original.request.fields };
    if (!keepMac) return this.send(message);
    const bytes = (original.bytes ?? packSigned(original.request, this.keys.macKey)).slice();
    const at = cupPos.headerLength + 1;
    bytes[at] = (bytes[at] as number) | 0x01;
    return this.sendBytes(message, bytes);
  }

  settle(totals: string): Exchange {
    return this.send({
      mti: '0500',
      fields: { 11: this.nextStan(), 41: this.id, 42: this.merchant, 48: totals, 49: '156', 60: `00${this.batch}201`, 63: '001' },
    });
  }

  /** Uploads one earlier transaction (60.3 = 202) under its own STAN. */
  upload(original: Exchange, card: TestCardData, amountMinor = amountOf(original.request)): Exchange {
    const { fields } = original.request;
    return this.send({
      mti: '0320',
      fields: {
        2: card.pan,
        3: fields[3] as string,
        4: String(amountMinor).padStart(12, '0'),
        11: fields[11] as string,
        22: fields[22] as string,
        37: original.answer.fields[37] as string,
        ...(original.answer.fields[38] !== undefined && { 38: original.answer.fields[38] }),
        41: this.id,
        42: this.merchant,
        60: `${String(fields[60]).slice(0, 2)}${this.batch}202`,
      },
    });
  }

  endUpload(count: number): Exchange {
    return this.send({
      mti: '0320',
      fields: { 11: this.nextStan(), 41: this.id, 42: this.merchant, 48: String(count).padStart(4, '0'), 60: `00${this.batch}207` },
    });
  }

  /** Adopts the batch an answer's 60.2 names (settlement, end of upload). */
  follow(exchange: Exchange): void {
    const reserved = exchange.answer.fields[60];
    if (typeof reserved === 'string' && reserved.length >= 8) this.batch = reserved.slice(2, 8);
  }

  /** 0820 with 60.3 = `networkCode` (002 sign-out, 301 echo); management messages carry no MAC. */
  management(networkCode: string): Exchange {
    const request: IsoMessage = {
      mti: '0820',
      fields: { 11: this.nextStan(), 41: this.id, 42: this.merchant, 60: `00${this.batch}${networkCode}` },
    };
    return this.sendBytes(request, packMessage(cupPos, request, terminalHeader));
  }

  private financial(mti: string, processingCode: string, messageType: string, spec: Spec): IsoMessage {
    const { pan, expiry } = spec.card;
    const pin = spec.pin === null ? undefined : (spec.pin ?? spec.card.pin);
    return {
      mti,
      fields: {
        2: pan,
        3: processingCode,
        ...(spec.amountMinor !== undefined && { 4: String(spec.amountMinor).padStart(12, '0') }),
        11: this.nextStan(),
        14: expiry,
        22: pin ? '051' : '052',
        23: '001',
        25: '00',
        ...(pin && { 26: '12', 52: encryptPinBlockFormat0(pin, pan, this.keys.pinKey), 53: '2600000000000000' }),
        41: this.id,
        42: this.merchant,
        49: '156',
        59: 'region=310000;cell=4021',
        60: `${messageType}${this.batch}000`,
      },
    };
  }
}

export function amountOf(message: IsoMessage): number {
  return Number(message.fields[4] ?? 0);
}

function references(original: Exchange): Partial<Record<number, FieldValue>> {
  return {
    37: original.answer.fields[37] as string,
    ...(original.answer.fields[38] !== undefined && { 38: original.answer.fields[38] }),
  };
}

/** Field 61: the original's batch and STAN, and with `withDate` its MMDD from the answer's field 13. */
function originalOf(original: Exchange, withDate: boolean): string {
  const batch = String(original.request.fields[60]).slice(2, 8);
  const stan = String(original.request.fields[11]);
  return withDate ? `${batch}${stan}${String(original.answer.fields[13])}` : `${batch}${stan}`;
}
