import { openHostStore } from '../../backend/store/sqlite-host-store.ts';
import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { cupPos } from '../../protocol/iso8583/dialect-cup-pos.ts';
import { benchOrder, benchShop, openBenchHost } from './bench-shop.ts';
import { CollectionTally } from './collection-tally.ts';
import { TerminalSigner } from './terminal-signer.ts';

export interface HandlerOptions {
  readonly sales: number;
  /** Sales answered first and not measured: JIT and SQLite's page cache. */
  readonly warmup: number;
  readonly terminals: number;
  readonly cards: number;
  readonly seed: number;
}

export interface HandlerFigures {
  readonly sales: number;
  readonly approved: number;
  readonly cpuUsPerSale: number;
  readonly wallUsPerSale: number;
  /** Young-generation collections (scavenges) per 1,000 sales: how much garbage a sale leaves. */
  readonly scavengesPer1000: number;
  /** Time in every kind of collection per 1,000 sales. */
  readonly gcMsPer1000: number;
}

/**
 * The host's cost per sale with nothing else in the way: the same shop and signed sales as the
 * load test, answered one after another through `host.handle` in this process (no sockets, no
 * load generator, no queueing). What this row moves, the socket rows' CPU per sale moves too,
 * with far less noise from the shared machine.
 */
export async function runHandler(options: HandlerOptions): Promise<HandlerFigures> {
  const store = openHostStore();
  const shop = benchShop(options.seed, options.terminals, options.cards);
  const host = openBenchHost(shop, options.seed, store);
  try {
    const signers = shop.terminals.map((terminal) => new TerminalSigner(terminal.terminalId, shop.merchantId, terminal.masterKey));
    for (const signer of signers) signer.signedIn(unpackMessage(cupPos, answerOf(host.handle(signer.signInRequest()))).message);
    const total = options.warmup + options.sales;
    const requests = Array.from({ length: total }, (_, i) => signers[i % signers.length]!.sale(benchOrder(shop, i)));
    for (let i = 0; i < options.warmup; i++) host.handle(requests[i]!);

    const collections = new CollectionTally();
    let approved = 0;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    for (let i = options.warmup; i < total; i++) {
      const answer = answerOf(host.handle(requests[i]!));
      if (unpackMessage(cupPos, answer).message.fields[39] === '00') approved++;
    }
    const wallMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuBefore);
    // GC entries reach the observer on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 10));
    collections.stop();
    return {
      sales: options.sales,
      approved,
      cpuUsPerSale: (cpu.user + cpu.system) / options.sales,
      wallUsPerSale: (wallMs * 1000) / options.sales,
      scavengesPer1000: (collections.scavenges * 1000) / options.sales,
      gcMsPer1000: (collections.allMs * 1000) / options.sales,
    };
  } finally {
    host.close();
    store.close();
  }
}

function answerOf(bytes: Uint8Array | undefined): Uint8Array {
  if (!bytes) throw new Error('the host gave no answer');
  return bytes;
}
