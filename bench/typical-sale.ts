import type { IsoMessage } from '../protocol/iso8583/types.ts';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

/**
 * A typical chip sale request (0200) with 19 fields, as a terminal sends it: PAN, track 2, PIN
 * block, ICC data, location and MAC. Test values only: the PAN is a documented test card.
 */
export const typicalSale: IsoMessage = {
  mti: '0200',
  fields: {
    2: '6222021234567890123',
    3: '000000',
    4: '000000012850',
    11: '000123',
    14: '2812',
    22: '051',
    23: '001',
    25: '00',
    26: '12',
    35: '6222021234567890123=28122201000000',
    41: 'T0000001',
    42: '898310048160001',
    49: '156',
    52: hex('0123456789ABCDEF'),
    53: '2600000000000000',
    55: hex('9F2608A1B2C3D4E5F607089F2701809F100807010103A0A000019F3704CAFEBABE9F360200019505008004E800'),
    59: 'region=310000;cell=4021',
    60: '22000001000',
    64: hex('0011223344556677'),
  },
};

/** The same message for the `iso_8583` package: binary fields as hex text, track 2's separator as D. */
export function asIso8583Json(message: IsoMessage): Record<string, string> {
  const json: Record<string, string> = { 0: message.mti };
  for (const [key, value] of Object.entries(message.fields)) {
    if (value === undefined) continue;
    json[key] = typeof value === 'string' ? value.replace('=', 'D') : Buffer.from(value).toString('hex').toUpperCase();
  }
  return json;
}

/** Where the package's defaults differ from this dialect's field sizes, so it accepts the same values. */
export const iso8583PackageFormats = {
  53: { ContentType: 'n', Label: 'Security related control information', LenType: 'fixed', MaxLen: 16 },
  64: { ContentType: 'b', Label: 'Message authentication code', LenType: 'fixed', MaxLen: 16 },
};
