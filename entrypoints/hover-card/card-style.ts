/**
 * The hover card's styles, inside its shadow root. `:host { all: initial !important }`: for
 * !important rules the shadow tree wins over the page, so no page rule (`display: none
 * !important` on undefined elements, `all: unset`) can hide or restyle the host.
 */
export const CARD_CSS = `
:host { all: initial !important; }
.scl-card {
  --bg: #ffffff; --fg: #1b1d21; --muted: #5c6270; --line: #d9dce3; --accent: #1f57c3;
  --up: #0f7b3f; --down: #b42318; --chip: #f1f3f7; --r2000: #c2410c; --r1000: #1f57c3; --other: #6b7280; --focus: #1f57c3;
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px);
  overflow: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  padding: 10px 14px 0; pointer-events: auto; cursor: auto; letter-spacing: normal; text-transform: none;
}
.scl-card[data-theme="dark"] {
  --bg: #1c1f26; --fg: #eceef2; --muted: #a5abb8; --line: #3a3f4b; --accent: #8ab4ff;
  --up: #4ade80; --down: #fb7185; --chip: #2a2e38; --r2000: #fb923c; --r1000: #8ab4ff; --other: #9ca3af; --focus: #8ab4ff;
  box-shadow: 0 8px 28px rgba(0,0,0,.55);
}
@media (prefers-reduced-motion: no-preference) {
  .scl-card { animation: scl-in 120ms ease-out; }
  @keyframes scl-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
.scl-card *, .scl-card *::before, .scl-card *::after { box-sizing: border-box; }
.scl-card:focus { outline: none; }
.scl-card :focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.hd { display: flex; align-items: baseline; gap: 8px; margin: 0 0 2px; padding-right: 22px; }
.sym { font-size: 17px; font-weight: 700; margin: 0; }
.exch { color: var(--muted); font-size: 12px; }
.name { margin: 0 0 6px; color: var(--fg); font-size: 13px; }
.close { position: absolute; top: 6px; right: 6px; width: 26px; height: 26px; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font: 18px/1 system-ui, sans-serif; cursor: pointer; }
.close:hover { background: var(--chip); color: var(--fg); }
.quote-line { margin: 0 0 6px; }
.mem-block { border-top: 1px solid var(--line); padding: 6px 0; }
.mem { margin: 0; font-weight: 600; display: flex; align-items: baseline; gap: 6px; }
.mem .dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--other); transform: translateY(-1px); }
.mem-r2000 .dot { background: var(--r2000); }
.mem-r1000 .dot { background: var(--r1000); }
.row { display: flex; align-items: center; gap: 10px; }
.price { font-size: 16px; font-weight: 600; }
.up { color: var(--up); } .down { color: var(--down); }
.muted { color: var(--muted); margin: 0; }
.small { font-size: 11.5px; }
svg.spark { display: block; flex: none; margin-left: auto; }
svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-linejoin: round; }
.backdrop { display: block; width: 100%; text-align: left; border: 0; border-top: 1px solid var(--line);
  background: transparent; color: var(--fg); font: 12.5px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 6px 0; cursor: pointer; }
.backdrop:hover { color: var(--accent); }
.backdrop .lbl { font-weight: 600; }
.sources { margin: 4px 0 0; font-size: 11px; color: var(--muted); }
.sources summary { cursor: pointer; width: max-content; }
.sources .info { display: inline-block; width: 13px; height: 13px; border: 1px solid currentColor; border-radius: 50%;
  font: italic 600 9px/11px Georgia, serif; text-align: center; }
.sources ul { margin: 2px 0 0; padding: 0 0 0 14px; }
.sources li { margin: 0; }
.stale { color: var(--down); border: 1px solid currentColor; border-radius: 4px; padding: 0 3px; font-size: 10px; font-weight: 600; margin-left: 4px; }
/* Sticky: the buttons stay reachable when a short viewport clips the card. */
.foot { position: sticky; bottom: 0; background: var(--bg); border-top: 1px solid var(--line); padding: 7px 0 6px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
.actions button { font: 600 12px/1 system-ui, sans-serif; padding: 7px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--line); background: var(--chip); color: var(--fg); }
.actions button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.actions button.done { background: var(--chip); border-color: var(--line); color: var(--up); cursor: default; }
.status { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
.status:empty { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.disc { font-size: 10px; color: var(--muted); margin: 4px 0 0; }
`;
