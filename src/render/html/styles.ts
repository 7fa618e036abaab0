/**
 * The report's one stylesheet: light and dark schemes, a print layout, and
 * stance and change colours that always come with a symbol or a word, so
 * nothing is told by colour alone.
 */
export const CSS = `
:root{color-scheme:light dark;--heat:70%;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;
--ins:#d7f5dd;--ins-fg:#0a5c1f;--del:#ffe0e0;--del-fg:#8c1d18;--support:#1a7f37;--conditional:#bf8700;--ambiguous:#6e7781;--oppose:#cf222e;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;--panel:#161b22;
--heat:45%;--ins:#12361f;--ins-fg:#7ee2a8;--del:#4a1717;--del-fg:#ffaba8;--support:#3fb950;--conditional:#d29922;--ambiguous:#8b949e;--oppose:#f85149;--focus:#4493f8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:var(--focus)}a:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.3rem}
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0;margin:.5rem 0}
.muted{color:var(--muted)}th .muted{font-weight:400}.counts{font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:var(--panel)}
.evidence{width:auto}.evidence td.num{text-align:right;font-variant-numeric:tabular-nums}
.redline{table-layout:fixed}.redline>tbody>tr>td{width:50%;overflow-wrap:anywhere}.terms td,.terms th{width:auto;overflow-wrap:normal;word-break:normal}.redline .head{font-weight:600}.redline .none{color:var(--muted);font-style:italic}
ins{background:var(--ins);color:var(--ins-fg);text-decoration:underline}del{background:var(--del);color:var(--del-fg);text-decoration:line-through}
.kind{display:inline-block;font:600 .8rem/1.4 ui-monospace,monospace;border:1px solid var(--line);border-radius:4px;padding:0 .35rem;margin-left:.4rem}
.k-added .kind{border-color:var(--support)}.k-removed .kind{border-color:var(--oppose)}
.terms{width:auto;font-size:.9rem}.flags{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem}
.heat td.cell{text-align:center;min-width:3.2rem;padding:0;position:relative}
.heat td.cell>details>summary,.heat td.cell>span{display:block;padding:.35rem;cursor:default}
.heat td.cell summary{cursor:pointer;list-style:none}.heat td.cell summary:focus-visible{outline-offset:-3px}.heat td.cell summary::-webkit-details-marker{display:none}
.s-support{background:color-mix(in srgb,var(--support) calc(var(--sal,0.5)*var(--heat)),transparent)}
.s-conditional{background:color-mix(in srgb,var(--conditional) calc(var(--sal,0.5)*var(--heat)),transparent)}
.s-ambiguous{background:color-mix(in srgb,var(--ambiguous) calc(var(--sal,0.5)*var(--heat)),transparent)}
.s-oppose{background:color-mix(in srgb,var(--oppose) calc(var(--sal,0.5)*var(--heat)),transparent)}
/* A cell's reasons open over the table, not in it, so opening one never moves the other cells. */
.heat details ul{position:absolute;z-index:2;top:100%;left:0;width:max-content;max-width:min(22rem,80vw);margin:0;padding:.4rem .6rem .4rem 1.6rem;text-align:left;font-size:.85rem;background:var(--panel);border:1px solid var(--line);border-radius:4px;box-shadow:0 2px 8px rgb(0 0 0/.25)}
.heat tbody tr:nth-last-child(-n+3):not(:nth-child(-n+3)) details ul{top:auto;bottom:100%}.heat td.cell:nth-last-child(-n+3) details ul{left:auto;right:0}
.heat details[open]>summary{outline:2px solid var(--focus);outline-offset:-2px}
.blocked th{box-shadow:inset 4px 0 0 var(--oppose)}.blocked-note{color:var(--oppose);font-weight:600;font-size:.85rem}
.score{font:600 .9rem ui-monospace,monospace}
.legend{font-size:.9rem;color:var(--muted)}
svg.timeline{width:100%;max-width:900px;height:auto;background:var(--panel);border:1px solid var(--line)}
svg.timeline text{fill:var(--fg);font:12px system-ui,sans-serif}svg.timeline .grid{stroke:var(--line)}
.scroll{overflow-x:auto}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#999;--panel:#f2f2f2;--ins:#d7f5dd;--ins-fg:#0a5c1f;--del:#ffe0e0;--del-fg:#8c1d18;--heat:70%}
nav,.skip{display:none}body{font-size:10px;color:#000;background:#fff}header,main{max-width:none;padding:0}.scroll{overflow:visible}
.heat{font-size:9px}.heat th,.heat td{padding:.1rem .2rem}.heat td.cell{min-width:0}.heat td.cell>details>summary,.heat td.cell>span{padding:.1rem}
.heat thead th:not(:first-child){writing-mode:vertical-rl;transform:rotate(180deg)}
h2{break-before:page}table,svg{break-inside:auto}tr{break-inside:avoid}a{color:#000;text-decoration:none}
.heat td.cell{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;
