/** Terminals in this dialect run on China Standard Time (UTC+8) with no daylight saving. */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function localDateTime(ms: number): { yymmdd: string; display: string } {
  const iso = new Date(ms + CST_OFFSET_MS).toISOString();
  return {
    yymmdd: iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10),
    display: `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 19)}`,
  };
}
