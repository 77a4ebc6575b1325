import { ARQC_CDOL1, arqcData, computeArqc } from '../../protocol/emv/arqc.ts';
import { encodeTlv } from '../../protocol/emv/tlv.ts';
import type { Tlv } from '../../protocol/emv/tlv.ts';
import { track2Of } from './card-image.ts';
import type { CardImage, ChipImage } from './card-image.ts';

/**
 * One power-up of a card's chip: the contact (or contactless) EMV application answering
 * command APDUs with response data + SW1 SW2. Theory of operation: SELECT by AID (a prefix
 * selects, as EMV partial selection allows), then GET PROCESSING OPTIONS (AIP + AFL), READ
 * RECORD of SFI 1 record 1, and one GENERATE AC answered with an ARQC; after the host's
 * answer, a second GENERATE AC (CDOL2: authorisation response code 8A, unpredictable number
 * 9F37) closes the transaction with a TC when the host approved ('00') and the terminal asks
 * for one, else an AAC. An offline card (`chip.offline`) that the terminal asks for a TC at the
 * first GENERATE AC (P1 40) approves offline with a TC when the amount (9F02) is within its own
 * limit — the transaction is then closed on the card, with no second GENERATE AC — and answers an
 * ARQC otherwise. Commands out of that order get 6985; the ATC counts up on each first
 * GENERATE AC and survives the session (`atc`).
 */
export type ChipCardImage = CardImage & { readonly chip: ChipImage };

const SW_OK = [0x90, 0x00];
const SW_WRONG_LENGTH = [0x67, 0x00];
const SW_CONDITIONS = [0x69, 0x85];
const SW_NOT_FOUND = [0x6a, 0x82];
const SW_NO_RECORD = [0x6a, 0x83];
const SW_BAD_INS = [0x6d, 0x00];
const SW_BAD_CLA = [0x6e, 0x00];

/** Cardholder verification, terminal risk management and issuer authentication supported. */
const AIP = Uint8Array.of(0x1c, 0x00);
/** SFI 1, records 1 to 1, none used for offline data authentication. */
const AFL = Uint8Array.of(0x08, 0x01, 0x01, 0x00);
/** UnionPay layout: length, key index, cryptogram version, card verification results. */
const IAD = Uint8Array.of(0x07, 0x01, 0x01, 0x03, 0xa0, 0x00, 0x00);
const CID_ARQC = 0x80;
const CID_TC = 0x40;
const CID_AAC = 0x00;
/** CDOL2: 8A (2, the host's response code in ASCII) and 9F37 (4). */
const CDOL2_LENGTH = 6;
const ARC_APPROVED = [0x30, 0x30];
const CDOL1_LENGTH = ARQC_CDOL1.reduce((sum, entry) => sum + entry.length, 0);
/** 9F02 leads CDOL1: six bytes of BCD fen. */
const AMOUNT_BYTES = 6;
const DEFAULT_OFFLINE_LIMIT_MINOR = 50_000;

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));
const ascii = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));

/** Digits as packed BCD, padded with F nibbles to whole bytes (EMV "cn" format). */
function compressedNumeric(digits: string): Uint8Array {
  return hexBytes(digits.length % 2 === 0 ? digits : `${digits}F`);
}

function lastDayOfMonth(yymm: string): string {
  const year = 2000 + Number(yymm.slice(0, 2));
  const month = Number(yymm.slice(2, 4));
  return String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0');
}

function cdol1(): Uint8Array {
  return Uint8Array.from(ARQC_CDOL1.flatMap((entry) => [...hexBytes(entry.tag), entry.length]));
}

function respond(data: Uint8Array | undefined, sw: number[]): Uint8Array {
  return Uint8Array.from([...(data ?? []), ...sw]);
}

export class ChipSession {
  private selected = false;
  private processing = false;
  private cryptogramDone = false;
  private completed = false;

  constructor(
    private readonly card: ChipCardImage,
    /** The counter's value before this session's first GENERATE AC. */
    public atc: number,
  ) {}

  transmit(apdu: Uint8Array): Uint8Array {
    if (apdu.length < 4) return respond(undefined, SW_WRONG_LENGTH);
    const [cla, ins, p1, p2] = apdu as unknown as [number, number, number, number];
    const body = apdu.length > 5 ? apdu.subarray(5, 5 + apdu[4]!) : new Uint8Array(0);
    if (cla !== 0x00 && cla !== 0x80) return respond(undefined, SW_BAD_CLA);
    switch (ins) {
      case 0xa4:
        return this.select(p1, body);
      case 0xa8:
        return this.getProcessingOptions();
      case 0xb2:
        return this.readRecord(p1, p2);
      case 0xae:
        return this.cryptogramDone ? this.secondGenerateAc(p1, body) : this.generateAc(p1, body);
      default:
        return respond(undefined, SW_BAD_INS);
    }
  }

  private select(p1: number, aid: Uint8Array): Uint8Array {
    const wanted = Buffer.from(aid).toString('hex').toUpperCase();
    const own = this.card.chip.aid.toUpperCase();
    if (p1 !== 0x04 || wanted.length < 10 || !own.startsWith(wanted)) return respond(undefined, SW_NOT_FOUND);
    this.selected = true;
    this.processing = false;
    const fci: Tlv = {
      tag: '6F',
      value: new Uint8Array(0),
      children: [
        { tag: '84', value: hexBytes(own) },
        { tag: 'A5', value: new Uint8Array(0), children: [{ tag: '50', value: ascii('UnionPay') }] },
      ],
    };
    return respond(encodeTlv([fci]), SW_OK);
  }

  private getProcessingOptions(): Uint8Array {
    if (!this.selected) return respond(undefined, SW_CONDITIONS);
    this.processing = true;
    const template: Tlv = {
      tag: '77',
      value: new Uint8Array(0),
      children: [
        { tag: '82', value: AIP },
        { tag: '94', value: AFL },
      ],
    };
    return respond(encodeTlv([template]), SW_OK);
  }

  private readRecord(record: number, p2: number): Uint8Array {
    if (!this.processing) return respond(undefined, SW_CONDITIONS);
    if (p2 !== ((1 << 3) | 0x04) || record !== 1) return respond(undefined, SW_NO_RECORD);
    const { pan, expiry, holder, chip } = this.card;
    const children: Tlv[] = [
      { tag: '57', value: compressedNumeric(track2Of(this.card).replace('=', 'D')) },
      { tag: '5A', value: compressedNumeric(pan) },
      { tag: '5F24', value: hexBytes(`${expiry}${lastDayOfMonth(expiry)}`) },
      { tag: '5F34', value: hexBytes(chip.panSequence.padStart(2, '0')) },
      { tag: '8C', value: cdol1() },
    ];
    if (holder !== undefined) children.push({ tag: '5F20', value: ascii(holder.slice(0, 26)) });
    return respond(encodeTlv([{ tag: '70', value: new Uint8Array(0), children }]), SW_OK);
  }

  /** The card's own risk management: offline only when the terminal asks and the amount is within its limit. */
  private approvesOffline(p1: number, cdol1Data: Uint8Array): boolean {
    const { offline, offlineLimitMinor } = this.card.chip;
    if ((p1 & 0xc0) !== CID_TC || offline !== true) return false;
    const amountMinor = Number(Buffer.from(cdol1Data.subarray(0, AMOUNT_BYTES)).toString('hex'));
    return Number.isSafeInteger(amountMinor) && amountMinor <= (offlineLimitMinor ?? DEFAULT_OFFLINE_LIMIT_MINOR);
  }

  private generateAc(p1: number, cdol1Data: Uint8Array): Uint8Array {
    if (!this.processing || this.cryptogramDone) return respond(undefined, SW_CONDITIONS);
    if (cdol1Data.length !== CDOL1_LENGTH) return respond(undefined, SW_WRONG_LENGTH);
    this.cryptogramDone = true;
    const offline = this.approvesOffline(p1, cdol1Data);
    // A TC closes the transaction here: there is no host answer for a second GENERATE AC to weigh.
    this.completed = offline;
    this.atc = (this.atc + 1) & 0xffff;
    const atc = Uint8Array.of(this.atc >> 8, this.atc & 0xff);
    const cryptogram = computeArqc(this.card.chip.iccKey, arqcData(cdol1Data, AIP, atc));
    const template: Tlv = {
      tag: '77',
      value: new Uint8Array(0),
      children: [
        { tag: '9F27', value: Uint8Array.of(offline ? CID_TC : CID_ARQC) },
        { tag: '9F36', value: atc },
        { tag: '9F26', value: cryptogram },
        { tag: '9F10', value: IAD },
      ],
    };
    return respond(encodeTlv([template]), SW_OK);
  }

  /** Closes the transaction: a TC only when the terminal asks for one (P1 40) and the host approved. */
  private secondGenerateAc(p1: number, cdol2Data: Uint8Array): Uint8Array {
    if (this.completed) return respond(undefined, SW_CONDITIONS);
    if (cdol2Data.length !== CDOL2_LENGTH) return respond(undefined, SW_WRONG_LENGTH);
    this.completed = true;
    const approved = (p1 & 0xc0) === CID_TC && cdol2Data[0] === ARC_APPROVED[0] && cdol2Data[1] === ARC_APPROVED[1];
    const atc = Uint8Array.of(this.atc >> 8, this.atc & 0xff);
    const cryptogram = computeArqc(this.card.chip.iccKey, Uint8Array.from([...cdol2Data, ...AIP, ...atc]));
    const template: Tlv = {
      tag: '77',
      value: new Uint8Array(0),
      children: [
        { tag: '9F27', value: Uint8Array.of(approved ? CID_TC : CID_AAC) },
        { tag: '9F36', value: atc },
        { tag: '9F26', value: cryptogram },
      ],
    };
    return respond(encodeTlv([template]), SW_OK);
  }
}
