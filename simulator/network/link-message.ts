import { unpackMessage } from '../../protocol/iso8583/codec.ts';
import { describeMessage } from '../../protocol/iso8583/describe.ts';
import type { Dialect } from '../../protocol/iso8583/types.ts';

export type Direction = 'to-host' | 'to-terminal';

/**
 * A frame as faults and judges may see it: its MTI and its fields as the masking describer
 * prints them (PAN masked, tracks, PIN block and MAC redacted). Nothing here is secret, so it
 * may be matched, logged and kept. An undecodable frame has MTI `????` and no fields.
 */
export interface FrameView {
  readonly direction: Direction;
  readonly mti: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** One frame that entered the link, in the order frames entered it. */
export interface LinkMessage extends FrameView {
  readonly seq: number;
  /** Clock time (epoch ms) when the frame entered the link. */
  readonly at: number;
  /** `dropped` when a fault let no copy of it through. */
  readonly verdict: 'passed' | 'dropped';
}

export const UNDECODABLE = '????';

export function viewFrame(dialect: Dialect, direction: Direction, frame: Uint8Array): FrameView {
  try {
    const { message } = unpackMessage(dialect, frame);
    const fields: Record<string, string> = {};
    for (const { field, value } of describeMessage(dialect, message)) fields[String(field)] = value;
    return { direction, mti: message.mti, fields };
  } catch {
    return { direction, mti: UNDECODABLE, fields: {} };
  }
}

/** The one-line account of a frame the timeline carries. */
export function describeView(view: FrameView, bytes: number): string {
  if (view.mti === UNDECODABLE) return `undecodable frame of ${bytes} bytes`;
  return Object.entries(view.fields)
    .map(([field, value]) => `${field}=${value}`)
    .join(' ');
}

/** Field 4 in minor units, when the frame carries an amount. */
export function amountOf(view: FrameView): number | undefined {
  const amount = view.fields['4'];
  return amount !== undefined && /^\d+$/.test(amount) ? Number(amount) : undefined;
}
