import type { RunResult } from '../harness/run-result.ts';
import { html, raw } from './html-escape.ts';
import { scenarioSection, type SectionOptions } from './html-scenario.ts';
import { STYLE } from './html-style.ts';
import { categoryTable, performanceSection, requirementMatrix, summaryCards } from './html-summary.ts';
import { SEQUENCE_DEFS } from './sequence-diagram.ts';

const SCRIPT = `
document.querySelectorAll('.filters').forEach((bar) => bar.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  bar.querySelectorAll('button').forEach((b) => b.classList.toggle('on', b === button));
  const want = button.dataset.show;
  if (bar.dataset.for === 'matrix') {
    document.querySelectorAll('.matrix tbody tr').forEach((tr) => { tr.hidden = want !== 'all' && !tr.classList.contains(want); });
  } else {
    document.querySelectorAll('details.scenario').forEach((d) => { d.hidden = want !== 'all' && d.dataset.verdict !== want; });
  }
}));
document.addEventListener('click', (event) => {
  const arrow = event.target.closest('svg.seq g[data-n]');
  if (arrow) {
    const panel = arrow.closest('.seq-col').querySelector('.msg-detail');
    const title = arrow.querySelector('title');
    panel.hidden = false;
    panel.textContent = arrow.querySelector('text').textContent + '\\n' + (title ? title.textContent : '');
    arrow.closest('svg').querySelectorAll('g.sel').forEach((g) => g.classList.remove('sel'));
    arrow.classList.add('sel');
  }
  const panel = event.target.closest('.msg-detail');
  if (panel) panel.hidden = true;
  const link = event.target.closest('a[href^="#s-"]');
  if (link) {
    const target = document.getElementById(link.getAttribute('href').slice(1));
    if (target) { target.hidden = false; target.open = true; }
  }
});`;

/** A report must stay small enough to mail and to open from a CI artefact. */
export const REPORT_BUDGET_BYTES = 2_000_000;

const bytes = (text: string) => Buffer.byteLength(text);

/**
 * Each scenario's section, with receipt images where the budget allows: when the whole page
 * would be too large, passed scenarios show their receipts as text instead, largest first,
 * until it fits. Failed scenarios and golden comparisons always keep their images.
 */
function sectionsWithin(run: RunResult, room: number): { sections: string[]; shrunk: Shrunk } {
  const sections = run.scenarios.map((s) => scenarioSection(s).value);
  let size = sections.reduce((sum, section) => sum + bytes(section), 0);
  const passed = run.scenarios
    .map((s, i) => ({ s, i, size: bytes(sections[i]!) }))
    .filter(({ s }) => s.verdict === 'passed')
    .sort((a, b) => b.size - a.size);
  const shrink = (candidates: typeof passed, options: SectionOptions): number => {
    let count = 0;
    for (const { s, i } of candidates) {
      if (size <= room) break;
      const smaller = scenarioSection(s, options).value;
      size -= bytes(sections[i]!) - bytes(smaller);
      sections[i] = smaller;
      count++;
    }
    return count;
  };
  const receiptsAsText = shrink(passed.filter(({ s }) => s.receipts.some((r) => !r.golden)), { receiptsAsText: true });
  const withoutSequence = shrink(passed, { receiptsAsText: true, withoutSequence: true });
  return { sections, shrunk: { receiptsAsText, withoutSequence } };
}

interface Shrunk {
  readonly receiptsAsText: number;
  readonly withoutSequence: number;
}

/** The whole report as one self-contained HTML page: no network assets, images inlined, under `budgetBytes`. */
export function renderHtml(run: RunResult, budgetBytes = REPORT_BUDGET_BYTES): string {
  const SLOT = '\u0000sections\u0000';
  const frame = page(run, SLOT, { receiptsAsText: 0, withoutSequence: 0 });
  const { sections, shrunk } = sectionsWithin(run, budgetBytes - bytes(frame) - 600);
  return page(run, SLOT, shrunk).replace(SLOT, () => sections.join('\n'));
}

function page(run: RunResult, sections: string, shrunk: Shrunk): string {
  const { passed, total } = run.summary;
  const score = run.conformance?.overall.score;
  const document = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>poslab report — ${passed}/${total} passed${score === undefined || score === null ? '' : ` · ${Math.round(score * 1000) / 10}% conformance`}</title><style>${raw(STYLE)}</style></head>
<body>${raw(SEQUENCE_DEFS)}<header><h1>poslab conformance report</h1>
<div class="meta">${run.tool.name} ${run.tool.version} · <code>${run.command}</code> · seed ${run.seed}${run.selection.shard ? ` · shard ${run.selection.shard}` : ''} · ${run.wallStartedAt}</div></header>
<main>${summaryCards(run)}
${run.conformance ? html`<h2>Conformance by category</h2>${categoryTable(run.conformance)}` : html`<p class="dim">No requirement catalogue was found, so the run is not scored.</p>`}
<h2>Performance</h2>${performanceSection(run)}
${run.conformance ? html`<h2>Requirements × scenarios</h2>${requirementMatrix(run)}` : ''}
<h2>Scenarios</h2>
<div class="filters"><button data-show="all" class="on">all</button><button data-show="failed">failed</button><button data-show="broken">broken</button><button data-show="passed">passed</button></div>
${shrunk.receiptsAsText ? html`<p class="dim">To keep this file under ${REPORT_BUDGET_BYTES / 1_000_000} MB, the receipts of ${shrunk.receiptsAsText} passed scenarios are shown as text (their images are in results.json)${shrunk.withoutSequence ? ` and ${shrunk.withoutSequence} passed scenarios leave out their sequence diagram (replay one to see it)` : ''}.</p>` : ''}
${raw(sections)}
</main><script>${raw(SCRIPT)}</script></body></html>
`;
  return document.value;
}
