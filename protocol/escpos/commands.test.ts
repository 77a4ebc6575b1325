import { describe, it, expect } from 'vitest';
import { ESCPOS_COMMANDS, EscPosArgumentError, characterSizeArg, columnsFor, encodeCommand } from './commands.ts';

describe('ESC/POS command table', () => {
  it('has no prefix that starts another, so a byte-at-a-time parser can decide', () => {
    for (const a of ESCPOS_COMMANDS) {
      for (const b of ESCPOS_COMMANDS) {
        if (a === b) continue;
        const starts = a.prefix.every((byte, i) => b.prefix[i] === byte);
        expect(starts, `${a.name} is a prefix of ${b.name}`).toBe(false);
      }
    }
  });

  it('encodes the commands of docs/devices.md byte for byte', () => {
    expect([...encodeCommand('initialise')]).toEqual([0x1b, 0x40]);
    expect([...encodeCommand('bold', 1)]).toEqual([0x1b, 0x45, 0x01]);
    expect([...encodeCommand('character-size', 0x11)]).toEqual([0x1d, 0x21, 0x11]);
    expect([...encodeCommand('align', 2)]).toEqual([0x1b, 0x61, 0x02]);
    expect([...encodeCommand('print-and-feed-lines', 3)]).toEqual([0x1b, 0x64, 0x03]);
    expect([...encodeCommand('line-feed')]).toEqual([0x0a]);
    expect([...encodeCommand('cut', 0)]).toEqual([0x1d, 0x56, 0x00]);
    expect([...encodeCommand('cut', 0x31)]).toEqual([0x1d, 0x56, 0x31]);
    expect([...encodeCommand('cut', 65, 5)]).toEqual([0x1d, 0x56, 0x41, 0x05]);
    expect([...encodeCommand('line-spacing', 24)]).toEqual([0x1b, 0x33, 24]);
    expect([...encodeCommand('chinese-mode-on')]).toEqual([0x1c, 0x26]);
    expect([...encodeCommand('realtime-status', 4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('refuses a wrong argument count or a value that is not a byte', () => {
    expect(() => encodeCommand('bold')).toThrow(EscPosArgumentError);
    expect(() => encodeCommand('line-feed', 1)).toThrow(EscPosArgumentError);
    expect(() => encodeCommand('align', 256)).toThrow(/not a byte/);
    expect(() => encodeCommand('align', 1.5)).toThrow(/not a byte/);
    expect(() => encodeCommand('raster-image', 0)).toThrow(/variable/);
  });

  it('packs character size as Epson does: width in the high nibble, height in the low', () => {
    expect(characterSizeArg(1, 1)).toBe(0x00);
    expect(characterSizeArg(2, 1)).toBe(0x10);
    expect(characterSizeArg(1, 2)).toBe(0x01);
    expect(characterSizeArg(2, 2)).toBe(0x11);
    expect(characterSizeArg(8, 3)).toBe(0x72);
    expect(() => characterSizeArg(9, 1)).toThrow(EscPosArgumentError);
  });

  it('gives Font A columns for 58 mm and 80 mm heads', () => {
    expect(columnsFor(384)).toBe(32);
    expect(columnsFor(576)).toBe(48);
    expect(columnsFor(384, 2)).toBe(16);
  });
});
