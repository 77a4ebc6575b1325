import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinkPair } from '../../platform/byte-link.ts';
import type { ByteLink } from '../../platform/byte-link.ts';
import { settle } from '../../platform/settle.ts';
import { encodeLengthFrame, LengthFrameDecoder } from '../../protocol/framing/length-prefixed.ts';
import { hostFixture, merchantId, packSigned, readAnswer, terminalMasterKey } from '../test-support/terminal-messages.ts';
import { TestTerminal } from '../test-support/test-terminal.ts';
import { testCard, testCards } from './test-cards.ts';

function bank() {
  const fixture = hostFixture();
  const { host } = fixture;
  host.provision.merchant({ id: merchantId, name: 'Noodle Bar', mcc: '5812', region: '310000' });
  for (const id of ['T0000001', 'T0000002']) host.provision.terminal({ terminalId: id, merchantId, masterKey: terminalMasterKey });
  for (const entry of testCards) host.provision.card(entry.card);
  return { ...fixture, terminal: TestTerminal.signedIn(host) };
}

const card = (id: string) => ({ ...testCard(id), pin: '123456' });

function luhnValid(pan: string): boolean {
  let sum = 0;
  [...pan].reverse().forEach((digit, i) => {
    const doubled = Number(digit) * (i % 2 === 1 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  });
  return sum % 10 === 0;
}

describe('issuer test cards (docs/test-cards.md)', () => {
  it('are Luhn-valid, uniquely named, and every one is in the document', () => {
    const doc = readFileSync(new URL('../../docs/test-cards.md', import.meta.url), 'utf8');
    expect(new Set(testCards.map((entry) => entry.id)).size).toBe(testCards.length);
    for (const entry of testCards) {
      expect(luhnValid(entry.card.pan), entry.id).toBe(true);
      expect(doc).toContain(`\`${entry.id}\``);
      expect(doc).toContain(entry.card.pan);
    }
    expect(() => testCard('no-such-card')).toThrow(expect.objectContaining({ code: 'HOST_UNKNOWN' }));
  });

  it.each([
    ['debit-approve', '00'],
    ['expired', '54'],
    ['lost', '41'],
    ['stolen', '43'],
    ['restricted', '57'],
    ['issuer-unavailable', '91'],
  ])('%s answers %s to a sale, and only an approval moves money', (id, code) => {
    const { host, terminal } = bank();
    const { pan, balanceMinor } = card(id);
    expect(terminal.sale({ card: card(id), amountMinor: 10_000 }).code).toBe(code);
    expect(host.queries.balance(pan)).toBe(code === '00' ? balanceMinor - 10_000 : balanceMinor);
  });

  it('insufficient-funds approves 10.00 and declines 10.01 with 51', () => {
    const { host, terminal } = bank();
    expect(terminal.sale({ card: card('insufficient-funds'), amountMinor: 1_001 }).code).toBe('51');
    expect(terminal.sale({ card: card('insufficient-funds'), amountMinor: 1_000 }).code).toBe('00');
    expect(host.queries.balance(card('insufficient-funds').pan)).toBe(0);
  });

  it('wrong-pin declines 55 twice, locks with 75 at the third wrong PIN, and stays locked for the right one', () => {
    const { host, terminal } = bank();
    const sale = (pin: string) => terminal.sale({ card: card('wrong-pin'), amountMinor: 100, pin }).code;
    expect([sale('111111'), sale('222222'), sale('333333'), sale('123456')]).toEqual(['55', '55', '75', '75']);
    expect(host.queries.balance(card('wrong-pin').pan)).toBe(card('wrong-pin').balanceMinor);
  });

  it('credit-approve may be signed for; a debit card may not', () => {
    const { terminal } = bank();
    expect(terminal.sale({ card: card('credit-approve'), amountMinor: 100, pin: null }).code).toBe('00');
    expect(terminal.sale({ card: card('debit-approve'), amountMinor: 100, pin: null }).code).toBe('55');
  });

  it('quickpass-approve taps without PIN up to 1000.00 and needs it above', () => {
    const { host, terminal } = bank();
    const quickPass = card('quickpass-approve');
    expect(terminal.sale({ card: quickPass, amountMinor: 100_000, pin: null }).code).toBe('00');
    expect(terminal.sale({ card: quickPass, amountMinor: 100_001, pin: null }).code).toBe('55');
    expect(terminal.sale({ card: quickPass, amountMinor: 100_001 }).code).toBe('00');
    expect(host.queries.balance(quickPass.pan)).toBe(500_000 - 200_001);
    expect(host.queries.journal({ pan: quickPass.pan, status: 'approved' })).toHaveLength(2);
  });

  it('partial-approval approves at most 50.00 with 10 and says how much in field 4', () => {
    const { host, terminal } = bank();
    const partial = terminal.sale({ card: card('partial-approval'), amountMinor: 8_000 });
    expect(partial.code).toBe('10');
    expect(partial.answer.fields[4]).toBe('000000005000');
    expect(partial.answer.fields[38]).toMatch(/^\d{6}$/);
    expect(terminal.sale({ card: card('partial-approval'), amountMinor: 3_000 }).code).toBe('00');
    expect(host.queries.balance(card('partial-approval').pan)).toBe(100_000 - 5_000 - 3_000);
    expect(host.queries.journal({ pan: card('partial-approval').pan }).map((row) => [row.amountMinor, row.requestedMinor])).toEqual([
      [5_000, 8_000],
      [3_000, 3_000],
    ]);
    // A reversal undoes the approved amount, not the asked one.
    terminal.reverse(partial);
    expect(host.queries.balance(card('partial-approval').pan)).toBe(97_000);
  });

  it('slow-issuer answers 5 s later on the host clock while another terminal is served at once', async () => {
    const { host, clock, terminal } = bank();
    const other = TestTerminal.signedIn(host, 'T0000002');
    const slowEnd = terminalEnd(host);
    const fastEnd = terminalEnd(host);
    const start = clock.now();

    slowEnd.send(packSigned(terminal.saleRequest({ card: card('slow-issuer'), amountMinor: 2_000 }), terminal.keys.macKey));
    fastEnd.send(packSigned(other.saleRequest({ card: card('debit-approve'), amountMinor: 3_000 }), other.keys.macKey));
    await settle(() => slowEnd.answers.length + fastEnd.answers.length);
    expect(fastEnd.answers.map((bytes) => readAnswer(bytes).message.fields[39])).toEqual(['00']);
    expect(slowEnd.answers).toHaveLength(0);
    // Booked at once: a reversal arriving before the late answer finds it.
    expect(host.queries.balance(card('slow-issuer').pan)).toBe(1_000_000 - 2_000);

    clock.advanceTo(start + 4_999);
    await settle(() => slowEnd.answers.length);
    expect(slowEnd.answers).toHaveLength(0);
    clock.advanceTo(start + 5_000);
    await settle(() => slowEnd.answers.length);
    expect(slowEnd.answers.map((bytes) => readAnswer(bytes).message.fields[39])).toEqual(['00']);
  });

  it('timeout-issuer holds its answer 90 s, and a detached link never gets it', async () => {
    const { host, clock, terminal } = bank();
    expect(host.respond(packSigned(terminal.saleRequest({ card: card('timeout-issuer'), amountMinor: 100 }), terminal.keys.macKey))?.delayMs).toBe(
      90_000,
    );
    const end = terminalEnd(host);
    end.send(packSigned(terminal.saleRequest({ card: card('timeout-issuer'), amountMinor: 100 }), terminal.keys.macKey));
    await settle(() => end.answers.length);
    end.detach();
    clock.advanceTo(clock.now() + 120_000);
    await settle(() => end.answers.length);
    expect(end.answers).toHaveLength(0);
    expect(clock.pendingCount()).toBe(0);
  });
});

/** A terminal's end of a fresh link to the host: sends frames, collects answer frames. */
function terminalEnd(host: ReturnType<typeof hostFixture>['host']) {
  const [hostSide, terminalSide]: [ByteLink, ByteLink] = createLinkPair();
  const detach = host.attach(hostSide);
  const decoder = new LengthFrameDecoder();
  const answers: Uint8Array[] = [];
  terminalSide.onData((chunk) => answers.push(...decoder.push(chunk)));
  return { answers, detach, send: (body: Uint8Array) => terminalSide.write(encodeLengthFrame(body)) };
}
