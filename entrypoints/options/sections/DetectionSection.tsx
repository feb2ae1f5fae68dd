/** Options › Detection: lower-case cashtags and the words never to tag. */
import { useState } from 'preact/hooks';
import { normalizeSymbol } from '../../../lib/core/symbols';
import { Check, Notice, Section, type Msg, type SectionProps } from './Fields';

export function DetectionSection({ s, save }: SectionProps) {
  const [word, setWord] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const add = (e: Event) => {
    e.preventDefault();
    const typed = word.split(/[\s,;]+/).filter(Boolean);
    const bad = typed.filter((w) => !normalizeSymbol(w));
    const words = typed.map((w) => normalizeSymbol(w)).filter((w): w is string => !!w);
    if (!words.length || bad.length) {
      setMsg({
        kind: 'error',
        text: bad.length ? `Not ticker-like: ${bad.join(', ')}` : 'Type a word first.',
      });
      return;
    }
    const next = [...new Set([...s.neverTag, ...words])];
    void save({ neverTag: next }, `Will never tag ${words.join(', ')}.`).then((ok) => {
      if (ok) {
        setWord('');
        setMsg(null);
      }
    });
  };
  return (
    <Section id="detection" title="Detection">
      <Check
        id="lower-cashtags"
        checked={s.lowercaseCashtags}
        onChange={(v) => void save({ lowercaseCashtags: v })}
        label="Also detect lower-case cashtags, like $crdo"
        hint="Off by default: lower-case cashtags are often ordinary words or prices."
      />
      <form class="field" onSubmit={add}>
        <label for="never-tag">Words never to tag</label>
        <div class="inline">
          <input
            id="never-tag"
            type="text"
            value={word}
            placeholder="e.g. CEO, AI"
            aria-describedby="never-tag-hint"
            onInput={(e) => setWord((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="btn">
            Add
          </button>
        </div>
        <p id="never-tag-hint" class="hint small muted">
          Separate several words with spaces or commas.
        </p>
      </form>
      <Notice msg={msg} />
      {s.neverTag.length ? (
        <ul class="chip-list" aria-label="Words never tagged">
          {s.neverTag.map((w) => (
            <li key={w} class="word-chip">
              <span>{w}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${w}`}
                onClick={() =>
                  void save({ neverTag: s.neverTag.filter((x) => x !== w) }, `${w} can be tagged again.`)
                }
              >
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No words excluded.</p>
      )}
    </Section>
  );
}
