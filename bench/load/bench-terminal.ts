import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { keyCheckValue } from '../../protocol/crypto/kcv.ts';
import { encryptPinBlockFormat0 } from '../../protocol/crypto/pin-block.ts';
import { retailMac } from '../../protocol/crypto/retail-mac.ts';
import { tdesDecryptEcb } from '../../protocol/crypto/tdes.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { macRegion, packMessage, unpackMessage, withMac } from '../../protocol/iso8583/codec.ts';
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
 * One terminal of the load test on a real socket: it signs in, then sends requests one at a
 * time, as a POS terminal does, reporting each answer's response code. Requests are built and
 * framed (PIN block, MAC, length) before the timed run, and answers come back through a
 * callback rather than a promise, so the generator's own work and garbage stay small.
 */
export class BenchTerminal {
  private readonly decoder = new LengthFrameDecoder();
  private waiting: ((answer: IsoMessage) => void) | undefined;
  private stan = 0;
  private keys: { pinKey: Uint8Array; macKey: Uint8Array } | undefined;

  private constructor(
    private readonly socket: Socket,
    readonly terminalId: string,
    private readonly merchantId: string,
    private readonly masterKey: Uint8Array,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      for (const frame of this.decoder.push(chunk)) {
        const done = this.waiting;
        this.waiting = undefined;
        done?.(unpackMessage(cupPos, frame).message);
      }
    });
  }

  static async open(port: number, terminal: { terminalId: string; masterKey: Uint8Array }, merchantId: string): Promise<BenchTerminal> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port }, () => resolve(s));
      s.once('error', reject);
    });
    return new BenchTerminal(socket, terminal.terminalId, merchantId, terminal.masterKey);
  }

  async signIn(): Promise<void> {
    const request = packMessage(
      cupPos,
      { mti: '0800', fields: { 11: this.nextStan(), 41: this.terminalId, 42: this.merchantId, 60: '00000001003', 63: '001' } },
      header,
    );
    const answer = await this.exchange(request);
    const field62 = answer.fields[62];
    if (answer.fields[39] !== '00' || !(field62 instanceof Uint8Array)) throw new Error(`${this.terminalId}: sign-in refused (${String(answer.fields[39])})`);
    const pinKey = tdesDecryptEcb(this.masterKey, field62.subarray(0, 16));
    const macKey = tdesDecryptEcb(this.masterKey, field62.subarray(20, 36));
    if (Buffer.compare(keyCheckValue(macKey, 4), field62.subarray(36, 40)) !== 0) throw new Error('MAC key check value differs');
    this.keys = { pinKey, macKey };
  }

  /** A signed 0200 with the next STAN, framed for the wire. */
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
    return encodeLengthFrame(withMac(unsigned, retailMac(this.keys.macKey, macRegion(cupPos, unsigned))));
  }

  /** Sends one framed request from `sale`; `answered` gets field 39 of its answer. */
  send(framed: Uint8Array, answered: (code: string) => void): void {
    this.expect((answer) => {
      const code = answer.fields[39];
      answered(typeof code === 'string' ? code : '??');
    });
    this.socket.write(framed);
  }

  close(): void {
    this.socket.destroy();
  }

  private exchange(request: Uint8Array): Promise<IsoMessage> {
    return new Promise((resolve) => {
      this.expect(resolve);
      this.socket.write(encodeLengthFrame(request));
    });
  }

  private expect(answer: (message: IsoMessage) => void): void {
    if (this.waiting) throw new Error(`${this.terminalId} already has a request outstanding`);
    this.waiting = answer;
  }

  private nextStan(): string {
    this.stan = (this.stan % 999_999) + 1;
    return String(this.stan).padStart(6, '0');
  }
}
