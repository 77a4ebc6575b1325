import { seededRandom } from '../../platform/random.ts';
import { createAcquirerHost } from '../../backend/host.ts';
import type { AcquirerHost } from '../../backend/host.ts';
import type { HostStore } from '../../backend/store/host-store.ts';
import { WallClock } from '../../platform/clock.ts';
import type { SaleOrder } from './terminal-signer.ts';

/**
 * The shop both sides of the load benchmark agree on, derived from one seed: one merchant in
 * Shanghai, `terminals` terminals with their master keys, and `cards` debit test cards with
 * balances no run can exhaust.
 */
export interface BenchShop {
  readonly merchantId: string;
  readonly region: string;
  readonly terminals: ReadonlyArray<{ readonly terminalId: string; readonly masterKey: Uint8Array<ArrayBuffer> }>;
  readonly cards: ReadonlyArray<{ readonly pan: string; readonly expiry: string; readonly pin: string }>;
}

export function benchShop(seed: number, terminals: number, cards: number): BenchShop {
  const random = seededRandom(seed);
  return {
    merchantId: '898310048160001',
    region: '310000',
    terminals: Array.from({ length: terminals }, (_, i) => ({
      terminalId: `B${String(i + 1).padStart(7, '0')}`,
      masterKey: random.fork(`tmk-${i}`).bytes(16),
    })),
    cards: Array.from({ length: cards }, (_, i) => ({
      pan: `62220200${String(i + 1).padStart(11, '0')}`,
      expiry: '3012',
      pin: '123456',
    })),
  };
}

function provisionBenchShop(host: AcquirerHost, shop: BenchShop): void {
  host.provision.merchant({ id: shop.merchantId, name: 'Bench Supermarket', mcc: '5411', region: shop.region });
  for (const terminal of shop.terminals) host.provision.terminal({ ...terminal, merchantId: shop.merchantId });
  for (const card of shop.cards) host.provision.card({ ...card, balanceMinor: 1_000_000_000_000 });
}

/** The host both benchmarks measure, in real time, with the bench shop provisioned. */
export function openBenchHost(shop: BenchShop, seed: number, store: HostStore): AcquirerHost {
  const host = createAcquirerHost({
    clock: new WallClock(),
    random: seededRandom(seed),
    store,
    // Risk control stays on (its lookups and its history row are part of every sale) except the
    // velocity rule: a benchmark is by design a velocity anomaly and would raise an alert per sale.
    risk: { velocity: { enabled: false } },
  });
  provisionBenchShop(host, shop);
  return host;
}

/** The i-th sale of a run: the cards in turn with varying amounts, the same in both benchmarks. */
export function benchOrder(shop: BenchShop, i: number): SaleOrder {
  return { ...shop.cards[i % shop.cards.length]!, amountMinor: 100 + (i % 900) };
}
