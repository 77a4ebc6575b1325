import type { TimelineEntry } from '../harness/run-result.ts';

/** The sequence diagram's lanes, left to right: what the cashier touches, the terminal, the wire, the bank. */
export const LANES = ['card reader', 'PIN pad', 'printer', 'terminal', 'link', 'host'] as const;
export type Lane = (typeof LANES)[number];

export interface Arrow {
  readonly kind: 'arrow';
  readonly t: number;
  readonly from: Lane;
  readonly to: Lane;
  readonly label: string;
  /** Shown on hover, and in the panel under the diagram on click: decoded, masked fields. */
  readonly detail?: string;
  /** `request`/`answer`: ISO 8583 messages; `lost`: a message the link dropped; `device`: serial traffic. */
  readonly style: 'request' | 'answer' | 'lost' | 'device';
}

export interface Note {
  readonly kind: 'note';
  readonly t: number;
  readonly lane: Lane;
  readonly label: string;
  readonly style: 'fault' | 'heal' | 'info';
  readonly detail?: string;
}

export type Row = Arrow | Note;

const FAULT_LANES: Record<string, Lane> = { network: 'link', link: 'link', printer: 'printer', host: 'host', card: 'card reader', pinpad: 'PIN pad' };

function text(entry: TimelineEntry, key: string): string {
  const value = entry.detail?.[key];
  return value === undefined ? '' : String(value);
}

/** `2=622202*********0123 3=000000 …` as one field a line, for the hover and the panel. */
function fieldLines(fields: string): string {
  return fields.replace(/ (?=\d{1,3}=)/g, '\n');
}

/** What an MTI's family is, for a label a person can read without the spec. */
const MTI_NAMES: Record<string, string> = {
  '01': 'pre-auth',
  '02': 'financial',
  '03': 'upload',
  '04': 'reversal',
  '05': 'settlement',
  '080': 'sign-in',
  '081': 'sign-in',
  '082': 'management',
  '083': 'management',
};

function messageLabel(entry: TimelineEntry): string {
  const fields = text(entry, 'fields');
  const mti = text(entry, 'mti');
  const code = /(?:^| )39=(\S+)/.exec(fields)?.[1];
  const amount = /(?:^| )4=0*(\d+)/.exec(fields)?.[1];
  const name = MTI_NAMES[mti.slice(0, 3)] ?? MTI_NAMES[mti.slice(0, 2)];
  const parts = [name ? `${mti} ${name}` : mti];
  if (amount && Number(amount) > 0) parts.push(`RMB ${(Number(amount) / 100).toFixed(2)}`);
  if (code) parts.push(`39=${code}`);
  return parts.join(' ');
}

function describe(entry: TimelineEntry): string {
  return Object.entries(entry.detail ?? {})
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
}

/** One timeline entry as a diagram row, or undefined for what the diagram leaves to the step table (keys, screens). */
function row(entry: TimelineEntry): Row | undefined {
  const { t, source, kind } = entry;
  const note = (lane: Lane, label: string, style: Note['style'] = 'info'): Note => ({ kind: 'note', t, lane, label, style, ...(entry.detail ? { detail: describe(entry) } : {}) });
  const arrow = (from: Lane, to: Lane, label: string, style: Arrow['style'] = 'device', detail?: string): Arrow => ({
    kind: 'arrow',
    t,
    from,
    to,
    label,
    style,
    ...(detail ? { detail } : {}),
  });
  switch (source) {
    case 'console':
      return undefined;
    case 'link':
      if (kind === 'message' || kind === 'dropped') {
        const toHost = text(entry, 'direction') === 'to-host';
        const detail = fieldLines(text(entry, 'fields'));
        if (kind === 'dropped') return arrow(toHost ? 'terminal' : 'host', 'link', `${messageLabel(entry)} lost`, 'lost', detail);
        return toHost ? arrow('terminal', 'host', messageLabel(entry), 'request', detail) : arrow('host', 'terminal', messageLabel(entry), 'answer', detail);
      }
      return note('link', `link ${kind}`, kind === 'down' ? 'fault' : kind === 'up' ? 'heal' : 'info');
    case 'card-reader':
      if (kind === 'apdu') return arrow('terminal', 'card reader', `APDU ${text(entry, 'ins')} → ${text(entry, 'sw')}`);
      if (kind === 'removed') return arrow('card reader', 'terminal', 'card removed');
      return arrow('card reader', 'terminal', `${kind} ${text(entry, 'pan')}`.trim());
    case 'pinpad':
      if (kind === 'pin-prompt') return arrow('terminal', 'PIN pad', 'PIN prompt', 'device', describe(entry));
      if (kind === 'pin-entered') return arrow('PIN pad', 'terminal', `PIN block (${text(entry, 'digits')} digits)`);
      if (kind === 'keys-loaded') return arrow('terminal', 'PIN pad', 'working keys');
      return note('PIN pad', kind);
    case 'printer':
      if (kind === 'receipt-cut') return arrow('terminal', 'printer', `receipt, ${text(entry, 'lines')} lines${entry.detail?.complete === false ? ' (torn)' : ''}`);
      return note('printer', kind);
    case 'host':
      return kind === 'request' || kind === 'response' ? undefined : note('host', kind);
    case 'harness': {
      const name = text(entry, 'name');
      const lane = FAULT_LANES[name.split('.')[0] ?? ''] ?? 'terminal';
      if (kind === 'fault') return note(lane, `⚡ ${name}`, 'fault');
      if (kind === 'heal') return note(lane, `healed ${name}`, 'heal');
      return note('terminal', kind);
    }
    default:
      return note('terminal', `${source} ${kind}`);
  }
}

/**
 * The diagram's rows from a scenario timeline. Runs of the same device exchange (a chip read's
 * APDUs) fold into one arrow so a sale stays one screen tall.
 */
export function sequenceRows(timeline: readonly TimelineEntry[]): Row[] {
  const rows: Row[] = [];
  for (const entry of timeline) {
    const next = row(entry);
    if (!next) continue;
    const last = rows.at(-1);
    if (next.kind === 'arrow' && last?.kind === 'arrow' && next.label.startsWith('APDU') && last.label.startsWith('APDU')) {
      const count = Number(/×(\d+)/.exec(last.label)?.[1] ?? 1) + 1;
      rows[rows.length - 1] = { ...last, label: `APDU ×${count}`, detail: `${last.detail ?? last.label.slice(5)}\n${next.label.slice(5)}` };
      continue;
    }
    rows.push(next);
  }
  return rows;
}
