import type { Provenance } from '../lib/source-data';
import { provenanceText, uniqueProvenance } from '../lib/ui/signal-words';
import './components.css';

const safeUrl = (u: string | undefined) => (u && /^https:\/\//.test(u) ? u : null);

/** "Source · as of DATE" lines; the source name links to its page when one is known. */
export function ProvenanceLines({ items, label = 'Source' }: { items: Provenance[]; label?: string }) {
  const list = uniqueProvenance(items);
  if (list.length === 0) return <p class="provenance">{label}: not stated</p>;
  return (
    <ul class="provenance" aria-label={label === 'Source' ? 'Sources' : label}>
      {list.map((p) => {
        const url = safeUrl(p.url);
        const text = provenanceText(p);
        const rest = text.slice(p.label.length);
        return (
          <li key={`${p.source}|${p.asOf}|${p.label}`}>
            {url && text.startsWith(p.label) ? (
              <>
                <a href={url} target="_blank" rel="noreferrer noopener">
                  {p.label}
                </a>
                {rest}
              </>
            ) : (
              text
            )}
          </li>
        );
      })}
    </ul>
  );
}
