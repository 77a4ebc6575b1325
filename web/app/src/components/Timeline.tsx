import { useEffect, useRef, useState } from 'react';
import type { TimelineEntry } from '../../../shared/sandbox-api.ts';
import { elapsed, MESSAGE_TYPES, messageFields } from '../format.ts';

const SHOWN = 400;
const FILTERS: Record<string, (entry: TimelineEntry) => boolean> = {
  everything: () => true,
  'network messages': (entry) => entry.source === 'link',
  'screens and keys': (entry) => entry.source === 'console',
  devices: (entry) => ['card-reader', 'pinpad', 'printer'].includes(entry.source),
  'faults and host': (entry) => entry.source === 'harness' || entry.source === 'host',
};

function LinkMessage({ entry }: { entry: TimelineEntry }) {
  const detail = entry.detail ?? {};
  const mti = String(detail['mti'] ?? '????');
  const toHost = detail['direction'] === 'to-host';
  const dropped = entry.kind === 'dropped';
  const fields = messageFields(String(detail['fields'] ?? ''));
  const responseCode = fields.find((f) => f.field === '39')?.value;
  return (
    <details className={`iso ${dropped ? 'dropped' : ''}`}>
      <summary>
        <span className="arrow">{toHost ? 'terminal → host' : 'host → terminal'}</span> <strong className="mti">{mti}</strong>{' '}
        {MESSAGE_TYPES[mti] ?? 'message'}
        {responseCode !== undefined && <span className="rc"> · response {responseCode}</span>}
        {dropped && <span className="lost"> ✗ lost on the line</span>}
      </summary>
      <table>
        <tbody>
          {fields.map((f) => (
            <tr key={f.field}>
              <th>{f.field}</th>
              <td>{f.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const isMessage = entry.source === 'link' && (entry.kind === 'message' || entry.kind === 'dropped');
  const detail = Object.entries(entry.detail ?? {})
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return (
    <li className={`entry src-${entry.source}`} data-source={entry.source} data-kind={entry.kind} data-mti={entry.detail?.['mti']}>
      <time>{elapsed(entry.t)}</time>
      <span className="source">{entry.source}</span>
      {isMessage ? (
        <LinkMessage entry={entry} />
      ) : (
        <span className="what">
          <strong>{entry.kind}</strong> {detail}
        </span>
      )}
    </li>
  );
}

/** Every event of the session, newest at the bottom; ISO 8583 messages open up field by field. */
export function Timeline({ entries, total }: { entries: readonly TimelineEntry[]; total: number }) {
  const [filter, setFilter] = useState('everything');
  const list = useRef<HTMLOListElement>(null);
  const shown = entries.filter(FILTERS[filter] ?? FILTERS['everything']!).slice(-SHOWN);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [shown.length, filter]);
  return (
    <section className="panel timeline" aria-label="Timeline">
      <h2>
        Timeline <small>({total} events, PANs masked)</small>
      </h2>
      <label>
        show{' '}
        <select value={filter} onChange={(event) => setFilter(event.target.value)}>
          {Object.keys(FILTERS).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <ol ref={list} className="entries">
        {shown.map((entry, i) => (
          <Entry key={`${entry.t}-${i}-${entry.kind}`} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
