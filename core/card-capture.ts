import { readChip, type ChipTransaction } from './emv/read-chip.ts';
import type { TerminalContext } from './terminal-context.ts';
import type { CardData } from './transaction/requests.ts';
import { screens, type TransactionTitle } from './screens.ts';
import { localDateTime } from './local-time.ts';
import { cardExpired } from './card-expiry.ts';

export type CardCapture =
  | { readonly kind: 'card'; readonly card: CardData }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' }
  /** Past its expiry month: refused at the counter, nothing goes to the host. */
  | { readonly kind: 'expired' };

export interface CaptureRequest {
  readonly title: TransactionTitle;
  /** Shown and given to the chip; undefined for a balance inquiry. */
  readonly amountMinor?: number;
  readonly transactionType: ChipTransaction['transactionType'];
  /** Terminal risk management allows an offline approval: a chip card is asked for a TC. */
  readonly askOffline?: boolean;
}

function parseTrack2(track2: string): { pan: string; expiry: string; serviceCode: string } | undefined {
  const match = /^(\d{12,19})[=D](\d{4})(\d{3})/.exec(track2);
  if (!match) return undefined;
  return { pan: match[1]!, expiry: match[2]!, serviceCode: match[3]! };
}

async function readIcc(ctx: TerminalContext, request: CaptureRequest, entry: 'chip' | 'contactless'): Promise<CardData | undefined> {
  ctx.show(screens.readingChip());
  try {
    const chip = await readChip((apdu) => ctx.devices.reader.transmit(apdu), {
      amountMinor: request.amountMinor ?? 0,
      currency: '156',
      date: localDateTime(ctx.clock.now()).yymmdd,
      unpredictableNumber: ctx.random.bytes(4),
      transactionType: request.transactionType,
      askOffline: entry === 'chip' && request.askOffline === true,
    });
    return {
      pan: chip.pan,
      expiry: chip.expiry,
      track2: chip.track2Equivalent,
      entry,
      panSequence: chip.panSequence,
      iccData: chip.iccData,
      ...(chip.cryptogram.type === 'TC' ? { offlineTc: chip.cryptogram.hex } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Waits for the card and reads it, chip first: a chip card that is swiped is told to be
 * inserted, and only after the chip fails does a swipe count (as a fallback). A tap counts
 * only on a terminal with a contactless reader. A card past its expiry month is refused.
 */
export async function captureCard(ctx: TerminalContext, request: CaptureRequest): Promise<CardCapture> {
  const capture = await readCard(ctx, request);
  if (capture.kind === 'card' && cardExpired(capture.card.expiry, ctx.clock.now())) return { kind: 'expired' };
  return capture;
}

async function readCard(ctx: TerminalContext, request: CaptureRequest): Promise<CardCapture> {
  let fallback = false;
  const tap = ctx.capabilities.contactless;
  for (;;) {
    ctx.show(screens.presentCard(request.title, request.amountMinor, fallback, tap));
    const input = await ctx.input.next(ctx.promptTimeoutMs);
    if (input.kind === 'timeout') return { kind: 'timeout' };
    if (input.kind === 'key') {
      if (input.key === 'CANCEL') return { kind: 'cancelled' };
      continue;
    }
    const event = input.event;
    switch (event.kind) {
      case 'swipe': {
        const track = parseTrack2(event.track2);
        if (!track) {
          await ctx.acknowledge(screens.badSwipe());
          break;
        }
        const chipCard = track.serviceCode.startsWith('2') || track.serviceCode.startsWith('6');
        if (chipCard && !fallback) {
          await ctx.acknowledge(screens.insertChip());
          break;
        }
        return {
          kind: 'card',
          card: { pan: track.pan, expiry: track.expiry, track2: event.track2, entry: fallback ? 'fallback' : 'swipe' },
        };
      }
      case 'bad-swipe':
        await ctx.acknowledge(screens.badSwipe());
        break;
      case 'chip-failed':
        fallback = true;
        break;
      case 'chip-inserted': {
        const card = await readIcc(ctx, request, 'chip');
        if (card) return { kind: 'card', card };
        fallback = true;
        break;
      }
      case 'tap': {
        if (!tap) break;
        const card = await readIcc(ctx, request, 'contactless');
        if (card) return { kind: 'card', card };
        break;
      }
      case 'removed':
        break;
    }
  }
}
