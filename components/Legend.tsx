import './components.css';

/**
 * The colour system in one place: orange for Russell 2000 members, blue for Russell 1000, grey
 * for the rest (badges, the card's dot), and what the underlines on news pages mean.
 */
export function IndexLegend() {
  return (
    <div class="idx-legend-box small muted" data-testid="index-legend">
      <ul class="idx-legend" aria-label="Colour key">
        <li class="idx-r2000">
          <span class="idx-dot" aria-hidden="true" /> Russell 2000
        </li>
        <li class="idx-r1000">
          <span class="idx-dot" aria-hidden="true" /> Russell 1000
        </li>
        <li class="idx-other">
          <span class="idx-dot" aria-hidden="true" /> Other
        </li>
      </ul>
      <p class="idx-lines">
        On pages: <span class="idx-swatch idx-solid" aria-hidden="true" /> solid underline = Russell 2000,{' '}
        <span class="idx-swatch idx-dotted" aria-hidden="true" /> dotted = other tickers.
      </p>
    </div>
  );
}

/** The keyboard path, shown rather than hidden. */
export function ShortcutHint() {
  return (
    <p class="small muted shortcut-hint">
      <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>K</kbd> steps through the tickers on a page; <kbd>Enter</kbd> opens
      one, <kbd>Esc</kbd> closes it.
    </p>
  );
}
