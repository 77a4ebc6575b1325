/**
 * Builders for the variable-length commands a driver sends: bar codes (GS k), QR codes
 * (GS ( k) and raster images (GS v 0). Each returns the complete bytes, settings included,
 * so one call prints one symbol or image.
 */
import { EscPosArgumentError, GS, encodeCommand, u16 } from './commands.ts';

export type BarcodeSymbology = 'CODE128' | 'EAN13';

export interface BarcodeOptions {
  /** Bar height in dots (1-255); default 80. */
  readonly height?: number;
  /** Narrow module width in dots (2-6); default 2. */
  readonly module?: number;
  /** Print the human-readable text below the bars; default true. */
  readonly hri?: boolean;
}

const bytesOf = (text: string): number[] => [...Buffer.from(text, 'latin1')];

export function encodeBarcode(symbology: BarcodeSymbology, data: string, options: BarcodeOptions = {}): Uint8Array {
  let m: number;
  let body: number[];
  if (symbology === 'EAN13') {
    if (!/^\d{12,13}$/.test(data)) throw new EscPosArgumentError(`EAN13 takes 12 or 13 digits, not ${JSON.stringify(data)}`);
    [m, body] = [67, bytesOf(data)];
  } else {
    if (!/^[\x20-\x7e]{1,250}$/.test(data)) throw new EscPosArgumentError(`CODE128 takes 1-250 printable ASCII characters, not ${JSON.stringify(data)}`);
    // Code set B; a brace is doubled because `{` starts a code set switch.
    [m, body] = [73, [0x7b, 0x42, ...bytesOf(data.replaceAll('{', '{{'))]];
  }
  if (body.length > 255) throw new EscPosArgumentError('bar code data too long');
  return Uint8Array.from([
    ...encodeCommand('hri-position', options.hri === false ? 0 : 2),
    ...encodeCommand('barcode-height', options.height ?? 80),
    ...encodeCommand('barcode-module-width', options.module ?? 2),
    GS, 0x6b, m, body.length, ...body,
  ]);
}

export type QrLevel = 'L' | 'M' | 'Q' | 'H';

const qrFunction = (fn: number, ...params: number[]): number[] => [GS, 0x28, 0x6b, ...u16(params.length + 2), 49, fn, ...params];

/** Model 2 QR code of `data` (UTF-8), `module` dots per module (1-16), stored then printed. */
export function encodeQrCode(data: string, options: { module?: number; level?: QrLevel } = {}): Uint8Array {
  const bytes = [...Buffer.from(data, 'utf8')];
  const module = options.module ?? 4;
  if (bytes.length === 0 || bytes.length > 2953) throw new EscPosArgumentError(`a QR code holds 1-2953 bytes, not ${bytes.length}`);
  if (!Number.isInteger(module) || module < 1 || module > 16) throw new EscPosArgumentError(`QR module size ${module} is not 1-16`);
  return Uint8Array.from([
    ...qrFunction(65, 50, 0),
    ...qrFunction(67, module),
    ...qrFunction(69, 48 + 'LMQH'.indexOf(options.level ?? 'M')),
    ...qrFunction(80, 48, ...bytes),
    ...qrFunction(81, 48),
  ]);
}

/** A black-and-white picture: `dots[y * width + x]` is 1 where the head prints. */
export interface MonochromeImage {
  readonly width: number;
  readonly height: number;
  readonly dots: Uint8Array;
}

/** GS v 0 at normal size: rows of ceil(width / 8) bytes, most significant bit leftmost. */
export function encodeRasterImage(image: MonochromeImage): Uint8Array {
  const widthBytes = Math.ceil(image.width / 8);
  if (image.dots.length !== image.width * image.height) throw new EscPosArgumentError('image dots do not match its size');
  const data = new Array<number>(widthBytes * image.height).fill(0);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.dots[y * image.width + x]) data[y * widthBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return Uint8Array.from([GS, 0x76, 0x30, 0, ...u16(widthBytes), ...u16(image.height), ...data]);
}
