import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EscPosParser } from './escpos-parser.ts';
import type { EscPosItem } from './escpos-parser.ts';

function parse(bytes: number[]): EscPosItem[] {
  const parser = new EscPosParser();
  return bytes.flatMap((byte) => parser.push(byte) ?? []);
}

function summary(items: EscPosItem[]): string[] {
  return items.map((item) => {
    if (item.kind === 'text') return String.fromCharCode(item.byte);
    if (item.kind === 'command') return `${item.command.name}(${item.args.join(',')})`;
    return `${item.kind}[${item.bytes.join(',')}]`;
  });
}

describe('ESC/POS parser', () => {
  it('separates text from commands with their arguments', () => {
    const bytes = [0x1b, 0x40, 0x1b, 0x45, 1, 0x41, 0x0a, 0x1d, 0x56, 0x41, 3, 0x10, 0x04, 2];
    expect(summary(parse(bytes))).toEqual(['initialise()', 'bold(1)', 'A', 'line-feed()', 'feed-and-cut-full(3)', 'realtime-status(2)']);
  });

  it('skips the argument of a tolerated command instead of printing it', () => {
    expect(summary(parse([0x1b, 0x21, 0x30, 0x42]))).toEqual(['tolerated[27,33,48]', 'B']);
  });

  it('reports an unknown command with the bytes it swallowed', () => {
    expect(summary(parse([0x1b, 0x7a, 0x43, 0x1d, 0x56, 0x07, 0x44]))).toEqual(['unknown[27,122]', 'C', 'unknown[29,86,7]', 'D']);
  });

  it('ignores C0 controls that are not commands and keeps Latin-1 bytes as text', () => {
    expect(summary(parse([0x0d, 0x09, 0x45, 0xe9, 0x7f]))).toEqual(['E', '\u00e9']);
  });

  it('never throws and never loses track on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const parser = new EscPosParser();
        for (const byte of bytes) parser.push(byte);
        // Whatever came before, a complete command afterwards is recognised.
        const tail = [0x0a, 0x0a, 0x0a, 0x1b, 0x40].map((byte) => parser.push(byte));
        expect(tail.at(-1)).toMatchObject({ kind: 'command', command: { name: 'initialise' } });
      }),
      { seed: 42 },
    );
  });
});
