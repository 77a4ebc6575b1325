import type { Conformance, RequirementResult, RunResult, Score } from '../harness/run-result.ts';
import { html, raw, type Html } from './html-escape.ts';
import { latencyChart } from './latency-chart.ts';

export const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 1000) / 10}%`);
import { humanDuration as seconds } from './duration.ts';

export { seconds };
const duration = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(2)} s` : `${ms} ms`);

function tone(share: number | null): string {
  if (share === null) return '';
  return share >= 0.95 ? 'ok' : share >= 0.7 ? 'warn' : 'bad';
}

export function summaryCards(run: RunResult): Html {
  const { passed, failed, broken, notRun, total } = run.summary;
  const overall = run.conformance?.overall;
  const compression = run.wallMs > 0 ? Math.round(run.virtualMs / run.wallMs) : 0;
  const card = (value: string | number, what: string, cls = '') => html`<div class="card"><div class="n ${cls}">${value}</div><div class="l">${what}</div></div>`;
  return html`<div class="cards">
    ${overall ? card(percent(overall.score), 'conformance score', tone(overall.score)) : ''}
    ${overall ? card(percent(overall.coverage), `coverage · ${overall.notCovered} not covered`, tone(overall.coverage)) : ''}
    ${card(passed, 'passed', 'ok')}
    ${card(failed, 'failed', failed ? 'bad' : '')}
    ${broken ? card(broken, 'broken (poslab crashed)', 'bad') : ''}
    ${notRun ? card(notRun, 'not run (--bail)', 'warn') : ''}
    ${card(total, 'scenarios')}
    ${card(seconds(run.virtualMs), 'virtual time')}
    ${card(seconds(run.wallMs), `wall time · ${compression}× real time`)}
  </div>`;
}

function bar(score: Score): Html {
  const earned = score.weight === 0 ? 0 : (score.earnedWeight / score.weight) * 100;
  const lost = score.weight === 0 ? 0 : ((score.coveredWeight - score.earnedWeight) / score.weight) * 100;
  return html`<div class="bar" title="earned ${score.earnedWeight} of ${score.weight} weight; ${score.coveredWeight} covered"><i class="e" style="width:${earned.toFixed(1)}%"></i><i class="x" style="width:${lost.toFixed(1)}%"></i></div>`;
}

export function categoryTable(conformance: Conformance): Html {
  const row = (name: string, score: Score, cls = '') => html`<tr class="${cls}"><td>${name}</td><td class="num ${tone(score.score)}">${percent(score.score)}</td><td>${bar(score)}</td>
    <td class="num">${percent(score.passRate)}</td><td class="num">${percent(score.coverage)}</td>
    <td class="num ok">${score.passed}</td><td class="num ${score.failed ? 'bad' : ''}">${score.failed}</td><td class="num skip">${score.notCovered}</td></tr>`;
  return html`<table class="scores"><thead><tr><th>category</th><th>score</th><th class="wide">earned (green) · lost: failed or over budget (red) · not covered (grey)</th><th>pass rate</th><th>coverage</th><th>passed</th><th>failed</th><th>not covered</th></tr></thead>
    <tbody>${conformance.categories.map((c) => row(c.category, c))}${row('overall', conformance.overall, 'total')}</tbody></table>
    <p class="dim">Score: weight earned ÷ all catalogued weight. Pass rate: earned ÷ weight of the requirements this run verified. A requirement passes when every scenario verifying it passed; a performance requirement earns its weight × its budget's credit. Catalogue: <code>${conformance.catalogue}</code>.</p>`;
}

export function performanceSection(run: RunResult): Html {
  if (run.performance.length === 0) return html`<p class="dim">No timed exchanges in this run.</p>`;
  const budgets = (run.conformance?.requirements ?? []).filter((r): r is RequirementResult & { budget: NonNullable<RequirementResult['budget']> } => r.budget !== undefined);
  const rows = run.performance.map(
    (m) => html`<tr><td class="mono">${m.metric}</td><td class="num">${m.samples}</td><td class="num ${m.ok < m.samples ? 'warn' : ''}">${m.ok}</td>
      <td class="num">${m.p50 === undefined ? '–' : duration(m.p50)}</td><td class="num">${m.p95 === undefined ? '–' : duration(m.p95)}</td><td class="num">${m.max === undefined ? '–' : duration(m.max)}</td></tr>`,
  );
  const budgetRows = budgets.map(
    (r) => html`<tr><td class="mono">${r.id}</td><td class="mono">${r.budget.metric} ${r.budget.stat}</td>
      <td class="num">${r.budget.stat === 'ok_rate' ? `≥ ${percent(r.budget.limit)}` : `≤ ${duration(r.budget.limit)}`}</td>
      <td class="num">${r.budget.measured === undefined ? '–' : r.budget.stat === 'ok_rate' ? percent(r.budget.measured) : duration(r.budget.measured)}</td>
      <td class="num">${r.budget.samples}</td><td class="num ${tone(r.budget.credit)}">${r.status === 'not-covered' ? 'not covered' : percent(r.budget.credit)}</td></tr>`,
  );
  const allSamples = run.scenarios.flatMap((s) => s.samples);
  return html`<div class="perf"><div>${raw(latencyChart(allSamples, budgets.map((r) => r.budget)))}
    <p class="dim">Virtual milliseconds. Dots: answered samples; blue tick: median; purple tick: p95; dashed red: budget.</p></div>
    <div><table><thead><tr><th>metric</th><th>samples</th><th>ok</th><th>p50</th><th>p95</th><th>max</th></tr></thead><tbody>${rows}</tbody></table>
    ${budgets.length ? html`<h3>Budgets</h3><table><thead><tr><th>requirement</th><th>measures</th><th>budget</th><th>measured</th><th>samples</th><th>credit</th></tr></thead><tbody>${budgetRows}</tbody></table>` : ''}</div></div>`;
}

/**
 * Requirement × scenario: one row per catalogued requirement, one narrow column per scenario;
 * a dot where the scenario verifies the requirement, coloured by the scenario's verdict.
 */
export function requirementMatrix(run: RunResult): Html {
  const conformance = run.conformance!;
  const index = new Map(run.scenarios.map((s, i) => [s.id, i]));
  const heads = run.scenarios.map((s) => html`<th class="c"><a href="#s-${s.id}" title="${s.title}">${s.id}</a></th>`);
  const rows = conformance.requirements.map((r) => {
    const verifying = new Set(r.scenarios.map((id) => index.get(id)));
    const cells = run.scenarios.map((s, i) => (verifying.has(i) ? raw(`<td class="c ${s.verdict}">●</td>`) : raw('<td class="c"></td>')));
    return html`<tr class="${r.status}"><td class="rid mono" title="${r.text}">${r.id}</td><td class="cat">${r.category}</td><td class="num">${r.weight}</td>
      <td><span class="badge ${r.status}">${r.status}</span></td><td class="txt" title="${r.text} (${r.source.join(', ')})">${r.text}</td>${cells}</tr>`;
  });
  return html`<div class="filters" data-for="matrix"><button data-show="all" class="on">all</button><button data-show="failed">failed</button><button data-show="not-covered">not covered</button></div>
    <div class="matrix-wrap"><table class="matrix"><thead><tr><th>requirement</th><th>category</th><th>w</th><th>status</th><th>what must hold</th>${heads}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
