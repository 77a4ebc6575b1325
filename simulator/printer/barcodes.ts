/**
 * `GS k` bar codes: the symbology and data as ESC/POS carries them, turned into bar widths by
 * bwip-js (never a hand-written encoder) and drawn at the module width and height the printer
 * is set to. Data the symbology cannot take (a wrong check digit, a letter in EAN-13, CODE128
 * without a code set) prints nothing, as on a real printer.
 */
import bwipjs from 'bwip-js';
import { Bitmap } from './bitmap.ts';

export interface Barcode {
  readonly symbology: string;
  /** The human-readable text (HRI) as the printer would print it under or over the bars. */
  readonly text: string;
  /** Bar, space, bar... widths in modules, starting with a bar. */
  readonly widths: readonly number[];
}

interface Symbology {
  readonly name: string;
  readonly bcid: string;
}

const BY_M: Readonly<Record<number, Symbology>> = {
  0: { name: 'UPC-A', bcid: 'upca' },
  1: { name: 'UPC-E', bcid: 'upce' },
  2: { name: 'EAN13', bcid: 'ean13' },
  3: { name: 'EAN8', bcid: 'ean8' },
  4: { name: 'CODE39', bcid: 'code39' },
  5: { name: 'ITF', bcid: 'interleaved2of5' },
  6: { name: 'CODABAR', bcid: 'rationalizedCodabar' },
  72: { name: 'CODE93', bcid: 'code93' },
  73: { name: 'CODE128', bcid: 'code128' },
};

/** m 65-71 are the counted forms of m 0-6. */
function symbologyFor(m: number): Symbology | undefined {
  return BY_M[m >= 65 && m <= 71 ? m - 65 : m];
}

/** The data bytes of `GS k m ...` in either form. */
function dataOf(args: readonly number[]): number[] {
  return args[0]! <= 6 ? args.slice(1, -1) : args.slice(2, 2 + args[1]!);
}

/** bwip-js's escape for a byte when `parse` is on. */
const escaped = (code: number): string => `^${code.toString().padStart(3, '0')}`;

/**
 * ESC/POS CODE128 data selects code sets inline: `{A`, `{B`, `{C` switch sets, `{S` shifts,
 * `{1`..`{4` are FNC1..4, `{{` is a brace. In set C each byte is a pair of digits. The result
 * is the text for bwip-js (which picks its own code sets) and the HRI text.
 */
function code128(data: readonly number[]): { bwip: string; text: string } | undefined {
  if (data[0] !== 0x7b || ![0x41, 0x42, 0x43].includes(data[1]!)) return undefined;
  let set = data[1]!;
  let bwip = '';
  let text = '';
  for (let i = 2; i < data.length; i++) {
    const byte = data[i]!;
    if (byte === 0x7b) {
      const next = data[++i];
      if (next === 0x41 || next === 0x42 || next === 0x43) set = next;
      else if (next === 0x31) bwip += '^FNC1';
      else if (next === 0x32) bwip += '^FNC2';
      else if (next === 0x33) bwip += '^FNC3';
      else if (next === 0x34) bwip += '^FNC4';
      else if (next === 0x7b) [bwip, text] = [bwip + '{', text + '{'];
      else if (next !== 0x53) return undefined;
    } else if (set === 0x43) {
      if (byte > 99) return undefined;
      const digits = byte.toString().padStart(2, '0');
      [bwip, text] = [bwip + digits, text + digits];
    } else {
      const printable = byte >= 0x20 && byte < 0x7f && byte !== 0x5e;
      bwip += printable ? String.fromCharCode(byte) : escaped(byte);
      text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ' ';
    }
  }
  return { bwip, text };
}

/** The bar code `GS k` asks for, or a reason it prints nothing. */
export function decodeBarcode(args: readonly number[]): Barcode | { readonly invalid: string } {
  const symbology = symbologyFor(args[0]!);
  if (!symbology) return { invalid: `bar code type ${args[0]} is not supported` };
  const data = dataOf(args);
  let text = Buffer.from(data).toString('latin1');
  let bwip = text;
  if (symbology.bcid === 'code128') {
    const parsed = code128(data);
    if (!parsed) return { invalid: 'CODE128 data must start with {A, {B or {C' };
    ({ bwip, text } = parsed);
  } else if (symbology.bcid === 'code39') {
    bwip = text.replace(/^\*|\*$/g, '');
  }
  try {
    const options = symbology.bcid === 'code128' ? { parse: true, parsefnc: true } : { includetext: true };
    const [symbol] = bwipjs.raw(symbology.bcid, bwip, options) as { sbs: number[]; txt?: [string, ...unknown[]][] }[];
    const hri = symbol!.txt?.map(([part]) => part).join('');
    return { symbology: symbology.name, text: symbology.bcid === 'code128' || !hri ? text : hri, widths: symbol!.sbs };
  } catch (error) {
    return { invalid: `${symbology.name} cannot encode ${JSON.stringify(text)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The bars alone, `module` dots per module and `height` dots tall. */
export function drawBars(barcode: Barcode, module: number, height: number): Bitmap {
  const modules = barcode.widths.reduce((sum, width) => sum + width, 0);
  const bars = new Bitmap(Math.round(modules * module), height);
  let x = 0;
  barcode.widths.forEach((width, i) => {
    const dots = Math.round(width * module);
    if (i % 2 === 0) bars.fill(x, 0, dots, height);
    x += dots;
  });
  return bars;
}
