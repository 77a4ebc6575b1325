/**
 * Administrative region codes (GB/T 2260, six digits) of the cities the risk rules can place on
 * a map, with a representative point for each (the city centre, to about 0.01°). A code ending
 * in `0000` is a province or a municipality, one ending in `00` a prefecture-level city; a
 * district code (e.g. 310115 Pudong) is placed at its city's point. Cities outside this table are
 * compared by code only: the travel rule stays silent rather than guess a distance.
 */
export interface RegionPoint {
  readonly code: string;
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

const table: readonly RegionPoint[] = [
  { code: '110000', name: 'Beijing', latitude: 39.9042, longitude: 116.4074 },
  { code: '120000', name: 'Tianjin', latitude: 39.3434, longitude: 117.3616 },
  { code: '130100', name: 'Shijiazhuang', latitude: 38.0428, longitude: 114.5149 },
  { code: '140100', name: 'Taiyuan', latitude: 37.8706, longitude: 112.5489 },
  { code: '150100', name: 'Hohhot', latitude: 40.8426, longitude: 111.749 },
  { code: '210100', name: 'Shenyang', latitude: 41.8057, longitude: 123.4315 },
  { code: '210200', name: 'Dalian', latitude: 38.914, longitude: 121.6147 },
  { code: '220100', name: 'Changchun', latitude: 43.8171, longitude: 125.3235 },
  { code: '230100', name: 'Harbin', latitude: 45.8038, longitude: 126.535 },
  { code: '310000', name: 'Shanghai', latitude: 31.2304, longitude: 121.4737 },
  { code: '320100', name: 'Nanjing', latitude: 32.0603, longitude: 118.7969 },
  { code: '320500', name: 'Suzhou', latitude: 31.299, longitude: 120.5853 },
  { code: '330100', name: 'Hangzhou', latitude: 30.2741, longitude: 120.1551 },
  { code: '330200', name: 'Ningbo', latitude: 29.8683, longitude: 121.544 },
  { code: '340100', name: 'Hefei', latitude: 31.8206, longitude: 117.2272 },
  { code: '350100', name: 'Fuzhou', latitude: 26.0745, longitude: 119.2965 },
  { code: '350200', name: 'Xiamen', latitude: 24.4798, longitude: 118.0894 },
  { code: '360100', name: 'Nanchang', latitude: 28.6829, longitude: 115.8579 },
  { code: '370100', name: 'Jinan', latitude: 36.6512, longitude: 117.1201 },
  { code: '370200', name: 'Qingdao', latitude: 36.0671, longitude: 120.3826 },
  { code: '410100', name: 'Zhengzhou', latitude: 34.7466, longitude: 113.6253 },
  { code: '420100', name: 'Wuhan', latitude: 30.5928, longitude: 114.3055 },
  { code: '430100', name: 'Changsha', latitude: 28.2282, longitude: 112.9388 },
  { code: '440100', name: 'Guangzhou', latitude: 23.1291, longitude: 113.2644 },
  { code: '440300', name: 'Shenzhen', latitude: 22.5431, longitude: 114.0579 },
  { code: '450100', name: 'Nanning', latitude: 22.817, longitude: 108.3665 },
  { code: '460100', name: 'Haikou', latitude: 20.044, longitude: 110.1999 },
  { code: '500000', name: 'Chongqing', latitude: 29.563, longitude: 106.5516 },
  { code: '510100', name: 'Chengdu', latitude: 30.5728, longitude: 104.0668 },
  { code: '520100', name: 'Guiyang', latitude: 26.647, longitude: 106.6302 },
  { code: '530100', name: 'Kunming', latitude: 24.8801, longitude: 102.8329 },
  { code: '540100', name: 'Lhasa', latitude: 29.652, longitude: 91.1721 },
  { code: '610100', name: "Xi'an", latitude: 34.3416, longitude: 108.9398 },
  { code: '620100', name: 'Lanzhou', latitude: 36.0611, longitude: 103.8343 },
  { code: '630100', name: 'Xining', latitude: 36.6171, longitude: 101.7782 },
  { code: '640100', name: 'Yinchuan', latitude: 38.4872, longitude: 106.2309 },
  { code: '650100', name: 'Urumqi', latitude: 43.8256, longitude: 87.6168 },
  { code: '810000', name: 'Hong Kong', latitude: 22.3193, longitude: 114.1694 },
  { code: '820000', name: 'Macau', latitude: 22.1987, longitude: 113.5439 },
];

const byCode: ReadonlyMap<string, RegionPoint> = new Map(table.map((region) => [region.code, region]));

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/** The point for a code: the code itself, else its prefecture, else its province or municipality. */
export function regionPoint(code: string): RegionPoint | undefined {
  if (!isRegionCode(code)) return undefined;
  return byCode.get(code) ?? byCode.get(`${code.slice(0, 4)}00`) ?? byCode.get(`${code.slice(0, 2)}0000`);
}

/**
 * Whether a reported location lies inside a registered region. A registration names an area by
 * the code's significant digits: `310000` covers every Shanghai district, `440300` all of
 * Shenzhen, `310115` only Pudong. Anything that is not a region code must match exactly.
 */
export function regionContains(registered: string, reported: string): boolean {
  // A terminal at home reports its own registered code: that answer needs no parsing.
  if (registered === reported) return true;
  if (!isRegionCode(registered) || !isRegionCode(reported)) return registered === reported;
  const significant = registered.endsWith('0000') ? 2 : registered.endsWith('00') ? 4 : 6;
  return registered.slice(0, significant) === reported.slice(0, significant);
}

/** `310000 (Shanghai)` for messages; a code the table does not know stays a bare code. */
export function regionLabel(code: string): string {
  const point = regionPoint(code);
  return point ? `${code} (${point.name})` : code;
}
