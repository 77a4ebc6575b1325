import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import { TerminalSigner } from './terminal-signer.ts';
import type { SaleOrder } from './terminal-signer.ts';

/** What a bench terminal's socket reads into; an answer is far smaller. */
const READ_BUFFER_BYTES = 4096;

/**
 * One terminal of the load test on a real socket: it signs in, then sends requests one at a
 * time, as a POS terminal does, handing back each answer's raw bytes. The generator's own
 * garbage collections would land in the latencies it measures, so in the timed run it
 * allocates almost nothing: requests are built and framed (PIN block, MAC, length) before it,
 * the socket reads into one buffer of its own (`onread`), and answers are views into the frame
 * decoder, which the caller copies out and decodes after the run.
 */
export class BenchTerminal {
  private readonly decoder = new LengthFrameDecoder();
  private waiting: ((answer: Uint8Array) => void) | undefined;

  private constructor(
    private readonly socket: Socket,
    private readonly signer: TerminalSigner,
  ) {
    socket.setNoDelay(true);
  }

  static async open(port: number, terminal: { terminalId: string; masterKey: Uint8Array }, merchantId: string): Promise<BenchTerminal> {
    let opened: BenchTerminal | undefined;
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(
        {
          host: '127.0.0.1',
          port,
          onread: {
            buffer: Buffer.alloc(READ_BUFFER_BYTES),
            callback: (read, buffer) => {
              opened?.received(new Uint8Array(buffer.buffer, buffer.byteOffset, read));
              return true;
            },
          },
        },
        () => resolve(s),
      );
      s.once('error', reject);
    });
    opened = new BenchTerminal(socket, new TerminalSigner(terminal.terminalId, merchantId, terminal.masterKey));
    return opened;
  }

  get terminalId(): string {
    return this.signer.terminalId;
  }

  async signIn(): Promise<void> {
    const answer = await new Promise<Uint8Array>((resolve) => {
      this.expect((bytes) => resolve(bytes.slice()));
      this.socket.write(encodeLengthFrame(this.signer.signInRequest()));
    });
    this.signer.signedIn(unpackMessage(cupPos, answer).message);
  }

  /** A signed 0200 with the next STAN, framed for the wire. */
  sale(order: SaleOrder): Uint8Array {
    return encodeLengthFrame(this.signer.sale(order));
  }

  /**
   * Sends one framed request from `sale`; `answered` gets the answer's bytes, a view valid only
   * until it returns.
   */
  send(framed: Uint8Array, answered: (answer: Uint8Array) => void): void {
    this.expect(answered);
    this.socket.write(framed);
  }

  close(): void {
    this.socket.destroy();
  }

  private readonly deliver = (frame: Uint8Array): void => {
    const done = this.waiting;
    this.waiting = undefined;
    done?.(frame);
  };

  private received(chunk: Uint8Array): void {
    this.decoder.eachFrame(chunk, this.deliver);
  }

  private expect(answer: (frame: Uint8Array) => void): void {
    if (this.waiting) throw new Error(`${this.terminalId} already has a request outstanding`);
    this.waiting = answer;
  }
}
