import { describe, expect, it } from 'vitest';
import type { LinkMessage } from '../../simulator/network/link-message.ts';
import { expectationSchema } from '../scenario/expectations.ts';
import { judgeLinkMessage, judgeLinkOrder, messagesSince } from './link-checks.ts';

let seq = 0;
const message = (mti: string, direction: LinkMessage['direction'], fields: Record<string, string> = {}): LinkMessage => ({
  seq: ++seq,
  at: 0,
  direction,
  mti,
  fields,
  verdict: 'passed',
});

const log = [
  message('0200', 'to-host', { '11': '000002' }),
  message('0210', 'to-terminal', { '11': '000002', '39': '00' }),
  message('0400', 'to-host', { '11': '000002', '39': '98' }),
  message('0410', 'to-terminal', { '39': '00' }),
  message('0200', 'to-host', { '11': '000003' }),
];

const check = <K extends 'link.order' | 'link.message'>(name: K, value: unknown) => expectationSchema.parse({ [name]: value })[name]!;

describe('link checks', () => {
  it('link.order: the named MTIs, in the order sent, must be exactly the list', () => {
    expect(judgeLinkOrder(log, check('link.order', ['0400', '0200'])).verdict).toBe('failed');
    expect(judgeLinkOrder(log, check('link.order', ['0200', '0400', '0200'])).verdict).toBe('passed');
    const sinceStep = check('link.order', { mtis: ['0400', '0200'], since_step: '2' });
    expect(judgeLinkOrder(messagesSince(log, [0, 2], 2), sinceStep)).toMatchObject({ verdict: 'passed', actual: '0400 → 0200' });
    expect(judgeLinkOrder(log, check('link.order', { mtis: ['0210', '0410'], direction: 'to-terminal' })).verdict).toBe('passed');
  });

  it('link.message: picks first, last or nth, and compares fields exactly or by pattern', () => {
    expect(judgeLinkMessage(log, check('link.message', { mti: '0200', field: { '11': '000003' } })).verdict).toBe('passed');
    expect(judgeLinkMessage(log, check('link.message', { mti: '0200', nth: 'first', field: { '11': '/^00000[12]$/' } })).verdict).toBe('passed');
    const wrong = judgeLinkMessage(log, check('link.message', { mti: '0400', field: { '39': '96' }, absent: ['11'] }));
    expect(wrong).toMatchObject({ verdict: 'failed', actual: '39=98 11=000002' });
    expect(judgeLinkMessage(log, check('link.message', { mti: '0500' }))).toMatchObject({ verdict: 'failed', actual: '0 × 0500 on the link' });
  });
});
