import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { RunResult, ScenarioResult } from '../harness/run-result.ts';
import { renderHtml } from './html.ts';

/** A receipt-like black-and-white picture: rows of "glyphs" that differ per seed. */
function drawReceipt(seed: number): string {
  const png = new PNG({ width: 384, height: 600 });
  png.data.fill(255);
  for (let line = 0; line < 22; line++) {
    for (let glyph = 0; glyph < 32; glyph++) {
      const code = (seed * 31 + line * 7 + glyph * 13) % 97;
      for (let dot = 0; dot < 40; dot++) {
        if (((code >> dot % 7) & 1) === 0) continue;
        const x = glyph * 12 + (dot % 10);
        const y = 10 + line * 26 + Math.floor(dot / 2);
        const i = (y * 384 + x) * 4;
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png, { colorType: 0, bitDepth: 8 }).toString('base64');
}

// Six distinct pictures are enough: inlined images are never shared, so size grows per receipt all the same.
const pictures = Array.from({ length: 6 }, (_, seed) => drawReceipt(seed));
const receiptPng = (n: number) => pictures[n % pictures.length]!;

function scenario(n: number, verdict: ScenarioResult['verdict'] = 'passed'): ScenarioResult {
  return {
    id: `X-${n}`,
    title: n === 1 ? 'A <script>alert(1)</script> title' : `scenario ${n}`,
    file: `scenarios/x-${n}.yaml`,
    suite: 'demo',
    tags: ['smoke'],
    requirements: ['TXN-SALE'],
    verdict,
    seed: 3,
    replay: `npx poslab run scenarios/x-${n}.yaml --seed 3`,
    virtualMs: 60_000,
    wallMs: 10,
    steps: Array.from({ length: 8 }, (_, i) => ({ index: i, line: 4 + i, label: `step ${i}`, verdict: 'passed' as const, t: i * 100, screen: ['READY     OPER 01', '1 SALE', '9 SIGN OUT'] })),
    checks: [
      { name: 'screen', line: 5, verdict: verdict === 'passed' ? 'passed' : 'failed', expected: 'screen shows APPROVED', actual: 'DECLINED' },
      { name: 'invariant: nothing booked twice', verdict: 'passed', expected: 'each approved sale booked once', actual: 'each approved sale booked once' },
    ],
    timeline: [
      { t: 0, source: 'harness', kind: 'fault', detail: { name: 'network.latency' } },
      { t: 5, source: 'card-reader', kind: 'insert', detail: { pan: '622202*********0123' } },
      { t: 8, source: 'link', kind: 'message', detail: { direction: 'to-host', mti: '0200', fields: '2=622202*********0123 3=000000 4=000000012850 11=000007 35=[redacted: 37 characters]' } },
      { t: 900, source: 'link', kind: 'message', detail: { direction: 'to-terminal', mti: '0210', fields: '11=000007 39=00' } },
      { t: 950, source: 'printer', kind: 'receipt-cut', detail: { lines: 22, complete: true } },
    ],
    receipts: [1, 2].map((index) => ({ index, text: `MERCHANT COPY ${n}\nRMB 128.50`, complete: true, png: receiptPng(n * 2 + index) })),
    samples: [
      { metric: 'host.sale', ms: 892, t: 900, ok: true },
      { metric: 'txn.sale', ms: 945, t: 950, ok: true },
    ],
  };
}

function run(count: number, failing = 1): RunResult {
  const scenarios = Array.from({ length: count }, (_, i) => scenario(i + 1, i < failing ? 'failed' : 'passed'));
  return {
    tool: { name: 'poslab', version: '0.0.0' },
    seed: 3,
    command: 'npx poslab run scenarios --seed 3',
    selection: { tags: [], suites: [] },
    wallStartedAt: '2026-11-22T00:00:00.000Z',
    wallMs: 10,
    virtualMs: 60_000,
    summary: { total: count, passed: count - failing, failed: failing, broken: 0, notRun: 0 },
    conformance: {
      catalogue: 'scenarios/requirements.yaml',
      overall: { requirements: 2, passed: 0, failed: 1, notCovered: 1, weight: 4, coveredWeight: 3, earnedWeight: 0, score: 0, passRate: 0, coverage: 0.75 },
      categories: [
        { category: 'transactions', requirements: 2, passed: 0, failed: 1, notCovered: 1, weight: 4, coveredWeight: 3, earnedWeight: 0, score: 0, passRate: 0, coverage: 0.75 },
      ],
      requirements: [
        { id: 'TXN-SALE', text: 'A sale is approved once', category: 'transactions', weight: 3, source: ['SEED'], status: 'failed', credit: 0, scenarios: scenarios.map((s) => s.id) },
        { id: 'TXN-REPRINT', text: 'A reprint is marked', category: 'transactions', weight: 1, source: ['UP'], status: 'not-covered', credit: 0, scenarios: [] },
      ],
    },
    performance: [{ metric: 'host.sale', samples: count, ok: count, p50: 892, p95: 892, max: 892 }],
    scenarios,
  };
}

describe('renderHtml', () => {
  const page = renderHtml(run(2));

  it('escapes scenario text but keeps its own stylesheet and script intact', () => {
    expect(page).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; title');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('details.scenario > summary');
    expect(page).toContain("closest('svg.seq g[data-n]')");
  });

  it('opens failed scenarios and shows expected against actual and the replay command', () => {
    expect(page).toMatch(/<details class="scenario" id="s-X-1" data-verdict="failed" open>/);
    expect(page).toMatch(/<details class="scenario" id="s-X-2" data-verdict="passed" >/);
    expect(page).toContain('screen shows APPROVED');
    expect(page).toContain('npx poslab run scenarios/x-1.yaml --seed 3');
  });

  it('scores categories and draws the requirement × scenario matrix', () => {
    expect(page).toContain('Conformance by category');
    expect(page).toMatch(/<tr class="failed"><td class="rid mono" title="A sale is approved once">TXN-SALE<\/td>/);
    expect(page).toContain('<td class="c failed">●</td>');
    expect(page).toMatch(/<tr class="not-covered">.*TXN-REPRINT/);
    expect(page).toContain('href="#s-X-2"');
  });

  it('draws the sequence diagram with numbered messages whose hover holds the masked fields', () => {
    expect(page).toContain('<svg class="seq"');
    expect(page).toMatch(/<g class="a request" data-n="1"><title>2=622202\*{9}0123\n3=000000\n4=000000012850\n11=000007\n35=\[redacted: 37 characters\]<\/title>/);
    expect(page).toContain('1. 0200 financial RMB 128.50');
    expect(page).toContain('2. 0210 financial 39=00');
    expect(page).toContain('⚡ network.latency');
  });

  it('folds invariants that held into one row and charts latency against budgets', () => {
    expect(page).toContain('1 invariants held');
    expect(page).toContain('<svg class="lat"');
  });

  it('needs nothing from the network', () => {
    expect(page).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(page).not.toMatch(/@import|url\(["']?https?:/);
  });

  it('leaves out passed scenarios\' sequence diagrams when receipts as text are not enough', () => {
    const all = renderHtml(run(10, 1));
    const textOnly = renderHtml(run(10, 1), 1);
    expect(textOnly).toMatch(/and 9 passed scenarios leave out their sequence diagram/);
    expect(Buffer.byteLength(textOnly)).toBeLessThan(Buffer.byteLength(all));
  });

  it('stays under 2 MB for 100 scenarios, showing passed receipts as text when images would not fit', () => {
    const big = renderHtml(run(100, 3));
    expect(Buffer.byteLength(big)).toBeLessThan(2_000_000);
    const all = renderHtml(run(10, 1));
    expect(all.match(/<img alt="receipt/g)).toHaveLength(20);
    const tight = renderHtml(run(10, 1), Buffer.byteLength(all) - 20_000);
    expect(Buffer.byteLength(tight)).toBeLessThanOrEqual(Buffer.byteLength(all) - 20_000);
    expect(tight).toMatch(/the receipts of \d passed scenarios are shown as text/);
    const images = tight.match(/<img alt="receipt/g)?.length ?? 0;
    expect(images).toBeGreaterThan(2);
    expect(images).toBeLessThan(20);
    expect(tight).toContain('id="s-X-1"');
    const failedSection = tight.slice(tight.indexOf('id="s-X-1"'), tight.indexOf('id="s-X-2"'));
    expect(failedSection.match(/<img alt="receipt/g)).toHaveLength(2);
  });
});
