/** The few calls bench/ makes on the untyped `iso_8583` npm package (v2), for the comparison only. */
declare module 'iso_8583' {
  type IsoJson = Record<string, string>;
  interface FieldFormat {
    ContentType: string;
    Label: string;
    LenType: string;
    MaxLen: number;
  }
  class Iso8583 {
    constructor(message?: IsoJson, customFormats?: Record<string, FieldFormat>);
    getBufferMessage(): Buffer | { error: string };
    getIsoJSON(buffer: Buffer, config: Record<string, unknown>): IsoJson | { error: string };
  }
  export default Iso8583;
}
