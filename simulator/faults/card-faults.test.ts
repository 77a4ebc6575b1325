import { describe, expect, it } from 'vitest';
import { cardPulledEarly } from './card-pulled-early.ts';
import { cardUnreadable } from './card-unreadable.ts';
import { LinkBench } from './testing/link-bench.ts';

const card = { id: 'c1', pan: '6222021234567890123', expiry: '3012', serviceCode: '201' };

describe('card.unreadable', () => {
  it('queues the given number of failed presentations of that kind', () => {
    const targets = new LinkBench().targets();
    cardUnreadable.apply(targets, cardUnreadable.params.parse({ entry: 'chip', times: '2' }));
    expect(targets.mishaps.take('card-unreadable', (m) => m.entry === 'swipe')).toBeUndefined();
    expect(targets.mishaps.take('card-unreadable')).toEqual({ kind: 'card-unreadable', entry: 'chip' });
    expect(targets.mishaps.take('card-unreadable')).toBeDefined();
    expect(targets.mishaps.take('card-unreadable')).toBeUndefined();
  });

  it('withdraws what is left when healed', () => {
    const targets = new LinkBench().targets();
    const heal = cardUnreadable.apply(targets, cardUnreadable.params.parse({}));
    heal();
    expect(targets.mishaps.size).toBe(0);
  });
});

describe('card.pulled_early', () => {
  it('at online: pulls the card as the financial request leaves, once', async () => {
    const bench = new LinkBench();
    const targets = bench.targets();
    targets.reader.insert(card, { chipDead: true });
    cardPulledEarly.apply(targets, cardPulledEarly.params.parse({}));
    bench.send('0800', '000001');
    expect(targets.reader.cardPresent).toBe(true);
    bench.send('0200', '000002');
    expect(targets.reader.cardPresent).toBe(false);
    targets.reader.insert(card, { chipDead: true });
    bench.send('0200', '000003');
    expect(targets.reader.cardPresent).toBe(true);
  });

  it('at pin: leaves it to the cardholder at the next PIN prompt', () => {
    const targets = new LinkBench().targets();
    cardPulledEarly.apply(targets, cardPulledEarly.params.parse({ at: 'pin' }));
    expect(targets.mishaps.take('card-pulled-at-pin')).toBeDefined();
  });
});
