import { describe, expect, it } from 'vitest';
import type { IsoMessage } from '../protocol/iso8583/types.ts';
import type { Exchange, HostExchange } from './host-client.ts';
import { adviceRequest, forwardAdvices, OFFLINE_SALE_CODES, sendAdvice } from './offline-advice.ts';
import type { ExchangeDeps } from './transaction/exchange.ts';
import { TransactionJournal } from './transaction/journal.ts';
import type { TransactionRecord } from './transaction/record.ts';

const PAN = '6222021234567890123';
const ICC = '9F2608A1B2C3D4E5F601029F270140';
const identity = { terminalId: '10000001', merchantId: '898310048160001' };

function offlineSale(stan: string): TransactionRecord {
  return {
    kind: 'sale',
    stan,
    batch: '000001',
    ...OFFLINE_SALE_CODES,
    amountMinor: 5800,
    panMasked: '622202*********0123',
    // The fake vault below opens a "sealed" value as itself.
    panSealed: PAN,
    expiry: '3012',
    entryMode: '052',
    panSequence: '01',
    at: 0,
    operator: '01',
    state: 'advice-due',
    reversalAttempts: 0,
    tc: 'A1B2C3D4E5F60102',
    iccSealed: ICC,
  };
}

/** A host that answers each request with the next scripted exchange and remembers what was sent. */
function fixture(script: Array<Exchange | ((request: IsoMessage) => Exchange)>) {
  const cells = new Map<string, string>();
  const journal = new TransactionJournal({ read: (k) => cells.get(k), write: (k, v) => void cells.set(k, v) });
  const sent: IsoMessage[] = [];
  const host: HostExchange = {
    exchange: async (request) => {
      sent.push(request);
      const next = script.shift() ?? { kind: 'no-answer' };
      return typeof next === 'function' ? next(request) : next;
    },
  };
  const deps: ExchangeDeps = { journal, host, mac: async () => new Uint8Array(8), openPan: (sealed) => sealed, identity, responseTimeoutMs: 60_000 };
  return { deps, journal, sent };
}

const answer = (code: string, macValid: boolean | undefined): Exchange => ({
  kind: 'answered',
  response: { mti: '0230', fields: { 39: code, 37: '000000000042' } },
  macValid,
});

describe('offline advice (0220)', () => {
  it('carries the sale without PIN or track data, field 55 with the TC, and 60.1 = 36', () => {
    const message = adviceRequest(identity, offlineSale('000007'), PAN, Buffer.from(ICC, 'hex'), false);
    expect(message.mti).toBe('0220');
    expect(message.fields).toMatchObject({ 2: PAN, 3: '000000', 4: '000000005800', 11: '000007', 14: '3012', 22: '052', 23: '001', 25: '00', 49: '156', 60: '36000001000' });
    expect(Buffer.from(message.fields[55] as Uint8Array).toString('hex').toUpperCase()).toBe(ICC);
    for (const absent of [26, 35, 52, 53]) expect(message.fields[absent]).toBeUndefined();
    expect(adviceRequest(identity, offlineSale('000007'), PAN, new Uint8Array(0), true).mti).toBe('0221');
  });

  it('repeats as 0221 after an unanswered try and is advised by a 00 whose MAC verifies', async () => {
    const { deps, journal, sent } = fixture([{ kind: 'no-answer' }, answer('00', true)]);
    journal.approveOffline(offlineSale('000007'));
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('pending');
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('advised');
    expect(sent.map((m) => m.mti)).toEqual(['0220', '0221']);
    expect(journal.records()[0]).toMatchObject({ state: 'advised', rrn: '000000000042', adviceAttempts: 2 });
  });

  it('does not count a try that never left, and keeps the advice owed on a refusal or an unverified 00', async () => {
    const { deps, journal, sent } = fixture([{ kind: 'link-down' }, answer('12', true), answer('00', undefined), answer('00', true)]);
    journal.approveOffline(offlineSale('000007'));
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('not-sent');
    expect(journal.records()[0]!.adviceAttempts).toBe(0);
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('pending');
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('pending');
    expect(await sendAdvice(deps, journal.records()[0]!)).toBe('advised');
    expect(sent.map((m) => m.mti)).toEqual(['0220', '0220', '0221', '0221']);
  });

  it('counts the try in flash before the answer comes, so a power cut mid-way makes the next one a repeat', async () => {
    let seenInFlash: number | undefined;
    const { deps, journal } = fixture([
      () => {
        seenInFlash = journal.records()[0]!.adviceAttempts;
        return { kind: 'no-answer' };
      },
    ]);
    journal.approveOffline(offlineSale('000007'));
    await sendAdvice(deps, journal.records()[0]!);
    expect(seenInFlash).toBe(1);
  });

  it('forwards the advices owed oldest first and stops at the first one not taken', async () => {
    const { deps, journal, sent } = fixture([answer('00', true), { kind: 'link-down' }]);
    for (const stan of ['000007', '000008', '000009']) journal.approveOffline(offlineSale(stan));
    expect(await forwardAdvices(deps)).toEqual({ owed: 2, linkDown: true });
    expect(sent.map((m) => m.fields[11])).toEqual(['000007', '000008']);
    const again = fixture([answer('00', true), answer('00', true)]);
    for (const record of journal.records()) again.journal.approveOffline(record);
    again.journal.apply(journal.records()[0]!, { kind: 'advice-answered', code: '00', macValid: true });
    expect(await forwardAdvices(again.deps)).toEqual({ owed: 0, linkDown: false });
    expect(again.sent.map((m) => m.fields[11])).toEqual(['000008', '000009']);
  });
});
