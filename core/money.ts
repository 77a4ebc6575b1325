/** Amounts live as integer minor units (fen); only screens and receipts see a decimal point. */
export function formatMinor(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const yuan = Math.floor(abs / 100);
  const fen = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${fen}`;
}

/** Amount keying as on a POS keypad: each digit shifts in from the right ("1","2","8","5","0" → 128.50). */
export function shiftInDigit(minor: number, digit: number, maxDigits = 10): number {
  const next = minor * 10 + digit;
  return String(next).length > maxDigits ? minor : next;
}
