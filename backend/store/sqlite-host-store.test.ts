import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scratchDatabases } from '../test-support/scratch-databases.ts';
import Database from 'better-sqlite3';
import { cards, hostFixture, provisionShop, readAnswer, saleRequest, signIn, terminalMasterKey } from '../test-support/terminal-messages.ts';
import { migrations } from './migrations.ts';
import { onRollback, openHostStore, sqliteDatabaseOf } from './sqlite-host-store.ts';

const scratchFile = scratchDatabases('host-store');

describe('host store', () => {
  it('keeps an approval across close and reopen of a file store', () => {
    const file = scratchFile();
    const store = openHostStore({ file });
    const first = hostFixture({ store });
    provisionShop(first.host);
    const keys = signIn(first.host);
    const answer = readAnswer(first.host.handle(saleRequest({ stan: '000002', amountMinor: 2_500, card: cards.debit, pin: cards.debit.pin }, keys)));
    expect(answer.message.fields[39]).toBe('00');
    first.host.close();
    store.close();

    const reopened = openHostStore({ file });
    const second = hostFixture({ store: reopened });
    expect(second.host.queries.balance(cards.debit.pan)).toBe(497_500);
    expect(second.host.queries.journal()).toMatchObject([{ stan: '000002', status: 'approved', authCode: answer.message.fields[38] }]);
    // The terminal's keys survive too: the same STAN is still a duplicate, a new one is served.
    expect(readAnswer(second.host.handle(saleRequest({ stan: '000002', amountMinor: 2_500, card: cards.debit, pin: cards.debit.pin }, keys))).message.fields[39]).toBe('94');
    expect(readAnswer(second.host.handle(saleRequest({ stan: '000003', amountMinor: 2_500, card: cards.debit, pin: cards.debit.pin }, keys))).message.fields[39]).toBe('00');
    second.host.close();
    reopened.close();
  });

  it('hands out terminal records that follow every write and forget a rolled-back transaction', () => {
    const store = openHostStore();
    store.addMerchant({ id: 'M1', name: 'Shop', mcc: '5411', region: '310000' });
    store.addTerminal({ terminalId: 'T1', merchantId: 'M1', tmkWrapped: new Uint8Array(16), batch: '000001' });
    expect(store.terminal('T1')).toMatchObject({ batch: '000001', lastStan: undefined, signedIn: false });

    store.recordStan('T1', '000007');
    expect(store.terminal('T1')?.lastStan).toBe('000007');
    const keys = { pinKeyWrapped: new Uint8Array(16).fill(1), pinKeyKcv: 'AAAA', macKeyWrapped: new Uint8Array(16).fill(2), macKeyKcv: 'BBBB' };
    store.recordSignIn('T1', keys, '000008');
    expect(store.terminal('T1')).toMatchObject({ signedIn: true, lastStan: '000008', workingKeys: { macKeyKcv: 'BBBB' } });

    expect(() =>
      store.transaction(() => {
        store.openBatch('T1', '000002');
        store.recordStan('T1', '000009');
        store.recordSignOut('T1', '000010');
        expect(store.terminal('T1')).toMatchObject({ batch: '000002', lastStan: '000010', signedIn: false });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(store.terminal('T1')).toMatchObject({ batch: '000001', lastStan: '000008', signedIn: true });
    store.close();
  });

  it('makes a commit group durable only when it commits, each transaction inside rolling back alone', () => {
    const file = scratchFile();
    const store = openHostStore({ file });
    const { host } = hostFixture({ store });
    provisionShop(host);
    const keys = signIn(host);
    const reader = new Database(file, { readonly: true });
    const journaled = () => (reader.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    const sale = (stan: string, amountMinor: number) =>
      readAnswer(host.handle(saleRequest({ stan, amountMinor, card: cards.debit, pin: cards.debit.pin }, keys))).message.fields[39];

    const codes = host.commitGroup(() => {
      const answered = [sale('000002', 1_000), sale('000002', 9_000), sale('000003', 2_000)];
      expect(journaled()).toBe(0);
      return answered;
    });
    expect(codes).toEqual(['00', '94', '00']);
    expect(journaled()).toBe(2);
    expect(host.queries.balance(cards.debit.pan)).toBe(cards.debit.balanceMinor - 3_000);
    reader.close();
    host.close();
    store.close();
  });

  it('commits a group that asks to hear when it is durable without waiting for the disk, then calls back', async () => {
    const file = scratchFile();
    const store = openHostStore({ file });
    const { host } = hostFixture({ store });
    provisionShop(host);
    const keys = signIn(host);
    const db = sqliteDatabaseOf(store)!;
    const synchronous = () => db.pragma('synchronous', { simple: true });
    let durable = false;
    const synced = new Promise<Error | undefined>((resolve) =>
      host.commitGroup(
        () => {
          expect(synchronous()).toBe(1);
          host.handle(saleRequest({ stan: '000002', amountMinor: 1_000, card: cards.debit, pin: cards.debit.pin }, keys));
        },
        (error) => {
          durable = true;
          resolve(error);
        },
      ),
    );
    expect(durable).toBe(false);
    // Everything outside such a group still syncs as it commits.
    expect(synchronous()).toBe(2);
    expect(await synced).toBeUndefined();
    host.close();
    store.close();
    const reopened = openHostStore({ file });
    expect(reopened.journal()).toHaveLength(1);
    reopened.close();
  });

  it('undoes the whole group and forgets cached records when its commit fails', () => {
    const store = openHostStore();
    let rollbacks = 0;
    onRollback(store, () => rollbacks++);
    store.addMerchant({ id: 'M1', name: 'Shop', mcc: '5411', region: '310000' });
    store.addTerminal({ terminalId: 'T1', merchantId: 'M1', tmkWrapped: new Uint8Array(16), batch: '000001' });

    const group = () =>
      store.commitGroup(() => {
        store.transaction(() => store.recordStan('T1', '000005'));
        expect(() =>
          store.transaction(() => {
            store.openBatch('T1', '000002');
            throw new Error('this request fails');
          }),
        ).toThrow('this request fails');
        expect(store.terminal('T1')).toMatchObject({ batch: '000001', lastStan: '000005' });
        // Checked only at COMMIT: a terminal of no merchant makes the commit itself fail.
        sqliteDatabaseOf(store)?.pragma('defer_foreign_keys = ON');
        store.addTerminal({ terminalId: 'T2', merchantId: 'none', tmkWrapped: new Uint8Array(16), batch: '000001' });
      });
    expect(group).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }));
    expect(rollbacks).toBe(2);
    expect(store.terminal('T1')).toMatchObject({ batch: '000001', lastStan: undefined });
    expect(store.terminal('T2')).toBeUndefined();
    store.close();
  });

  it('runs in WAL mode with synchronous FULL when file-backed', () => {
    const file = scratchFile();
    openHostStore({ file }).close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)?.version);
    db.close();
  });

  it('refuses a store written under another local master key', () => {
    const file = scratchFile();
    const store = openHostStore({ file });
    hostFixture({ store, localMasterKey: new Uint8Array(16).fill(0x11) }).host.close();
    expect(() => hostFixture({ store, localMasterKey: new Uint8Array(16).fill(0x22) })).toThrow(
      expect.objectContaining({ code: 'HOST_LMK_MISMATCH' }),
    );
    store.close();
  });

  it('refuses a file from a newer host', () => {
    const file = scratchFile();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openHostStore({ file })).toThrow(expect.objectContaining({ code: 'HOST_STORE_VERSION' }));
  });

  it('never writes a clear PAN, PIN or master key to the file', () => {
    const file = scratchFile();
    const store = openHostStore({ file });
    const { host } = hostFixture({ store });
    provisionShop(host);
    const keys = signIn(host);
    host.handle(saleRequest({ stan: '000002', amountMinor: 100, card: cards.debit, pin: cards.debit.pin }, keys));
    host.close();
    store.close();

    const db = new Database(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(cards.debit.pan))).toBe(false);
    expect(bytes.includes(Buffer.from(terminalMasterKey))).toBe(false);
    expect(bytes.includes(Buffer.from(keys.macKey))).toBe(false);
    expect(bytes.includes(Buffer.from(keys.pinKey))).toBe(false);
    expect(bytes.includes(Buffer.from('622202*********0123'))).toBe(true);
  });

  it('refuses a debit that would take a balance below zero', () => {
    const store = openHostStore();
    store.addCard({
      panToken: 'token',
      panMasked: '622202*********0123',
      expiry: '2812',
      status: 'active',
      product: 'debit',
      balanceMinor: 100,
      heldMinor: 0,
      pinVerifier: 'verifier',
      pinTries: 0,
      behaviour: undefined,
      delayMs: undefined,
      partialLimitMinor: undefined,
    });
    expect(() => store.debit('token', 101)).toThrow(expect.objectContaining({ code: 'HOST_INVALID' }));
    store.debit('token', 100);
    expect(store.card('token')?.balanceMinor).toBe(0);
    store.close();
  });
});
