import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { comboKey } from './combobox';
import './components.css';

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
          setActive(-1);
          setOpen(list.length > 0);
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
    const err = await onAdd(symbol.trim());
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
      // A company name ("Hancock Whitney") is not a symbol: Enter takes the best suggestion.
      const typed = query.trim();
      const symbolLike = /^\$?[A-Za-z][A-Za-z0-9.\-/]{0,9}$/.test(typed);
      void add(!symbolLike && options[0] ? options[0].symbol : typed);
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
          onClick={() => void add(query)}
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
    </div>
  );
}
