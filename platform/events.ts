/**
 * What happened, when, and where: the timeline the report draws. Devices, links and the host
 * report into an `EventSink`; the harness stamps each event with the clock's time. Detail
 * values must already be safe to show: a PAN masked, never a track, PIN block or key.
 */
export type EventSource = 'card-reader' | 'pinpad' | 'printer' | 'console' | 'link' | 'host' | 'harness';

export type EventDetail = Readonly<Record<string, string | number | boolean>>;

export interface TimelineEvent {
  readonly at: number;
  readonly source: EventSource;
  readonly kind: string;
  readonly detail?: EventDetail;
}

export type EventSink = (source: EventSource, kind: string, detail?: EventDetail) => void;

/** For code run outside a harness, where nobody is listening. */
export const ignoreEvents: EventSink = () => {};
