import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../run-result.ts';
import { performanceSamples, requestKind } from './samples.ts';

const screen = (t: number, text: string): TimelineEntry => ({ t, source: 'console', kind: 'screen', detail: { text } });
const card = (t: number): TimelineEntry => ({ t, source: 'card-reader', kind: 'insert', detail: { pan: '622202*********0123' } });
const toHost = (t: number, mti: string, fields: string): TimelineEntry => ({ t, source: 'link', kind: 'message', detail: { direction: 'to-host', mti, fields } });
const toTerminal = (t: number, mti: string, fields: string): TimelineEntry => ({ t, source: 'link', kind: 'message', detail: { direction: 'to-terminal', mti, fields } });
const link = (t: number, kind: 'up' | 'down'): TimelineEntry => ({ t, source: 'link', kind });

describe('performance samples from a timeline', () => {
  it('times a sale from card to outcome screen, and its request to answer on the link', () => {
    const samples = performanceSamples([
      screen(0, 'INSERT/SWIPE CARD'),
      card(100),
      screen(150, 'ENTER PIN'),
      toHost(1_000, '0200', '3=000000 4=000000012850 11=000007 60=22000001000'),
      toTerminal(1_400, '0210', '11=000007 39=00'),
      screen(1_450, 'APPROVED'),
    ]);
    expect(samples).toEqual([
      { metric: 'host.sale', ms: 400, t: 1_400, ok: true },
      { metric: 'txn.sale', ms: 1_350, t: 1_450, ok: true },
    ]);
  });

  it('counts a repeat as the same request and a lost answer as not ok, timed to the screen the cashier saw', () => {
    const samples = performanceSamples([
      card(0),
      toHost(10, '0200', '3=000000 11=000008 60=22000001000'),
      toHost(30_010, '0201', '3=000000 11=000008 60=22000001000'),
      screen(60_010, 'NO HOST RESPONSE'),
      toHost(60_020, '0400', '3=000000 11=000008 39=98'),
      toTerminal(60_090, '0410', '11=000008 39=00'),
    ]);
    expect(samples).toEqual([
      { metric: 'txn.sale', ms: 60_010, t: 60_010, ok: false },
      { metric: 'host.reversal', ms: 70, t: 60_090, ok: true },
      { metric: 'host.sale', ms: 60_080, t: 60_090, ok: false },
    ]);
  });

  it('marks a declined sale as answered but not ok, and times recovery from link up to the next answer', () => {
    const samples = performanceSamples([
      link(0, 'down'),
      link(5_000, 'up'),
      toHost(7_000, '0400', '11=000003 39=98'),
      toTerminal(7_200, '0410', '11=000003 39=00'),
      toHost(8_000, '0200', '11=000004 60=22000001000'),
      toTerminal(8_100, '0210', '11=000004 39=51'),
      screen(8_100, 'DECLINED'),
    ]);
    expect(samples).toEqual([
      { metric: 'recovery', ms: 2_200, t: 7_200, ok: true },
      { metric: 'host.reversal', ms: 200, t: 7_200, ok: true },
      { metric: 'host.sale', ms: 100, t: 8_100, ok: true },
      { metric: 'txn.sale', ms: 100, t: 8_100, ok: false },
    ]);
  });

  it('times recovery from power back after a cut, but not from the first power-on', () => {
    const samples = performanceSamples([
      { t: 0, source: 'harness', kind: 'power-on' },
      toHost(0, '0800', '11=000001'),
      toTerminal(0, '0810', '11=000001 39=00'),
      { t: 100, source: 'harness', kind: 'power-off' },
      { t: 5_000, source: 'harness', kind: 'power-on' },
      toHost(5_000, '0400', '11=000002 39=96'),
      toTerminal(5_300, '0410', '11=000002 39=00'),
    ]);
    expect(samples.filter((s) => s.metric === 'recovery')).toEqual([{ metric: 'recovery', ms: 300, t: 5_300, ok: true }]);
  });

  it('tells transactions apart by MTI, message type code and processing code', () => {
    expect(requestKind('0200', '3=310000 11=000001 60=01000001000')).toBe('balance');
    expect(requestKind('0200', '3=200000 60=23000001000')).toBe('void');
    expect(requestKind('0220', '3=200000 60=25000001000')).toBe('refund');
    expect(requestKind('0200', '3=000000 60=20000001000')).toBe('completion');
    expect(requestKind('0100', '3=030000')).toBe('preauth');
    expect(requestKind('0500', '')).toBe('settlement');
    expect(requestKind('0320', '')).toBe('upload');
    expect(requestKind('0800', '')).toBe('sign_in');
    expect(requestKind('0820', '60=00000001301')).toBe('management');
  });
});
