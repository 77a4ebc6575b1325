import type { RunResult, ScenarioResult, TimelineEntry } from '../harness/run-result.ts';
import { html, raw, type Html } from './html-escape.ts';
import { STYLE } from './html-style.ts';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

function summaryCards(run: RunResult): Html {
  const { passed, failed, total } = run.summary;
  const score = total === 0 ? 0 : Math.round((passed / total) * 100);
  const compression = run.wallMs > 0 ? Math.round(run.virtualMs / run.wallMs) : 0;
  return html`<div class="cards">
    <div class="card"><div class="n ${failed ? 'bad' : 'ok'}">${score}%</div><div class="l">conformance</div></div>
    <div class="card"><div class="n ok">${passed}</div><div class="l">passed</div></div>
    <div class="card"><div class="n ${failed ? 'bad' : ''}">${failed}</div><div class="l">failed</div></div>
    <div class="card"><div class="n">${total}</div><div class="l">scenarios</div></div>
    <div class="card"><div class="n">${seconds(run.virtualMs)}</div><div class="l">virtual time</div></div>
    <div class="card"><div class="n">${seconds(run.wallMs)}</div><div class="l">wall time · ${compression}×</div></div>
  </div>`;
}

function suiteTable(run: RunResult): Html {
  const suites = new Map<string, ScenarioResult[]>();
  for (const s of run.scenarios) suites.set(s.suite, [...(suites.get(s.suite) ?? []), s]);
  const rows = [...suites].map(([suite, list]) => {
    const passed = list.filter((s) => s.verdict === 'passed').length;
    return html`<tr><td>${suite}</td><td class="ok">${passed}</td><td class="${passed < list.length ? 'bad' : ''}">${list.length - passed}</td><td>${Math.round((passed / list.length) * 100)}%</td></tr>`;
  });
  return html`<table><thead><tr><th>suite</th><th>passed</th><th>failed</th><th>score</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function detailText(entry: TimelineEntry): string {
  if (!entry.detail) return '';
  const { text, fields, ...rest } = entry.detail;
  const parts = Object.entries(rest).map(([k, v]) => `${k}=${v}`);
  if (text !== undefined) parts.unshift(String(text));
  if (fields !== undefined) parts.push(String(fields));
  return parts.join(' ');
}

function timeline(entries: readonly TimelineEntry[]): Html {
  const rows = entries.map(
    (entry) => html`<tr><td class="t mono">${seconds(entry.t)}</td><td><span class="lane lane-${entry.source}">${entry.source}</span></td>
      <td class="ev">${entry.kind}</td><td class="mono detail">${detailText(entry)}</td></tr>`,
  );
  return html`<table class="timeline"><thead><tr><th>t</th><th>where</th><th>what</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scenarioSection(s: ScenarioResult): Html {
  const steps = s.steps.map(
    (step) => html`<tr class="${step.verdict === 'failed' ? 'fail-row' : ''}">
      <td>${step.index + 1}</td><td class="mono">${s.file}:${step.line}</td><td class="mono">${step.label}</td>
      <td><span class="badge ${step.verdict}">${step.verdict}</span>${step.error ? html`<pre class="actual">${step.error}</pre>` : ''}</td>
      <td class="mono">${seconds(step.t)}</td><td><span class="screen">${step.screen.join('\n') || ' '}</span></td></tr>`,
  );
  const checks = s.checks.map(
    (c) => html`<tr class="${c.verdict === 'failed' ? 'fail-row' : ''}">
      <td>${c.name}${c.line ? html` <span class="dim">line ${c.line}</span>` : ''}</td><td>${c.expected}</td>
      <td>${c.actual.split('\n')[0]}${c.actual.includes('\n') ? html`<pre class="actual">${c.actual.split('\n').slice(1).join('\n')}</pre>` : ''}</td>
      <td><span class="badge ${c.verdict}">${c.verdict}</span></td></tr>`,
  );
  const receipts = s.receipts.map(
    (r) => html`<figure><img alt="receipt ${r.index}" src="data:image/png;base64,${r.png}"><figcaption>receipt ${r.index}${r.complete ? '' : ' (incomplete)'}</figcaption></figure>`,
  );
  return html`<details class="scenario" data-verdict="${s.verdict}" ${s.verdict === 'failed' ? 'open' : ''}>
    <summary><span class="badge ${s.verdict}">${s.verdict}</span><span class="sid">${s.id}</span><span>${s.title}</span>
      <span class="dim">${s.suite} · ${s.file} · seed ${s.seed} · ${seconds(s.virtualMs)} virtual</span></summary>
    <div class="body">
      <p>Replay: <code class="replay">${s.replay}</code>${s.requirements.length ? html` · verifies <span class="mono">${s.requirements.join(', ')}</span>` : ''}</p>
      ${s.error ? html`<pre class="actual bad">${s.error}</pre>` : ''}
      <h3>Checks</h3><table><thead><tr><th>check</th><th>expected</th><th>actual</th><th></th></tr></thead><tbody>${checks}</tbody></table>
      <h3>Steps and screens</h3><table><thead><tr><th>#</th><th>where</th><th>step</th><th>verdict</th><th>t</th><th>screen after</th></tr></thead><tbody>${steps}</tbody></table>
      ${receipts.length ? html`<h3>Receipts</h3><div class="receipts">${receipts}</div>` : ''}
      <h3>Timeline</h3>${timeline(s.timeline)}
    </div></details>`;
}

const FILTER_SCRIPT = `
document.querySelectorAll('.filters button').forEach((button) => button.addEventListener('click', () => {
  document.querySelectorAll('.filters button').forEach((b) => b.classList.toggle('on', b === button));
  const want = button.dataset.show;
  document.querySelectorAll('details.scenario').forEach((d) => { d.hidden = want !== 'all' && d.dataset.verdict !== want; });
}));`;

/** The whole report as one self-contained HTML page: no network assets, images inlined. */
export function renderHtml(run: RunResult): string {
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>poslab report — ${run.summary.passed}/${run.summary.total} passed</title><style>${raw(STYLE)}</style></head>
<body><header><h1>poslab conformance report</h1>
<div class="meta">${run.tool.name} ${run.tool.version} · <code>${run.command}</code> · seed ${run.seed} · ${run.wallStartedAt}</div></header>
<main>${summaryCards(run)}
<h2>Suites</h2>${suiteTable(run)}
<h2>Scenarios</h2>
<div class="filters"><button data-show="all" class="on">all</button><button data-show="failed">failed</button><button data-show="passed">passed</button></div>
${run.scenarios.map(scenarioSection)}
</main><script>${raw(FILTER_SCRIPT)}</script></body></html>
`;
  return page.value;
}
