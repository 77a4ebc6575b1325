import { describe, expect, it } from 'vitest';
import { createLinkPair } from './byte-link.ts';
import { LinkDownError } from './errors.ts';

describe('createLinkPair', () => {
  it('delivers what one end writes to the other, later and in order', async () => {
    const [a, b] = createLinkPair();
    const received: number[] = [];
    b.onData((bytes) => received.push(...bytes));
    a.write(Uint8Array.of(1, 2));
    a.write(Uint8Array.of(3));
    expect(received).toEqual([]);
    await Promise.resolve();
    expect(received).toEqual([1, 2, 3]);
  });

  it('refuses writes once either end is closed and tells both ends', () => {
    const [a, b] = createLinkPair();
    const statuses: boolean[] = [];
    a.onStatus((up) => statuses.push(up));
    b.close();
    expect(a.up).toBe(false);
    expect(() => a.write(Uint8Array.of(1))).toThrow(LinkDownError);
    expect(statuses).toEqual([false]);
  });
});
