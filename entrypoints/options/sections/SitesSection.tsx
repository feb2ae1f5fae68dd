/**
 * Options › Sites: the curated list, sites the user adds (each asks for its host permission in
 * the click), and paused sites.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { curatedHostNames, isCuratedHost, parseOriginInput, toggleHost } from '../../../lib/sites';
import { errorText } from '../../../lib/ui/load-state';
import { Section, TextForm, type Msg, type SectionProps } from './Fields';

/** Host-permission state of each extra site (the user can revoke access in the browser). */
function useGrants(origins: string[]) {
  const [grants, setGrants] = useState<Record<string, boolean>>({});
  const key = origins.join('|');
  const check = useCallback(async () => {
    const out: Record<string, boolean> = {};
    for (const o of origins) {
      out[o] = await browser.permissions.contains({ origins: [`${o}/*`] }).catch(() => false);
    }
    setGrants(out);
  }, [key]);
  useEffect(() => void check(), [check]);
  return [grants, check] as const;
}

export function SitesSection({ s, save }: SectionProps) {
  const [input, setInput] = useState('');
  const [pauseInput, setPauseInput] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const [pauseMsg, setPauseMsg] = useState<Msg>(null);
  const [grants, recheck] = useGrants(s.extraSites);
  const curated = curatedHostNames();

  const request = (origin: string) =>
    // Must run inside the click/submit: browsers grant permissions only during a user gesture.
    browser.permissions.request({ origins: [`${origin}/*`] });

  /** The typed site as an origin, or null after saying what is wrong with it. */
  const readOrigin = (text: string, say: (m: Msg) => void) => {
    const r = parseOriginInput(text);
    if (r.ok) return r;
    say({ kind: 'error', text: r.error });
    return null;
  };

  const addSite = () => {
    const r = readOrigin(input, setMsg);
    if (!r) return;
    if (isCuratedHost(r.host)) {
      setMsg({ kind: 'ok', text: `${r.host} is already on (it is in the curated list).` });
      return;
    }
    if (s.extraSites.includes(r.origin)) {
      setMsg({ kind: 'ok', text: `${r.origin} is already on.` });
      return;
    }
    request(r.origin)
      .then(async (granted) => {
        if (!granted) {
          setMsg({ kind: 'error', text: `Access to ${r.origin} was not granted; nothing changed.` });
          return;
        }
        if (await save({ extraSites: [...s.extraSites, r.origin] }, `${r.origin} added.`)) {
          setMsg({ kind: 'ok', text: `${r.origin} added. Reload its tabs to see tickers.` });
          setInput('');
          void recheck();
        }
      })
      .catch((err: unknown) =>
        setMsg({ kind: 'error', text: `Could not ask for access: ${errorText(err)}` }),
      );
  };

  const removeSite = async (origin: string) => {
    await browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
    if (await save({ extraSites: s.extraSites.filter((o) => o !== origin) }, `${origin} removed.`)) {
      setMsg({ kind: 'ok', text: `${origin} removed and its access given back.` });
    }
  };

  const addPause = () => {
    const r = readOrigin(pauseInput, setPauseMsg);
    if (!r) return;
    void save({ pausedSites: toggleHost(s.pausedSites, r.host, true) }, `Paused on ${r.host}.`).then((ok) => {
      if (ok) {
        setPauseInput('');
        setPauseMsg(null);
      }
    });
  };

  return (
    <>
      <Section id="sites" title="Sites">
        <p>
          Small-Cap Lens reads tickers on {curated.length} curated finance and news sites, and on sites you
          add here. It never runs anywhere else.
        </p>
        <details class="curated">
          <summary>Show the curated sites</summary>
          <ul class="host-grid small">
            {curated.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </details>
        <TextForm
          id="add-site"
          label="Add a site"
          value={input}
          onInput={setInput}
          onSubmit={addSite}
          button="Add site"
          primary
          inputMode="url"
          placeholder="example.com"
          hint="Your browser will ask you to allow access to that site."
          msg={msg}
        />
        {s.extraSites.length ? (
          <ul class="item-list" aria-label="Sites you added">
            {s.extraSites.map((o) => (
              <li key={o}>
                <span class="item-name">{o}</span>
                {grants[o] === false ? (
                  <>
                    <span class="small warn-text">Access not granted</span>
                    <button
                      type="button"
                      class="btn btn-small"
                      onClick={() =>
                        void request(o)
                          .then(() => recheck())
                          .catch((err: unknown) => setMsg({ kind: 'error', text: errorText(err) }))
                      }
                    >
                      Grant access
                    </button>
                  </>
                ) : null}
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={`Remove ${o}`}
                  onClick={() => void removeSite(o)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">You have not added any sites.</p>
        )}
      </Section>
      <section class="opt-section" aria-labelledby="paused-h">
        <h3 id="paused-h">Paused sites</h3>
        <p class="muted small">
          No tickers are underlined or listed on these sites. You can also pause from the popup.
        </p>
        {s.pausedSites.length ? (
          <ul class="item-list" aria-label="Paused sites">
            {s.pausedSites.map((h) => (
              <li key={h}>
                <span class="item-name">{h}</span>
                <button
                  type="button"
                  class="btn btn-small"
                  aria-label={`Resume on ${h}`}
                  onClick={() =>
                    void save({ pausedSites: toggleHost(s.pausedSites, h, false) }, `Resumed on ${h}.`)
                  }
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted small">No paused sites.</p>
        )}
        <TextForm
          id="add-pause"
          label="Pause on a site"
          value={pauseInput}
          onInput={setPauseInput}
          onSubmit={addPause}
          button="Pause"
          placeholder="www.example.com"
          msg={pauseMsg}
        />
      </section>
    </>
  );
}
