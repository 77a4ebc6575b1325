import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import { macRegion, packMessage, withMac } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage, MessageHeader } from '../../protocol/iso8583/types.ts';

const header: MessageHeader = {
  tpdu: Uint8Array.of(0x60, 0x00, 0x03, 0x00, 0x01),
  appHeader: Uint8Array.of(0x60, 0x22, 0x00, 0x00, 0x00, 0x00),
};

export interface SaleOrder {
  readonly pan: string;
  readonly expiry: string;
  readonly pin: string;
  readonly amountMinor: number;
}

/**
 * What a bench terminal says, apart from how it reaches the host: its sign-in, the working
 * keys it takes from the answer, and signed sales with its STANs. Frame bodies only (no length).
 */
export class TerminalSigner {
  private stan = 0;
  private keys: { pinKey: Uint8Array; macKey: Uint8Array } | undefined;

  constructor(
    readonly terminalId: string,
    private readonly merchantId: string,
    private readonly masterKey: Uint8Array,
  ) {}

  signInRequest(): Uint8Array {
    return packMessage(
      cupPos,
      { mti: '0800', fields: { 11: this.nextStan(), 41: this.terminalId, 42: this.merchantId, 60: '00000001003', 63: '001' } },
      header,
    );
  }

  /** Takes the working keys from a sign-in answer, checking the MAC key against its check value. */
  signedIn(answer: IsoMessage): void {
    const field62 = answer.fields[62];
    if (answer.fields[39] !== '00' || !(field62 instanceof Uint8Array)) throw new Error(`${this.terminalId}: sign-in refused (${String(answer.fields[39])})`);
    const pinKey = tdesDecryptEcb(this.masterKey, field62.subarray(0, 16));
    const macKey = tdesDecryptEcb(this.masterKey, field62.subarray(20, 36));
    if (Buffer.compare(keyCheckValue(macKey, 4), field62.subarray(36, 40)) !== 0) throw new Error('MAC key check value differs');
    this.keys = { pinKey, macKey };
  }

  /** A signed 0200 with the next STAN. */
  sale(order: SaleOrder): Uint8Array {
    if (!this.keys) throw new Error('sign in first');
    const message: IsoMessage = {
      mti: '0200',
      fields: {
        2: order.pan,
        3: '000000',
        4: String(order.amountMinor).padStart(12, '0'),
        11: this.nextStan(),
        14: order.expiry,
        22: '051',
        23: '001',
        25: '00',
        26: '12',
        41: this.terminalId,
        42: this.merchantId,
        49: '156',
        52: encryptPinBlockFormat0(order.pin, order.pan, this.keys.pinKey),
        53: '2600000000000000',
        59: 'region=310000;cell=4021',
        60: '22000001000',
        64: new Uint8Array(8),
      },
    };
    const unsigned = packMessage(cupPos, message, header);
    return withMac(unsigned, retailMac(this.keys.macKey, macRegion(cupPos, unsigned)));
  }

  private nextStan(): string {
    this.stan = (this.stan % 999_999) + 1;
    return String(this.stan).padStart(6, '0');
  }
}
