/** Options › Detection: lower-case cashtags and the words never to tag. */
import { useState } from 'preact/hooks';
import { normalizeSymbol } from '../../../lib/core/symbols';
import { Section, SettingCheck, TextForm, type Msg, type SectionProps } from './Fields';

export function DetectionSection({ s, save }: SectionProps) {
  const [word, setWord] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const add = () => {
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
      <SettingCheck
        s={s}
        save={save}
        setting="lowercaseCashtags"
        id="lower-cashtags"
        label="Also detect lower-case cashtags, like $crdo"
        hint="Off by default: lower-case cashtags are often ordinary words or prices."
      />
      <TextForm
        id="never-tag"
        label="Words never to tag"
        value={word}
        onInput={setWord}
        onSubmit={add}
        button="Add"
        placeholder="e.g. CEO, AI"
        hint="Separate several words with spaces or commas."
        msg={msg}
      />
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
