import type { ReceiptArtefact, ScenarioResult } from '../harness/run-result.ts';
import { html, raw, type Html } from './html-escape.ts';
import { seconds } from './html-summary.ts';
import { latencyChart } from './latency-chart.ts';
import { sequenceDiagram } from './sequence-diagram.ts';

const image = (png: string, alt: string) => html`<img alt="${alt}" src="data:image/png;base64,${png}">`;

function receipt(r: ReceiptArtefact, asText: boolean): Html {
  const caption = `receipt ${r.index}${r.complete ? '' : ' (torn)'}`;
  const printed = asText
    ? html`<figure><pre class="paper">${r.text}</pre><figcaption>${caption} (text)</figcaption></figure>`
    : html`<figure>${image(r.png, caption)}<figcaption>${caption}</figcaption></figure>`;
  const golden = r.golden;
  if (!golden) return printed;
  if (golden.updated) return html`<div class="golden">${printed}<p class="dim">golden written: <code>${golden.file}</code></p></div>`;
  const verdict = golden.mismatchedPixels === 0 ? html`<span class="ok">matches</span>` : html`<span class="bad">${golden.mismatchedPixels} pixels differ</span>`;
  return html`<div class="golden"><p>${caption} against <code>${golden.file}</code>: ${verdict}</p><div class="receipts">
    ${printed}<figure>${image(golden.png, 'golden')}<figcaption>golden</figcaption></figure>
    ${golden.diff ? html`<figure>${image(golden.diff, 'difference')}<figcaption>difference (red)</figcaption></figure>` : ''}</div></div>`;
}

/** The scenario's own checks in full; invariants that held fold into one row, since every scenario has them. */
function checksTable(s: ScenarioResult): Html {
  const held = s.checks.filter((c) => c.verdict === 'passed' && c.line === undefined);
  const shown = s.checks.filter((c) => !held.includes(c));
  const folded = held.length
    ? html`<tr><td>${held.length} invariants held</td><td colspan="2" class="dim">${held.map((c) => c.name.replace(/^invariant: /, '')).join(' · ')}</td><td><span class="badge passed">passed</span></td></tr>`
    : '';
  const rows = shown.map(
    (c) => html`<tr${c.verdict === 'failed' ? raw(' class="fail-row"') : ''}>
      <td>${c.name}${c.line ? html` <span class="dim">line ${c.line}</span>` : ''}</td><td>${c.expected}</td>
      <td>${c.actual === c.expected ? html`<span class="dim">as expected</span>` : c.actual.split('\n')[0]}${c.actual.includes('\n') ? html`<pre class="actual">${c.actual.split('\n').slice(1).join('\n')}</pre>` : ''}</td>
      <td><span class="badge ${c.verdict}">${c.verdict}</span></td></tr>`,
  );
  return html`<table><thead><tr><th>check</th><th>expected</th><th>actual</th><th></th></tr></thead><tbody>${rows}${folded}</tbody></table>`;
}

/** Each step with the screen it left: the cashier's view, step by step (a screen that did not change is not repeated). */
function stepsTable(s: ScenarioResult): Html {
  const rows = s.steps.map((step, i) => {
    const screen = step.screen.join('\n');
    const same = i > 0 && screen === s.steps[i - 1]!.screen.join('\n');
    return html`<tr${step.verdict === 'failed' ? raw(' class="fail-row"') : ''}>
      <td class="num">${step.index + 1}</td><td class="mono">${step.label}<div class="dim">line ${step.line} · ${seconds(step.t)}</div>${step.error ? html`<pre class="actual bad">${step.error}</pre>` : ''}</td>
      <td><span class="badge ${step.verdict}">${step.verdict}</span></td><td>${same ? html`<span class="dim">unchanged</span>` : html`<span class="screen">${screen || ' '}</span>`}</td></tr>`;
  });
  return html`<table class="steps"><thead><tr><th>#</th><th>step</th><th>verdict</th><th>screen after the step</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** Timed exchanges: a chart once anything took time, else one line (a run without latency faults is all zeros). */
function latency(s: ScenarioResult): Html | string {
  if (s.samples.length === 0) return '';
  if (s.samples.some((x) => x.ms > 0)) return html`<h3>Latency</h3>${raw(latencyChart(s.samples))}`;
  return html`<p class="dim">Latency: ${s.samples.length} timed exchanges, all instant on the virtual clock (${[...new Set(s.samples.map((x) => x.metric))].join(', ')}).</p>`;
}

export interface SectionOptions {
  /** Show a passed scenario's receipts as text, not images (to keep a large report under its size budget). */
  readonly receiptsAsText?: boolean;
  /** Leave out a passed scenario's sequence diagram too, when receipts as text were not enough. */
  readonly withoutSequence?: boolean;
}

export function scenarioSection(s: ScenarioResult, options: SectionOptions = {}): Html {
  const asText = (options.receiptsAsText ?? false) && s.verdict === 'passed';
  const sequence =
    options.withoutSequence && s.verdict === 'passed'
      ? html`<p class="dim">Left out to keep the report small; <code>${s.replay}</code> shows it again.</p>`
      : html`<pre class="msg-detail" hidden title="click to close"></pre><div class="seq-wrap">${raw(sequenceDiagram(s.timeline))}</div>`;
  const open = s.verdict !== 'passed';
  return html`<details class="scenario" id="s-${s.id}" data-verdict="${s.verdict}" ${open ? 'open' : ''}>
    <summary><span class="badge ${s.verdict}">${s.verdict}</span><span class="sid">${s.id}</span><span class="stitle">${s.title}</span>
      <span class="dim">${s.suite} · ${s.file} · seed ${s.seed} · ${seconds(s.virtualMs)} virtual</span></summary>
    <div class="body">
      <p class="replay-line">Replay: <code class="replay">${s.replay}</code>
        ${s.requirements.length ? html` · verifies ${s.requirements.map((r) => html`<span class="chip">${r}</span>`)}` : ''}
        ${s.tags.length ? html` · tags ${s.tags.map((t) => html`<span class="chip tag">${t}</span>`)}` : ''}</p>
      ${s.error ? html`<pre class="actual bad">${s.verdict === 'broken' ? 'poslab crashed: ' : ''}${s.error}</pre>` : ''}
      <h3>Checks</h3>${checksTable(s)}
      <div class="cols">
        <div class="col"><h3>Steps and screens</h3>${stepsTable(s)}</div>
        <div class="col seq-col"><h3>Sequence <span class="dim">— click a numbered message for its fields</span></h3>
          ${sequence}</div>
      </div>
      ${s.receipts.length ? html`<h3>Receipts</h3><div class="receipts">${s.receipts.map((r) => receipt(r, asText && !r.golden))}</div>` : ''}
      ${latency(s)}
    </div></details>`;
}
