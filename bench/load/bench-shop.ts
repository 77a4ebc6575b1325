import { seededRandom } from '../../platform/random.ts';
import type { AcquirerHost } from '../../backend/host.ts';

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

export function provisionBenchShop(host: AcquirerHost, shop: BenchShop): void {
  host.provision.merchant({ id: shop.merchantId, name: 'Bench Supermarket', mcc: '5411', region: shop.region });
  for (const terminal of shop.terminals) host.provision.terminal({ ...terminal, merchantId: shop.merchantId });
  for (const card of shop.cards) host.provision.card({ ...card, balanceMinor: 1_000_000_000_000 });
}
