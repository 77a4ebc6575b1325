import { readChip } from './emv/read-chip.ts';
import type { TerminalContext } from './terminal-context.ts';
import { screens } from './screens.ts';
import { localDateTime } from './local-time.ts';

/** What a sale needs from the card; held in memory for one transaction only. */
export interface CapturedCard {
  readonly pan: string;
  readonly expiry: string;
  readonly track2: string;
  readonly entry: 'chip' | 'swipe' | 'fallback';
  readonly panSequence?: string;
  readonly iccData?: Uint8Array;
}

export type CardCapture =
  | { readonly kind: 'card'; readonly card: CapturedCard }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timeout' };

function parseTrack2(track2: string): { pan: string; expiry: string; serviceCode: string } | undefined {
  const match = /^(\d{12,19})[=D](\d{4})(\d{3})/.exec(track2);
  if (!match) return undefined;
  return { pan: match[1]!, expiry: match[2]!, serviceCode: match[3]! };
}

/**
 * Waits for the card and reads it, chip first: a chip card that is swiped is told to be
 * inserted, and only after the chip fails does a swipe count (as a fallback).
 */
export async function captureCard(ctx: TerminalContext, amountMinor: number): Promise<CardCapture> {
  let fallback = false;
  for (;;) {
    ctx.show(screens.presentCard(amountMinor, fallback));
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
        ctx.show(screens.readingChip());
        try {
          const chip = await readChip((apdu) => ctx.devices.reader.transmit(apdu), {
            amountMinor,
            currency: '156',
            date: localDateTime(ctx.clock.now()).yymmdd,
            unpredictableNumber: ctx.random.bytes(4),
            transactionType: '00',
          });
          return {
            kind: 'card',
            card: {
              pan: chip.pan,
              expiry: chip.expiry,
              track2: chip.track2Equivalent,
              entry: 'chip',
              panSequence: chip.panSequence,
              iccData: chip.iccData,
            },
          };
        } catch {
          fallback = true;
        }
        break;
      }
      case 'tap':
      case 'removed':
        break;
    }
  }
}
