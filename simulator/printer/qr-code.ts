/**
 * QR codes as `GS ( k` prints them: the stored data bytes encoded by qrcode-generator (model 2,
 * the level the printer is set to) and drawn `module` dots per module. The printer leaves a
 * quiet zone of 4 modules on each side, as the symbology requires, within the printed width.
 */
import qrcode from 'qrcode-generator';
import { Bitmap } from './bitmap.ts';
import type { QrLevel } from './print-mode.ts';

const QUIET_MODULES = 4;
/** The most bytes a version 40 symbol holds at level L in byte mode. */
const MAX_BYTES = 2953;

export function drawQrCode(data: readonly number[], level: QrLevel, module: number): Bitmap | { readonly invalid: string } {
  if (data.length === 0) return { invalid: 'no QR data stored' };
  if (data.length > MAX_BYTES) return { invalid: `${data.length} bytes do not fit a QR code` };
  const symbol = qrcode(0, level);
  try {
    symbol.addData(Buffer.from(data).toString('latin1'), 'Byte');
    symbol.make();
  } catch (error) {
    return { invalid: `QR code: ${error instanceof Error ? error.message : String(error)}` };
  }
  const count = symbol.getModuleCount();
  const size = (count + 2 * QUIET_MODULES) * module;
  const bitmap = new Bitmap(size, size);
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (symbol.isDark(row, col)) bitmap.fill((col + QUIET_MODULES) * module, (row + QUIET_MODULES) * module, module, module);
    }
  }
  return bitmap;
}
