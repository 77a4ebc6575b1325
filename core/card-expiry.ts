import { localDateTime } from './local-time.ts';

/**
 * A card is good to the last day of its expiry month (YYMM, years 20YY), in the terminal's
 * local time. An expiry that is not four digits cannot be judged here and is left to the issuer.
 */
export function cardExpired(expiry: string, nowMs: number): boolean {
  if (!/^\d{2}(0[1-9]|1[0-2])$/.test(expiry)) return false;
  return expiry < localDateTime(nowMs).yymmdd.slice(0, 4);
}
