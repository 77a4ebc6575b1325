import type { Budget, PerformanceSample } from '../harness/run-result.ts';
import { escapeHtml } from './html-escape.ts';

const WIDTH = 760;
const LABEL = 150;
const ROW = 26;
const PLOT = WIDTH - LABEL - 20;

function niceMax(value: number): number {
  if (value <= 0) return 1000;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= value)!;
}

const label = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(2)} s` : `${ms} ms`);

/** Nearest-rank percentile of sorted values. */
function rank(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * Latency per metric on one linear axis (virtual time): every answered sample as a dot, the
 * median and p95 as ticks, and each time budget as a dashed red line — budgets met or missed
 * at a glance. Samples that were not `ok` are counted beside the label, not drawn.
 */
export function latencyChart(samples: readonly PerformanceSample[], budgets: readonly Budget[] = []): string {
  const metrics = [...new Set(samples.map((s) => s.metric))].sort();
  if (metrics.length === 0) return '';
  const timeBudgets = budgets.filter((b) => b.stat !== 'ok_rate' && metrics.includes(b.metric));
  const top = niceMax(Math.max(...samples.filter((s) => s.ok).map((s) => s.ms), ...timeBudgets.map((b) => b.limit), 100));
  const px = (ms: number) => LABEL + (Math.min(ms, top) / top) * PLOT;
  const height = metrics.length * ROW + 30;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((f) => `<path class="g" d="M${px(top * f)} 4V${height - 22}"/><text class="x" x="${px(top * f)}" y="${height - 8}">${label(top * f)}</text>`)
    .join('');
  const rows = metrics
    .map((metric, i) => {
      const y = 10 + i * ROW + ROW / 2;
      const own = samples.filter((s) => s.metric === metric);
      const times = own.filter((s) => s.ok).map((s) => s.ms).sort((a, b) => a - b);
      const failed = own.length - times.length;
      const dots = [...new Set(times)].map((ms) => `<circle cx="${px(ms).toFixed(1)}" cy="${y}" r="3.5"/>`).join('');
      const marks =
        times.length > 0
          ? `<path class="p50" d="M${px(rank(times, 0.5))} ${y - 9}v18"/><path class="p95" d="M${px(rank(times, 0.95))} ${y - 9}v18"/>`
          : '';
      const lines = timeBudgets
        .filter((b) => b.metric === metric)
        .map((b) => `<path class="b" d="M${px(b.limit)} ${y - 11}v22"><title>budget ${b.stat} ≤ ${label(b.limit)}</title></path>`)
        .join('');
      const summary = times.length > 0 ? `p50 ${label(rank(times, 0.5))} · p95 ${label(rank(times, 0.95))}` : 'no answered samples';
      return `<g><title>${escapeHtml(`${metric}: ${own.length} samples, ${failed} not ok; ${summary}`)}</title><text class="m" x="0" y="${y + 4}">${escapeHtml(metric)}${failed ? ` (${failed}✗)` : ''}</text>${dots}${marks}${lines}</g>`;
    })
    .join('');
  return `<svg class="lat" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="latency per metric">${ticks}${rows}</svg>`;
}
