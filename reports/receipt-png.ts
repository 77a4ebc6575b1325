import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Re-encodes a black-and-white receipt PNG (base64) as a 1-bit greyscale PNG: thermal paper
 * has two colours, and eight dots to a byte keeps a hundred scenarios' receipts inside the
 * report's size budget (about a third of the 8-bit file).
 */
export function oneBitPng(base64: string): string {
  const image = PNG.sync.read(Buffer.from(base64, 'base64'));
  const rowBytes = Math.ceil(image.width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const row = y * (rowBytes + 1);
    for (let x = 0; x < image.width; x++) {
      // pngjs hands back RGBA; a light dot is paper (bit set = white in greyscale).
      if (image.data[(y * image.width + x) * 4]! >= 128) raw[row + 1 + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]).toString(
    'base64',
  );
}
