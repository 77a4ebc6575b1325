import type { LinkMessage } from '../../simulator/network/link-message.ts';
import type { CheckResult } from '../run-result.ts';
import type { Expectation } from '../scenario/expectations.ts';

type Outcome = Omit<CheckResult, 'name' | 'line'>;
type Args<K extends keyof Expectation> = NonNullable<Expectation[K]>;

const verdict = (ok: boolean) => (ok ? ('passed' as const) : ('failed' as const));

/** The messages that entered the link since a step began (the whole run without a step). */
export function messagesSince(all: readonly LinkMessage[], stepMarks: readonly number[], step: number | undefined): readonly LinkMessage[] {
  if (step === undefined) return all;
  return all.slice(stepMarks[step - 1] ?? all.length);
}

export function judgeLinkMessages(all: readonly LinkMessage[], { mti, count, direction }: Args<'link.messages'>): Outcome {
  const seen = all.filter((m) => m.mti === mti && (direction === undefined || m.direction === direction)).length;
  const where = direction ? ` ${direction}` : ' on the link';
  return { verdict: verdict(seen === count), expected: `${count} × ${mti}${where}`, actual: `${seen} × ${mti}` };
}

/** The MTIs named, in the order they were sent, must be exactly the list: others are not counted. */
export function judgeLinkOrder(messages: readonly LinkMessage[], { mtis, direction, since_step }: Args<'link.order'>): Outcome {
  const named = new Set(mtis);
  const sent = messages.filter((m) => m.direction === direction && named.has(m.mti)).map((m) => m.mti);
  const since = since_step === undefined ? '' : ` since step ${since_step}`;
  return {
    verdict: verdict(sent.length === mtis.length && sent.every((m, i) => m === mtis[i])),
    expected: `${direction}${since}: ${mtis.join(' → ')}`,
    actual: sent.length === 0 ? `none of ${mtis.join(', ')}` : sent.join(' → '),
  };
}

export function judgeLinkMessage(messages: readonly LinkMessage[], wanted: Args<'link.message'>): Outcome {
  const { mti, direction, nth, field = {}, absent = [] } = wanted;
  const candidates = messages.filter((m) => m.mti === mti && (direction === undefined || m.direction === direction));
  const index = nth === 'first' ? 0 : nth === 'last' ? candidates.length - 1 : nth - 1;
  const message = candidates[index];
  const expected = [
    `${nth === 'last' || nth === 'first' ? nth : `#${nth}`} ${mti}`,
    ...Object.entries(field).map(([f, match]) => `${f}=${match.source}`),
    ...absent.map((f) => `no ${f}`),
  ].join(' ');
  if (!message) return { verdict: 'failed', expected, actual: `${candidates.length} × ${mti} on the link` };
  const wrong = [
    ...Object.entries(field)
      .filter(([f, match]) => message.fields[f] === undefined || !match.test(message.fields[f]))
      .map(([f]) => `${f}=${message.fields[f] ?? '(absent)'}`),
    ...absent.filter((f) => message.fields[f] !== undefined).map((f) => `${f}=${message.fields[f]}`),
  ];
  return { verdict: verdict(wrong.length === 0), expected, actual: wrong.length === 0 ? 'as expected' : wrong.join(' ') };
}
