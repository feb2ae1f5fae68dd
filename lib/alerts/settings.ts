/**
 * Alert settings: defaults (every rule on, log and badge on, system notifications off until the
 * user grants the optional permission) and a normaliser that clamps whatever is stored.
 */
import { RULE_IDS, RULE_META, type AlertSettings, type RuleId, type RuleSetting } from './types';

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  enabled: true,
  notify: false,
  rules: Object.fromEntries(
    RULE_IDS.map((id) => {
      const m = RULE_META[id];
      const r: RuleSetting = { on: true, threshold: m.threshold?.dflt ?? 0 };
      if (m.threshold2) r.threshold2 = m.threshold2.dflt;
      return [id, r];
    }),
  ) as Record<RuleId, RuleSetting>,
  quietHours: { on: false, start: '22:00', end: '07:00' },
  digest: { on: false, hour: 18 },
  snoozedUntil: {},
  lastDigestAt: null,
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const clamp = (n: unknown, lo: number, hi: number, dflt: number) =>
  typeof n === 'number' && Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : dflt;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function normalizeAlertSettings(value: unknown): AlertSettings {
  const v = isObj(value) ? value : {};
  const d = DEFAULT_ALERT_SETTINGS;
  const rulesIn = isObj(v.rules) ? v.rules : {};
  const rules = {} as Record<RuleId, RuleSetting>;
  for (const id of RULE_IDS) {
    const m = RULE_META[id];
    const r = Object.hasOwn(rulesIn, id) && isObj(rulesIn[id]) ? rulesIn[id] : {};
    const out: RuleSetting = {
      on: typeof r.on === 'boolean' ? r.on : d.rules[id].on,
      threshold: m.threshold
        ? clamp(r.threshold, m.threshold.min, m.threshold.max, m.threshold.dflt)
        : d.rules[id].threshold,
    };
    if (m.threshold2)
      out.threshold2 = clamp(r.threshold2, m.threshold2.min, m.threshold2.max, m.threshold2.dflt);
    rules[id] = out;
  }
  const q = isObj(v.quietHours) ? v.quietHours : {};
  const dg = isObj(v.digest) ? v.digest : {};
  const snoozeIn = isObj(v.snoozedUntil) ? v.snoozedUntil : {};
  const snoozedUntil: AlertSettings['snoozedUntil'] = {};
  for (const id of RULE_IDS) {
    const t = Object.hasOwn(snoozeIn, id) ? snoozeIn[id] : undefined;
    if (typeof t === 'string' && Number.isFinite(Date.parse(t))) snoozedUntil[id] = t;
  }
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : d.enabled,
    notify: typeof v.notify === 'boolean' ? v.notify : d.notify,
    rules,
    quietHours: {
      on: typeof q.on === 'boolean' ? q.on : d.quietHours.on,
      start: typeof q.start === 'string' && HHMM.test(q.start) ? q.start : d.quietHours.start,
      end: typeof q.end === 'string' && HHMM.test(q.end) ? q.end : d.quietHours.end,
    },
    digest: {
      on: typeof dg.on === 'boolean' ? dg.on : d.digest.on,
      hour: Math.round(clamp(dg.hour, 0, 23, d.digest.hour)),
    },
    snoozedUntil,
    lastDigestAt:
      typeof v.lastDigestAt === 'string' && Number.isFinite(Date.parse(v.lastDigestAt))
        ? v.lastDigestAt
        : null,
  };
}

/** Minutes since local midnight of an 'HH:MM' string. */
function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** True inside quiet hours (local time of `now`); a window may span midnight (22:00–07:00). */
export function inQuietHours(s: AlertSettings, now: Date): boolean {
  if (!s.quietHours.on) return false;
  const m = now.getHours() * 60 + now.getMinutes();
  const a = minutesOf(s.quietHours.start);
  const b = minutesOf(s.quietHours.end);
  if (a === b) return false;
  return a < b ? m >= a && m < b : m >= a || m < b;
}

export function isSnoozed(s: AlertSettings, rule: RuleId, now: Date): boolean {
  const until = s.snoozedUntil[rule];
  return !!until && Date.parse(until) > now.getTime();
}
