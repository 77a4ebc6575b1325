import { describe, expect, it } from 'vitest';
import type { TransactionRecord } from './record.ts';
import {
  echoRequest,
  entryMode,
  financialRequest,
  reversalRequest,
  settlementRequest,
  signOutRequest,
  uploadEndRequest,
  uploadRequest,
  type CardData,
} from './requests.ts';

const id = { terminalId: '10000001', merchantId: '898310048160001' };
const PAN = '6222021234567890123';
const swiped: CardData = { pan: PAN, expiry: '3012', track2: `${PAN}=30121010000000000`, entry: 'swipe' };
const record = (overrides: Partial<TransactionRecord> = {}): TransactionRecord => ({
  kind: 'sale',
  stan: '000005',
  batch: '000001',
  mti: '0200',
  processingCode: '000000',
  conditionCode: '00',
  messageType: '22',
  amountMinor: 12850,
  panMasked: '622202*********0123',
  panSealed: 'x',
  expiry: '3012',
  entryMode: '021',
  at: 0,
  operator: '01',
  state: 'sent',
  reversalAttempts: 0,
  ...overrides,
});

describe('cup-pos requests', () => {
  it('tells echo test from sign-out by 60.3 only, neither with a MAC', () => {
    expect(echoRequest(id, '000009', '000003')).toEqual({
      mti: '0820',
      fields: { 11: '000009', 41: '10000001', 42: '898310048160001', 60: '00000003301' },
    });
    expect(signOutRequest(id, '000009', '000003').fields[60]).toBe('00000003002');
  });

  it('marks entry mode with or without PIN', () => {
    expect([entryMode('swipe', true), entryMode('chip', false), entryMode('contactless', true), entryMode('fallback', true)]).toEqual(['021', '052', '071', '801']);
  });

  it('sends a swiped sale with track 2 and PIN block, but no field 2', () => {
    const { mti, fields } = financialRequest(id, record(), swiped, new Uint8Array(8), 'region=310000;cell=A1');
    expect(mti).toBe('0200');
    expect(fields).toMatchObject({ 3: '000000', 4: '000000012850', 11: '000005', 22: '021', 25: '00', 26: '12', 60: '22000001000' });
    expect(fields[2]).toBeUndefined();
    expect(fields[35]).toBe(swiped.track2);
  });

  it('refers a void to its original by batch and STAN with its RRN and auth code, a refund also by date', () => {
    const original = { batch: '000001', stan: '000002', date: '1122', rrn: '123456789012', authCode: '654321' };
    const voided = financialRequest(id, record({ kind: 'void', processingCode: '200000', messageType: '23', original }), swiped, undefined, '');
    expect(voided.fields).toMatchObject({ 3: '200000', 37: '123456789012', 38: '654321', 61: '000001000002', 22: '022' });
    expect(voided.fields[52]).toBeUndefined();
    const refund = financialRequest(id, record({ kind: 'refund', mti: '0220', processingCode: '200000', messageType: '25', original }), swiped, undefined, '');
    expect(refund.mti).toBe('0220');
    expect(refund.fields).toMatchObject({ 37: '123456789012', 61: '0000010000021122' });
    expect(refund.fields[38]).toBeUndefined();
  });

  it('reverses with the original 3, 4, 11 and 60, the reason in 39, the PAN in 2 — never track data or PIN', () => {
    const first = reversalRequest(id, record({ reversalReason: '98' }), PAN, false);
    expect(first.mti).toBe('0400');
    expect(first.fields).toMatchObject({ 2: PAN, 3: '000000', 4: '000000012850', 11: '000005', 39: '98', 60: '22000001000' });
    expect(first.fields[35]).toBeUndefined();
    expect(first.fields[52]).toBeUndefined();
    expect(reversalRequest(id, record({ reversalAttempts: 1 }), PAN, true).mti).toBe('0401');
  });

  it('settles with totals and operator, uploads with 60.3 202 and ends the upload with 207 and the count', () => {
    const totals = { debitCount: 2, debitMinor: 40000, creditCount: 1, creditMinor: 5000 };
    expect(settlementRequest(id, '000009', '000001', totals, '1').fields).toMatchObject({ 48: '002000000040000001000000005000', 60: '00000001201', 63: '001' });
    expect(uploadRequest(id, record({ state: 'completed', rrn: '111111111111', authCode: '222222' }), PAN).fields).toMatchObject({ 2: PAN, 37: '111111111111', 38: '222222', 60: '22000001202' });
    expect(uploadEndRequest(id, '000010', '000001', 3).fields).toMatchObject({ 48: '0003', 60: '00000001207' });
  });
});
