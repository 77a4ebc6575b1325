import Iso8583 from 'iso_8583';
import { Bench } from 'tinybench';
import { packMessage, unpackMessage } from '../protocol/iso8583/codec.ts';
import { cupPos } from '../protocol/iso8583/dialect-cup-pos.ts';
import { asIso8583Json, iso8583PackageFormats, typicalSale } from './typical-sale.ts';

const BATCH = 20;

export interface CodecFigures {
  readonly fields: number;
  readonly ours: { readonly medianUs: number; readonly bytes: number };
  readonly iso8583Package: { readonly medianUs: number; readonly bytes: number };
  /** How many times faster ours is at the median. */
  readonly ratio: number;
}

/**
 * Pack + unpack of the same 0200 with our table-driven codec (cup-pos: BCD, binary bitmap) and
 * with the `iso_8583` npm package (its default ASCII encoding), in one tinybench run. Both
 * round trips are checked to give back the message before anything is timed.
 */
export async function benchCodec(timeMs: number): Promise<CodecFigures> {
  const json = asIso8583Json(typicalSale);
  const ours = () => unpackMessage(cupPos, packMessage(cupPos, typicalSale)).message;
  const theirs = () => {
    const packed = new Iso8583(json, iso8583PackageFormats).getBufferMessage();
    if (!Buffer.isBuffer(packed)) throw new Error(`iso_8583 could not pack: ${packed.error}`);
    return new Iso8583(undefined, iso8583PackageFormats).getIsoJSON(packed, {});
  };
  checkRoundTrips(ours(), theirs(), json);

  // Each sample times a batch, so the timer's own cost (~0.1 µs) is a small part of a sample.
  const batch = (once: () => unknown) => () => {
    for (let i = 0; i < BATCH; i++) once();
  };
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(500, timeMs / 2) });
  bench.add('poslab codec (cup-pos)', batch(ours)).add('iso_8583 npm package', batch(theirs));
  await bench.run();
  const median = (index: number) => {
    const result = bench.tasks[index]?.result;
    if (result?.state !== 'completed') throw new Error(`benchmark task ${index} did not complete (${result?.state})`);
    return (result.latency.p50 * 1000) / BATCH;
  };
  const ourMedian = median(0);
  const theirMedian = median(1);
  const packedTheirs = new Iso8583(json, iso8583PackageFormats).getBufferMessage();
  return {
    fields: Object.keys(typicalSale.fields).length,
    ours: { medianUs: ourMedian, bytes: packMessage(cupPos, typicalSale).length },
    iso8583Package: { medianUs: theirMedian, bytes: Buffer.isBuffer(packedTheirs) ? packedTheirs.length - 2 : 0 },
    ratio: theirMedian / ourMedian,
  };
}

function checkRoundTrips(ours: typeof typicalSale, theirs: Record<string, string> | { error: string }, json: Record<string, string>): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const normalise = (message: typeof typicalSale) => asIso8583Json(message);
  if (!same(normalise(ours), json)) throw new Error('our codec did not round-trip the typical sale');
  const lower = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toLowerCase()]));
  if ('error' in theirs || !same(lower(theirs), lower(json))) throw new Error('iso_8583 did not round-trip the typical sale');
}
