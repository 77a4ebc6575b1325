import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ESCPOS_COMMANDS } from '../../protocol/escpos/commands.ts';
import { EscPosParser } from './escpos-parser.ts';
import type { EscPosItem } from './escpos-parser.ts';

function parse(bytes: readonly number[]): EscPosItem[] {
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

function itemBytes(item: EscPosItem): number[] {
  if (item.kind === 'text') return [item.byte];
  if (item.kind === 'command') return [...item.command.prefix, ...item.args];
  return [...item.bytes];
}

describe('ESC/POS parser', () => {
  it('separates text from commands with their arguments', () => {
    const bytes = [0x1b, 0x40, 0x1b, 0x45, 1, 0x41, 0x0a, 0x1d, 0x56, 0x41, 3, 0x10, 0x04, 2];
    expect(summary(parse(bytes))).toEqual(['initialise()', 'bold(1)', 'A', 'line-feed()', 'cut(65,3)', 'realtime-status(2)']);
  });

  it('takes variable-length commands whole: a raster image and a NUL-terminated bar code', () => {
    const raster = [0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x0a, 0x1b];
    const ean = [0x1d, 0x6b, 2, ...Buffer.from('490123456789'), 0];
    expect(summary(parse([...raster, ...ean, 0x41]))).toEqual(['raster-image(0,1,0,2,0,10,27)', `barcode(2,${[...Buffer.from('490123456789')].join(',')},0)`, 'A']);
  });

  it('reports an unknown command and prints what follows it', () => {
    expect(summary(parse([0x1b, 0x7a, 0x43, 0x1d, 0x28, 0x5a, 0x44]))).toEqual(['unknown[27,122]', 'C', 'unknown[29,40,90]', 'D']);
  });

  it('ignores C0 controls that are not commands and keeps high bytes as text', () => {
    expect(summary(parse([0x00, 0x07, 0x45, 0xe9, 0x7f]))).toEqual(['E', '\u00e9', '\u007f']);
  });

  it('recognises every command of the table with minimal arguments', () => {
    for (const command of ESCPOS_COMMANDS) {
      const parser = new EscPosParser();
      let item: EscPosItem | undefined;
      for (const byte of command.prefix) item = parser.push(byte);
      // Zero arguments finish almost every layout; a few need their first byte to say how many.
      for (let i = 0; i < 80 && !item; i++) item = parser.push(0);
      expect(item, command.name).toMatchObject({ kind: 'command', command: { name: command.name } });
    }
  });

  it('accounts for every byte: items put back together give the input, less ignored controls', () => {
    const noisy = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10)), { maxLength: 300 });
    fc.assert(
      fc.property(noisy, (bytes) => {
        const parser = new EscPosParser();
        const out: number[] = [];
        const kept: number[] = [];
        for (const byte of bytes) {
          kept.push(byte);
          const item = parser.push(byte);
          if (item) out.push(...itemBytes(item));
          else if (!parser.busy) kept.pop();
        }
        expect(out).toEqual(kept.slice(0, out.length));
        expect(kept.length > out.length).toBe(parser.busy);
      }),
      { seed: 42 },
    );
  });
});
