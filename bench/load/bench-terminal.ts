import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import type { IsoMessage } from '../../protocol/iso8583/types.ts';
import { TerminalSigner } from './terminal-signer.ts';
import type { SaleOrder } from './terminal-signer.ts';

/**
 * One terminal of the load test on a real socket: it signs in, then sends requests one at a
 * time, as a POS terminal does, reporting each answer's response code. Requests are built and
 * framed (PIN block, MAC, length) before the timed run, and answers come back through a
 * callback rather than a promise, so the generator's own work and garbage stay small.
 */
export class BenchTerminal {
  private readonly decoder = new LengthFrameDecoder();
  private waiting: ((answer: IsoMessage) => void) | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly signer: TerminalSigner,
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
    return new BenchTerminal(socket, new TerminalSigner(terminal.terminalId, merchantId, terminal.masterKey));
  }

  get terminalId(): string {
    return this.signer.terminalId;
  }

  async signIn(): Promise<void> {
    this.signer.signedIn(await this.exchange(this.signer.signInRequest()));
  }

  /** A signed 0200 with the next STAN, framed for the wire. */
  sale(order: SaleOrder): Uint8Array {
    return encodeLengthFrame(this.signer.sale(order));
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
}
