/** The report's whole stylesheet, inlined so the file works offline and from CI artefacts. */
export const STYLE = `
:root { --ok:#1a7f37; --bad:#cf222e; --warn:#9a6700; --skip:#8c959f; --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; --card:#fff; --accent:#0969da; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans","WenQuanYi Micro Hei",Arial,sans-serif; color:var(--ink); background:var(--bg); }
header { background:#24292f; color:#fff; padding:20px 32px; }
header h1 { margin:0 0 4px; font-size:20px; font-weight:600; }
header .meta { color:#c9d1d9; font-size:13px; }
header code { color:#fff; }
main { padding:20px 32px 48px; max-width:1560px; }
.cards { display:flex; gap:12px; flex-wrap:wrap; margin-bottom:8px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 16px; min-width:130px; }
.card .n { font-size:26px; font-weight:600; }
.card .l { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.ok { color:var(--ok); } .bad { color:var(--bad); } .warn { color:var(--warn); } .skip { color:var(--skip); }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:5px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; background:var(--bg); }
td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
h2 { font-size:16px; margin:28px 0 10px; }
h3 { font-size:13px; margin:16px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
h3 .dim { text-transform:none; letter-spacing:0; font-weight:normal; }
.scores th.wide { width:34%; }
.scores tr.total td { font-weight:600; border-top:2px solid var(--ink); }
.bar { display:flex; height:12px; background:#e6e9ed; border-radius:6px; overflow:hidden; margin-top:4px; }
.bar i { display:block; height:100%; } .bar i.e { background:var(--ok); } .bar i.x { background:var(--bad); }
.perf { display:flex; gap:24px; flex-wrap:wrap; align-items:flex-start; }
.perf > div { flex:1 1 520px; }
svg.lat { background:var(--card); border:1px solid var(--line); border-radius:6px; max-width:100%; height:auto; font-size:11px; }
svg.lat .g { stroke:#eaeef2; } svg.lat .x { fill:var(--muted); text-anchor:middle; } svg.lat .m { fill:var(--ink); font-family:ui-monospace,Menlo,monospace; }
svg.lat circle { fill:#0969da; fill-opacity:.35; } svg.lat .p50 { stroke:#0969da; stroke-width:2; } svg.lat .p95 { stroke:#8250df; stroke-width:2; }
svg.lat .b { stroke:var(--bad); stroke-width:2; stroke-dasharray:4 3; }
.filters { margin:8px 0 12px; display:flex; gap:8px; }
.filters button { border:1px solid var(--line); background:var(--card); border-radius:6px; padding:4px 12px; cursor:pointer; font:inherit; }
.filters button.on { background:var(--accent); color:#fff; border-color:var(--accent); }
.matrix-wrap { overflow:auto; max-height:640px; border:1px solid var(--line); border-radius:6px; }
.matrix { font-size:12px; }
.matrix th, .matrix td { padding:2px 6px; white-space:nowrap; }
.matrix thead th { position:sticky; top:0; z-index:1; }
.matrix th.c { writing-mode:vertical-rl; transform:rotate(180deg); padding:6px 2px; text-transform:none; letter-spacing:0; font-family:ui-monospace,Menlo,monospace; }
.matrix th.c a { color:var(--ink); text-decoration:none; }
.matrix td.c { width:16px; text-align:center; padding:2px 0; border-left:1px solid #eef1f4; }
.matrix td.c.passed { color:var(--ok); } .matrix td.c.failed, .matrix td.c.broken { color:var(--bad); }
.matrix td.txt { max-width:260px; overflow:hidden; text-overflow:ellipsis; }
.matrix td.rid, .matrix th:first-child { position:sticky; left:0; background:var(--card); z-index:2; }
.matrix thead th:first-child { background:var(--bg); z-index:3; }
.matrix .cat { color:var(--muted); }
.matrix tr.not-covered td.rid { color:var(--muted); }
details.scenario { background:var(--card); border:1px solid var(--line); border-radius:8px; margin-bottom:10px; }
details.scenario > summary { padding:10px 14px; cursor:pointer; display:flex; gap:10px; align-items:baseline; list-style:none; flex-wrap:wrap; }
details.scenario > summary::-webkit-details-marker { display:none; }
details.scenario[open] > summary { border-bottom:1px solid var(--line); }
.badge { font-size:11px; font-weight:700; border-radius:10px; padding:1px 8px; color:#fff; text-transform:uppercase; white-space:nowrap; }
.badge.passed { background:var(--ok); } .badge.failed, .badge.broken { background:var(--bad); } .badge.skipped, .badge.not-covered { background:var(--skip); }
.sid { white-space:nowrap; font-weight:600; font-family:ui-monospace,SFMono-Regular,Menlo,monospace; }
.dim { color:var(--muted); font-size:12px; }
.body { padding:4px 14px 14px; }
.cols { display:flex; gap:20px; flex-wrap:wrap; align-items:flex-start; }
.col { flex:1 1 500px; min-width:500px; overflow-x:auto; }
.seq-col { flex:0 0 auto; min-width:0; overflow:visible; }
.steps td.mono { overflow-wrap:anywhere; }
.seq-wrap { overflow-x:auto; border:1px solid var(--line); border-radius:6px; background:#fcfcfd; }
code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; }
.replay { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:3px 8px; display:inline-block; user-select:all; }
.chip { display:inline-block; font-family:ui-monospace,Menlo,monospace; font-size:11px; background:#ddf4ff; color:#0550ae; border-radius:10px; padding:0 7px; margin:1px 2px; }
.chip.tag { background:#eaeef2; color:var(--muted); }
.screen { background:#102a13; color:#9be09b; font-family:ui-monospace,Menlo,monospace; font-size:12px; padding:4px 8px; border-radius:4px; white-space:pre; display:inline-block; min-width:21ch; line-height:1.3; }
.steps td { padding:4px 8px; }
.fail-row td { background:#ffebe9; }
.receipts { display:flex; gap:16px; flex-wrap:wrap; align-items:flex-start; }
.receipts figure { margin:0; background:#fff; border:1px solid var(--line); padding:8px; border-radius:6px; }
.receipts img { display:block; image-rendering:pixelated; width:288px; }
.receipts pre.paper { margin:0; font-size:11px; line-height:1.25; width:288px; white-space:pre-wrap; }
.receipts figcaption { font-size:12px; color:var(--muted); margin-top:6px; }
pre.actual { margin:4px 0 0; white-space:pre-wrap; font-size:11px; color:var(--muted); }
pre.actual.bad { color:var(--bad); }
svg.seq { display:block; font-size:10.5px; font-family:ui-monospace,SFMono-Regular,Menlo,monospace; }
svg.seq .h { text-anchor:middle; font-weight:700; font-family:-apple-system,"Segoe UI",Roboto,sans-serif; font-size:11px; fill:var(--ink); }
svg.seq .l { stroke:#d0d7de; stroke-dasharray:3 3; }
svg.seq .t { fill:var(--muted); font-size:10px; }
svg.seq .a path { stroke-width:1.5; fill:none; } svg.seq .a text { text-anchor:middle; }
svg.seq .request path { stroke:#0969da; marker-end:url(#ah-request); } svg.seq .request text { fill:#0550ae; }
svg.seq .answer path { stroke:#1a7f37; marker-end:url(#ah-answer); } svg.seq .answer text { fill:#116329; }
svg.seq .lost path { stroke:#cf222e; stroke-dasharray:4 2; marker-end:url(#ah-lost); } svg.seq .lost text { fill:#cf222e; }
svg.seq .device path { stroke:#8c959f; marker-end:url(#ah-device); } svg.seq .device text { fill:#59636e; }
svg.seq g[data-n] { cursor:pointer; } svg.seq g[data-n]:hover text, svg.seq g.sel text { font-weight:700; }
svg.seq .n rect { fill:#eaeef2; stroke:#afb8c1; } svg.seq .n text { text-anchor:middle; fill:var(--ink); }
svg.seq .n.fault rect { fill:#ffebe9; stroke:#cf222e; } svg.seq .n.heal rect { fill:#dafbe1; stroke:#1a7f37; }
.msg-detail { position:sticky; top:8px; z-index:4; background:#0d1117; color:#c9d1d9; padding:8px 12px; border-radius:6px; font-size:12px; max-height:360px; overflow:auto; margin:0 0 8px; cursor:pointer; box-shadow:0 4px 12px rgba(0,0,0,.25); }
.msg-detail::before { content:"× "; color:#8b949e; float:right; }
`;
