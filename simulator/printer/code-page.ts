/**
 * How the printer turns the text bytes of one line into characters. Latin-1 maps each byte to
 * the code point of the same value. A multi-byte code page (GB18030 for Chinese receipts) plugs
 * in here; it sees a whole line at once, so a character split across serial chunks still decodes.
 */
export interface CodePage {
  readonly name: string;
  decode(bytes: Uint8Array): string;
}

export const latin1CodePage: CodePage = {
  name: 'latin1',
  decode: (bytes) => String.fromCharCode(...bytes),
};
