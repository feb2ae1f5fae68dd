import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { comboKey } from '../lib/ui/combobox-keys';
import './components.css';

const SYMBOL_LIKE = /^\$?[A-Za-z][A-Za-z0-9.\-/]{0,9}$/;

export interface Suggestion {
  symbol: string;
  name: string;
}

interface Props {
  /** Looks up suggestions for what the user typed (symbol or company name). */
  suggest: (query: string) => Promise<Suggestion[]>;
  /** Adds a symbol; resolves to an error message or null on success. */
  onAdd: (symbol: string) => Promise<string | null>;
  disabled?: boolean;
}

/**
 * "Add a symbol" combobox (WAI-ARIA 1.2 pattern): focus stays in the input, arrows move
 * aria-activedescendant through the suggestions, Enter adds, Escape closes.
 */
export function SymbolCombobox({ suggest, onAdd, disabled }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const msgId = `${id}-msg`;
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  /** A symbol-like text that matches no listing, waiting for "Add anyway". */
  const [confirm, setConfirm] = useState<string | null>(null);
  const seq = useRef(0);

  // Debounced lookup; a slower earlier answer never overwrites a newer one.
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setOptions([]);
      setOpen(false);
      return;
    }
    const mine = ++seq.current;
    const t = setTimeout(() => {
      suggest(q)
        .then((list) => {
          if (mine !== seq.current) return;
          setOptions(list.slice(0, 8));
          // The first suggestion is highlighted: what is highlighted is what Enter adds.
          setActive(list.length > 0 ? 0 : -1);
          setOpen(list.length > 0);
          setConfirm(null);
        })
        .catch(() => {
          if (mine === seq.current) setOptions([]);
        });
    }, 150);
    return () => clearTimeout(t);
  }, [query, suggest]);

  const add = async (symbol: string) => {
    if (!symbol.trim() || busy) return;
    setBusy(true);
    setOpen(false);
    setActive(-1);
    const raw = await onAdd(symbol.trim());
    // The protocol's wording ("Malformed pin: …") is for developers, not for the reader.
    const err =
      raw && /^Malformed /.test(raw) ? `“${symbol.trim().slice(0, 20)}” is not a ticker symbol.` : raw;
    setBusy(false);
    if (err) {
      setMessage({ text: err, error: true });
    } else {
      setMessage({ text: `Added ${symbol.trim().toUpperCase().replace(/^\$/, '')}.`, error: false });
      seq.current++;
      setQuery('');
      setOptions([]);
    }
  };

  /**
   * Enter (or Add) with nothing highlighted: the typed text is added only when it is exactly a
   * known symbol. Otherwise the matches are shown to choose from, and text that matches nothing
   * asks before it is added, so "Co-Diag" never becomes a "CO-DIAG" row.
   */
  const submitTyped = async () => {
    const typed = query.trim();
    if (!typed || busy) return;
    // This answer supersedes the debounced lookup still pending for the same text, which would
    // otherwise land after it and take the "Add … anyway" question away again.
    seq.current++;
    const bare = typed.replace(/^\$/, '').toUpperCase();
    let list: Suggestion[] = [];
    try {
      list = (await suggest(typed)).slice(0, 8);
    } catch {
      list = [];
    }
    const exact = list.find((o) => o.symbol === bare);
    if (exact) return add(exact.symbol);
    if (list.length > 0) {
      setOptions(list);
      setActive(0);
      setOpen(true);
      setMessage({ text: 'Choose a match: the highlighted one is added with Enter.', error: false });
      return;
    }
    if (SYMBOL_LIKE.test(typed)) {
      setConfirm(bare);
      setMessage({ text: `No US listing we know of is called ${bare}.`, error: false });
      return;
    }
    setMessage({
      text: `Nothing matches “${typed.slice(0, 40)}”. Try the ticker symbol or the start of the company's name.`,
      error: true,
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const r = comboKey(e.key, active, options.length, open);
    if (r.handled) e.preventDefault();
    if (r.action === 'open') setOpen(true);
    if (r.action === 'close') setOpen(false);
    if (r.action === 'select') {
      const o = options[r.active];
      if (o) void add(o.symbol);
      return;
    }
    if (r.action === 'submit') {
      void submitTyped();
      return;
    }
    setActive(r.active);
  };

  const activeId = open && active >= 0 ? `${id}-opt-${active}` : undefined;

  return (
    <div class="combo">
      <label for={`${id}-input`} class="combo-label">
        Add a symbol or company
      </label>
      <div class="combo-row">
        <div class="combo-field">
          <input
            id={`${id}-input`}
            data-testid="add-symbol-input"
            type="text"
            role="combobox"
            autocomplete="off"
            spellcheck={false}
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={activeId}
            aria-describedby={`${hintId} ${msgId}`}
            value={query}
            disabled={disabled}
            placeholder="e.g. CRDO or Credo"
            onInput={(e) => {
              setQuery((e.currentTarget as HTMLInputElement).value);
              setMessage(null);
              setConfirm(null);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label="Suggestions" class="combo-list" hidden={!open}>
            {options.map((o, i) => (
              <li
                key={o.symbol}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                class={i === active ? 'combo-option active' : 'combo-option'}
                // mousedown, not click: keeps focus in the input so the list doesn't close first
                onMouseDown={(e) => {
                  e.preventDefault();
                  void add(o.symbol);
                }}
              >
                <span class="combo-symbol">{o.symbol}</span> <span class="combo-name">{o.name}</span>
              </li>
            ))}
          </ul>
        </div>
        <button
          type="button"
          class="btn"
          disabled={disabled || busy || !query.trim()}
          onClick={() => (open && options[active] ? void add(options[active].symbol) : void submitTyped())}
        >
          Add
        </button>
      </div>
      <p id={hintId} class="sr-only">
        Type to see suggestions; use Up and Down arrows to choose, Enter to add.
      </p>
      <p
        id={msgId}
        class={message?.error ? 'combo-msg error-text small' : 'combo-msg small muted'}
        role="status"
      >
        {message?.text ?? ''}
      </p>
      {confirm ? (
        <div class="combo-confirm">
          <button
            type="button"
            class="btn btn-small"
            onClick={() => void add(confirm).then(() => setConfirm(null))}
          >
            Add {confirm} anyway
          </button>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => {
              setConfirm(null);
              setMessage(null);
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
    </div>
  );
}
