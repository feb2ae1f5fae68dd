/**
 * The hover card's styles, inside its shadow root. `:host { all: initial !important }`: for
 * !important rules the shadow tree wins over the page, so no page rule (`display: none
 * !important` on undefined elements, `all: unset`) can hide or restyle the host.
 */
export const CARD_CSS = `
:host { all: initial !important; }
.scl-card {
  --bg: #ffffff; --fg: #1b1d21; --muted: #5c6270; --line: #d9dce3; --accent: #1f57c3;
  --up: #0f7b3f; --down: #b42318; --chip: #f1f3f7; --r2000: #c2410c; --focus: #1f57c3;
  position: fixed; z-index: 2147483647; box-sizing: border-box; width: 360px; max-width: calc(100vw - 16px);
  overflow: auto; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18), 0 1px 3px rgba(0,0,0,.12);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
  padding: 10px 14px 0; pointer-events: auto; cursor: auto; letter-spacing: normal; text-transform: none;
}
.scl-card[data-theme="dark"] {
  --bg: #1c1f26; --fg: #eceef2; --muted: #a5abb8; --line: #3a3f4b; --accent: #8ab4ff;
  --up: #4ade80; --down: #fb7185; --chip: #2a2e38; --r2000: #fb923c; --focus: #8ab4ff;
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
.name { margin: 0 0 8px; color: var(--fg); font-size: 13px; }
.close { position: absolute; top: 6px; right: 6px; width: 26px; height: 26px; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font: 18px/1 system-ui, sans-serif; cursor: pointer; }
.close:hover { background: var(--chip); color: var(--fg); }
.sec { border-top: 1px solid var(--line); padding: 5px 0; margin: 0; }
.sec h3 { font-size: 10.5px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 2px; }
.mem { margin: 0; font-weight: 600; }
.mem.r2000 { color: var(--r2000); }
.row { display: flex; align-items: center; gap: 10px; }
.price { font-size: 16px; font-weight: 600; }
.up { color: var(--up); } .down { color: var(--down); }
.prov { margin: 2px 0 0; color: var(--muted); font-size: 11px; }
.warn { color: var(--down); font-size: 12px; margin: 2px 0 0; }
.muted { color: var(--muted); margin: 0; }
svg.spark { display: block; flex: none; }
svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-linejoin: round; }
ul.strip { list-style: none; margin: 0; padding: 0; }
ul.strip li { margin: 0 0 2px; padding: 0; font-size: 12.5px; line-height: 1.35; }
.strip .prov { display: inline; font-size: 10.5px; }
.strip .lbl { color: var(--muted); }
.strip .val { font-weight: 600; }
.strip button.ev { font: 500 10.5px/1.2 system-ui, sans-serif; padding: 0; border: 0; background: none;
  color: var(--accent); text-decoration: underline; cursor: pointer; }
.strip .stale { color: var(--down); border: 1px solid currentColor; border-radius: 4px; padding: 0 3px; font-size: 10px; font-weight: 600; }
/* Sticky: the buttons stay reachable when a short viewport clips the card. */
.foot { position: sticky; bottom: 0; background: var(--bg); border-top: 1px solid var(--line); padding: 7px 0 6px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
.actions button { font: 600 12px/1 system-ui, sans-serif; padding: 7px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--line); background: var(--chip); color: var(--fg); }
.actions button.primary { background: var(--accent); border-color: var(--accent); color: var(--bg); }
.status { font-size: 12px; color: var(--muted); margin: 4px 0 0; }
.status:empty { display: none; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.disc { font-size: 10px; color: var(--muted); margin: 4px 0 0; }
`;
