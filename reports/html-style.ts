/** The report's whole stylesheet, inlined so the file works offline and from CI artefacts. */
export const STYLE = `
:root { --ok:#1a7f37; --bad:#cf222e; --skip:#8c959f; --ink:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#f6f8fa; --card:#fff; --accent:#0969da; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans","WenQuanYi Micro Hei",Arial,sans-serif; color:var(--ink); background:var(--bg); }
header { background:#24292f; color:#fff; padding:20px 32px; }
header h1 { margin:0 0 4px; font-size:20px; font-weight:600; }
header .meta { color:#c9d1d9; font-size:13px; }
main { padding:20px 32px 48px; max-width:1400px; }
.cards { display:flex; gap:12px; flex-wrap:wrap; margin-bottom:20px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 16px; min-width:140px; }
.card .n { font-size:26px; font-weight:600; }
.card .l { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
.ok { color:var(--ok); } .bad { color:var(--bad); } .skip { color:var(--skip); }
table { border-collapse:collapse; width:100%; background:var(--card); }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; background:var(--bg); }
h2 { font-size:16px; margin:24px 0 10px; }
h3 { font-size:13px; margin:16px 0 6px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
.filters { margin:8px 0 12px; display:flex; gap:8px; }
.filters button { border:1px solid var(--line); background:var(--card); border-radius:6px; padding:4px 12px; cursor:pointer; font:inherit; }
.filters button.on { background:var(--accent); color:#fff; border-color:var(--accent); }
details.scenario { background:var(--card); border:1px solid var(--line); border-radius:8px; margin-bottom:10px; }
details.scenario > summary { padding:10px 14px; cursor:pointer; display:flex; gap:10px; align-items:baseline; list-style:none; }
details.scenario > summary::-webkit-details-marker { display:none; }
details.scenario[open] > summary { border-bottom:1px solid var(--line); }
.badge { font-size:11px; font-weight:700; border-radius:10px; padding:1px 8px; color:#fff; text-transform:uppercase; }
.badge.passed { background:var(--ok); } .badge.failed { background:var(--bad); } .badge.skipped { background:var(--skip); }
.sid { white-space:nowrap; font-weight:600; font-family:ui-monospace,SFMono-Regular,Menlo,monospace; }
.dim { color:var(--muted); font-size:12px; }
.body { padding:4px 14px 14px; }
code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; font-size:12px; }
.replay { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:6px 10px; display:inline-block; }
.screen { background:#102a13; color:#9be09b; font-family:ui-monospace,Menlo,monospace; font-size:12px; padding:4px 8px; border-radius:4px; white-space:pre; display:inline-block; min-width:21ch; line-height:1.3; }
.fail-row td { background:#ffebe9; }
.timeline td { padding:3px 10px; }
.timeline td.t { width:70px; white-space:nowrap; color:var(--muted); }
.timeline .ev { font-weight:600; white-space:nowrap; width:110px; }
.timeline .detail { word-break:break-all; }
.lane { display:inline-block; min-width:86px; text-align:center; border-radius:4px; padding:0 6px; font-size:11px; font-weight:600; color:#fff; background:#6e7781; }
.lane-card-reader { background:#8250df; } .lane-pinpad { background:#bf3989; } .lane-console { background:#1f883d; }
.lane-link { background:#0969da; } .lane-host { background:#9a6700; } .lane-printer { background:#57606a; } .lane-harness { background:#cf222e; }
.receipts { display:flex; gap:16px; flex-wrap:wrap; align-items:flex-start; }
.receipts figure { margin:0; background:#fff; border:1px solid var(--line); padding:8px; border-radius:6px; }
.receipts img { display:block; image-rendering:pixelated; width:288px; }
.receipts figcaption { font-size:12px; color:var(--muted); margin-top:6px; }
pre.actual { margin:4px 0 0; white-space:pre-wrap; font-size:11px; color:var(--muted); }
`;
