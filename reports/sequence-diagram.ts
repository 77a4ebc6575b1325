import type { TimelineEntry } from '../harness/run-result.ts';
import { escapeHtml } from './html-escape.ts';
import { LANES, sequenceRows, type Lane, type Row } from './sequence-rows.ts';

const GUTTER = 70;
const LANE_WIDTH = 112;
const TOP = 34;
const ROW = 22;
const WIDTH = GUTTER + LANES.length * LANE_WIDTH;

const x = (lane: Lane) => GUTTER + LANES.indexOf(lane) * LANE_WIDTH + LANE_WIDTH / 2;
const shorten = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);

/**
 * Arrow heads, defined once per page and referenced by every diagram (ids are page-wide),
 * so a hundred diagrams do not each carry their own.
 */
export const SEQUENCE_DEFS = `<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>${(
  [
    ['request', '#0969da'],
    ['answer', '#1a7f37'],
    ['lost', '#cf222e'],
    ['device', '#6e7781'],
  ] as const
)
  .map(([name, colour]) => `<marker id="ah-${name}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L8 4L0 8z" fill="${colour}"/></marker>`)
  .join('')}</defs></svg>`;

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

function rowSvg(row: Row, index: number, showTime: boolean, messageNumber: number | undefined): string {
  const y = TOP + index * ROW + ROW / 2;
  const time = showTime ? `<text class="t" x="4" y="${y + 4}">${seconds(row.t)}</text>` : '';
  const title = row.detail ? `<title>${escapeHtml(row.detail)}</title>` : '';
  if (row.kind === 'note') {
    const label = shorten(row.label, 30);
    const w = Math.min(LANE_WIDTH * 1.6, label.length * 6 + 12);
    return `${time}<g class="n ${row.style}">${title}<rect x="${x(row.lane) - w / 2}" y="${y - 8}" width="${w}" height="16" rx="3"/><text x="${x(row.lane)}" y="${y + 4}">${escapeHtml(label)}</text></g>`;
  }
  const [x1, x2] = [x(row.from), x(row.to)];
  const number = messageNumber === undefined ? '' : ` data-n="${messageNumber}"`;
  const prefix = messageNumber === undefined ? '' : `${messageNumber}. `;
  const span = Math.abs(x2 - x1);
  const label = shorten(prefix + row.label, Math.max(14, Math.floor(span / 6)));
  return `${time}<g class="a ${row.style}"${number}>${title}<path d="M${x1} ${y + 3}H${x2}"/><text x="${(x1 + x2) / 2}" y="${y - 1}">${escapeHtml(label)}</text></g>`;
}

/**
 * A scenario's timeline as an SVG sequence diagram: one lane per device, the terminal, the
 * link and the host; device traffic and ISO 8583 messages as arrows (numbered; hover or click
 * one for its decoded, masked fields), faults and link state as notes on their lane.
 */
export function sequenceDiagram(timeline: readonly TimelineEntry[]): string {
  const rows = sequenceRows(timeline);
  const height = TOP + rows.length * ROW + 8;
  const heads = LANES.map((lane) => `<text class="h" x="${x(lane)}" y="16">${lane}</text>`).join('');
  const lines = LANES.map((lane) => `M${x(lane)} ${TOP - 10}V${height}`).join('');
  let messages = 0;
  let lastT = -1;
  const body = rows
    .map((row, i) => {
      const isMessage = row.kind === 'arrow' && row.style !== 'device';
      const svg = rowSvg(row, i, row.t !== lastT, isMessage ? ++messages : undefined);
      lastT = row.t;
      return svg;
    })
    .join('');
  return `<svg class="seq" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="sequence diagram">${heads}<path class="l" d="${lines}"/>${body}</svg>`;
}
