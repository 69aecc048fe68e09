/** The report's stylesheet (inline; no fonts or images are loaded). */
export const REPORT_CSS = `
:root { --fg: #1d2330; --muted: #5b6473; --line: #d9dde3; --bg-soft: #f5f7fa; --ok: #1b7f3b; --warn: #a86100; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
main { max-width: 1440px; margin: 0 auto; padding: 24px 32px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 40px 0 8px; padding-top: 12px; border-top: 2px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 6px; }
h4 { font-size: 14px; margin: 14px 0 4px; }
p.meta, .muted { color: var(--muted); }
nav ol { columns: 3; margin: 8px 0 0; padding-left: 20px; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--bg-soft); border: 1px solid var(--line); padding: 10px 12px; overflow-x: auto; line-height: 1.25; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.key td { background: #fff8e6; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; vertical-align: middle; }
.badge.complete { background: var(--ok); }
.badge.partial { background: var(--warn); }
.badge.failed { background: var(--bad); }
.errors { border: 1px solid var(--bad); border-left: 6px solid var(--bad); background: #fdf1f0; padding: 8px 12px; margin: 10px 0; }
.errors.partial { border-color: var(--warn); background: #fff6e8; }
.anchor { display: grid; grid-template-columns: 1fr 1fr; gap: 0; border: 1px solid var(--line); margin: 10px 0; }
.anchor > div { padding: 8px 12px; }
.anchor > div + div { border-left: 1px solid var(--line); background: var(--bg-soft); }
.anchor .label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 700; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); }
.matrix svg { max-width: 100%; height: auto; }
ol.chain { margin: 4px 0; padding-left: 22px; }
.path { margin: 4px 0; }
.step { white-space: nowrap; }
.step.executed { background: #ffe3cc; border-radius: 3px; padding: 0 3px; }
.arrow { color: var(--muted); }
details { margin: 8px 0; }
summary { cursor: pointer; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
`;
