/**
 * Options › Alerts: the switch for the log and badge, system notifications (asks for the optional
 * `notifications` permission on the click that turns them on), each rule with its threshold,
 * quiet hours, the daily digest, and snoozed rules.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RULE_IDS, RULE_META, type AlertSettings, type RuleId } from '../../../lib/alerts/types';
import { send } from '../../../lib/messaging';
import { errorText } from '../../../lib/ui/load-state';
import { Notice, type Msg, type SectionProps } from './Fields';
import '../../../components/alerts.css';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function AlertsSection({ s, save }: SectionProps) {
  const a = s.alerts;
  const [msg, setMsg] = useState<Msg>(null);
  const put = (next: Partial<AlertSettings>, what?: string) => save({ alerts: { ...a, ...next } }, what);
  const putRule = (id: RuleId, patch: Partial<AlertSettings['rules'][RuleId]>, what?: string) =>
    put({ rules: { ...a.rules, [id]: { ...a.rules[id], ...patch } } }, what);

  const toggleNotify = async (on: boolean) => {
    setMsg(null);
    if (!on) {
      await put({ notify: false }, 'System notifications off; alerts still go to the log.');
      return;
    }
    let granted = false;
    try {
      // Requested inside the click, as browsers require; optional, so refusing changes nothing else.
      granted = await browser.permissions.request({ permissions: ['notifications'] });
    } catch (e) {
      setMsg({ kind: 'error', text: `The browser did not ask: ${errorText(e)}` });
    }
    if (granted) await put({ notify: true }, 'System notifications on.');
    else
      setMsg({
        kind: 'warn',
        text: 'Notifications were not allowed. Alerts still go to the log in the side panel and the badge.',
      });
  };

  const snoozed = RULE_IDS.filter((id) => {
    const until = a.snoozedUntil[id];
    return !!until && Date.parse(until) > Date.now();
  });

  return (
    <section id="alerts" class="opt-section" aria-labelledby="alerts-h" data-testid="alerts-options">
      <h2 id="alerts-h">Alerts</h2>
      <p class="muted small">
        Rules are checked in your browser after each data refresh, from the history of readings kept on this
        device. Nothing is sent anywhere; no account is needed. Alerts never fire on the bundled snapshot, on
        a source’s first reading or on stale data.
      </p>
      <div class="check">
        <input
          id="alerts-enabled"
          type="checkbox"
          checked={a.enabled}
          onChange={(e) => void put({ enabled: (e.currentTarget as HTMLInputElement).checked })}
        />
        <label for="alerts-enabled">Keep an alert log (side panel) and a count on the toolbar icon</label>
      </div>
      <div class="check">
        <input
          id="alerts-notify"
          type="checkbox"
          checked={a.notify}
          disabled={!a.enabled}
          aria-describedby="alerts-notify-hint"
          onChange={(e) => void toggleNotify((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="alerts-notify">Also show system notifications</label>
        <p id="alerts-notify-hint" class="hint small muted">
          Asks for the browser’s notifications permission the first time.
        </p>
      </div>
      <Notice msg={msg} />

      <fieldset class="field" disabled={!a.enabled}>
        <legend>Rules</legend>
        {RULE_IDS.map((id) => {
          const m = RULE_META[id];
          const r = a.rules[id];
          return (
            <div key={id} class="alert-rule" data-testid={`alert-rule-${id}`}>
              <div class="check">
                <input
                  id={`rule-${id}`}
                  type="checkbox"
                  checked={r.on}
                  onChange={(e) =>
                    void putRule(
                      id,
                      { on: (e.currentTarget as HTMLInputElement).checked },
                      `${m.label}: ${(e.currentTarget as HTMLInputElement).checked ? 'on' : 'off'}.`,
                    )
                  }
                />
                <label for={`rule-${id}`}>{m.label}</label>
              </div>
              {(
                [
                  ['threshold', m.threshold],
                  ['threshold2', m.threshold2],
                ] as const
              ).map(([key, t]) =>
                t ? (
                  <div key={key} class="inline rule-threshold">
                    <label for={`rule-${id}-${key}`}>{t.label}</label>
                    <input
                      id={`rule-${id}-${key}`}
                      type="number"
                      min={t.min}
                      max={t.max}
                      step={t.step}
                      value={r[key] ?? t.dflt}
                      disabled={!r.on}
                      aria-describedby={`rule-${id}-${key}-unit`}
                      onChange={(e) => {
                        const v = Number((e.currentTarget as HTMLInputElement).value);
                        if (Number.isFinite(v))
                          void putRule(id, { [key]: Math.min(t.max, Math.max(t.min, v)) });
                      }}
                    />
                    <span id={`rule-${id}-${key}-unit`} class="muted">
                      {t.unit} (default {t.dflt})
                    </span>
                  </div>
                ) : null,
              )}
            </div>
          );
        })}
      </fieldset>

      <fieldset class="field" disabled={!a.enabled}>
        <legend>Quiet hours</legend>
        <div class="check">
          <input
            id="quiet-on"
            type="checkbox"
            checked={a.quietHours.on}
            onChange={(e) =>
              void put({ quietHours: { ...a.quietHours, on: (e.currentTarget as HTMLInputElement).checked } })
            }
          />
          <label for="quiet-on">No notifications between</label>
        </div>
        <div class="inline">
          <label for="quiet-start" class="sr-only">
            Quiet hours start
          </label>
          <input
            id="quiet-start"
            type="time"
            value={a.quietHours.start}
            disabled={!a.quietHours.on}
            onChange={(e) =>
              void put({
                quietHours: { ...a.quietHours, start: (e.currentTarget as HTMLInputElement).value },
              })
            }
          />
          <span aria-hidden="true">and</span>
          <label for="quiet-end" class="sr-only">
            Quiet hours end
          </label>
          <input
            id="quiet-end"
            type="time"
            value={a.quietHours.end}
            disabled={!a.quietHours.on}
            onChange={(e) =>
              void put({ quietHours: { ...a.quietHours, end: (e.currentTarget as HTMLInputElement).value } })
            }
          />
        </div>
        <p class="hint small muted">Alerts still reach the log; their notifications come after.</p>
      </fieldset>

      <fieldset class="field" disabled={!a.enabled}>
        <legend>Daily digest</legend>
        <div class="check">
          <input
            id="digest-on"
            type="checkbox"
            checked={a.digest.on}
            onChange={(e) =>
              void put({ digest: { ...a.digest, on: (e.currentTarget as HTMLInputElement).checked } })
            }
          />
          <label for="digest-on">One notification a day instead of one per alert, at</label>
        </div>
        <label for="digest-hour" class="sr-only">
          Digest hour
        </label>
        <select
          id="digest-hour"
          value={String(a.digest.hour)}
          disabled={!a.digest.on}
          onChange={(e) =>
            void put({ digest: { ...a.digest, hour: Number((e.currentTarget as HTMLSelectElement).value) } })
          }
        >
          {HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {`${String(h).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
      </fieldset>

      {snoozed.length ? (
        <div class="field">
          <h3>Snoozed</h3>
          <ul class="plain-list">
            {snoozed.map((id) => (
              <li key={id}>
                {RULE_META[id].label} — until {new Date(a.snoozedUntil[id]!).toLocaleString()}{' '}
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() => void send('snoozeAlertRule', { rule: id, hours: 0 })}
                >
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
