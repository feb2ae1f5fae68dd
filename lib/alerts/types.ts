/**
 * Alerts: the shapes shared by the pure rules (lib/alerts/rules.ts, evaluate.ts), the IndexedDB
 * history (lib/alerts/history.ts) and the UI (side-panel log, Options section).
 *
 * A **reading** is one dated value of one signal, taken from fetched (never bundled) data that
 * was fresh when read. Readings are kept day by day in IndexedDB; every rule compares the newest
 * reading with the previous stored one, so "changed since" comes from data, not from memory.
 */

export const RULE_IDS = [
  'flows-decile',
  'flows-zero',
  'rates-move',
  'rates-gap',
  'yields-2y',
  'drawdown',
  'new-high',
  'calendar',
  'watch-membership',
  'watch-move',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Where an alert links to: a factor of the signal card, or the watchlist. */
export type AlertTarget = 'flows' | 'rates' | 'yields' | 'drawdown' | 'recon' | 'watchlist';

export type ReadingValue = number | string | boolean | null;

export interface Reading {
  /** e.g. 'flows:IWM', 'yield:DGS2', 'drawdown:IWM', 'rates:kalshi:2026-12-09', 'member:BE'. */
  signal: string;
  /** The market date the reading describes (not when it was read). */
  date: string;
  /** Source id (as in Options › Sources) and the label shown with the figure. */
  source: string;
  sourceLabel: string;
  values: Record<string, ReadingValue>;
  /** When the reading was first stored (UTC ISO). */
  recordedAt: string;
}

/** One side of an alert's "from → to". */
export interface AlertSide {
  text: string;
  asOf: string;
  source: string;
}

export interface AlertRecord {
  /** Derived from the rule, subject and data dates: the same change always gets the same id. */
  id: string;
  rule: RuleId;
  /** What the alert is about: 'IWM', 'DGS2', 'BE', 'FOMC 2026-12-09'… */
  subject: string;
  title: string;
  from: AlertSide | null;
  to: AlertSide;
  target: AlertTarget;
  /** The newest data date involved (orders the log). */
  dataDate: string;
  createdAt: string;
  /** The user has seen it (counts toward the badge until then). */
  seen: boolean;
  /** Cleared from the log; kept as a tombstone so the same change never comes back. */
  cleared: boolean;
  /** A system notification was shown (or folded into a digest/summary). */
  notified: boolean;
  /** Logged while its rule was snoozed: no notification, no badge. */
  snoozed: boolean;
  /** The newest reading's values, the baseline of rules that count "since the last alert". */
  values?: Record<string, ReadingValue>;
}

export interface RuleSetting {
  on: boolean;
  /** The rule's threshold (meaning per rule: see RULE_META). */
  threshold: number;
  /** A second level where the rule has one (drawdown: 20 %). */
  threshold2?: number;
}

export interface AlertSettings {
  /** Evaluate rules and keep the log and badge (no permission needed). */
  enabled: boolean;
  /** Also show system notifications (the optional `notifications` permission). */
  notify: boolean;
  rules: Record<RuleId, RuleSetting>;
  /** Local clock times 'HH:MM'; no notifications in between (the log still fills). */
  quietHours: { on: boolean; start: string; end: string };
  /** One notification a day at `hour` (local) instead of one per alert. */
  digest: { on: boolean; hour: number };
  /** Rule → UTC ISO time until which its alerts are logged silently. */
  snoozedUntil: Partial<Record<RuleId, string>>;
  /** When the last digest notification went out (UTC ISO), so a restart never sends two. */
  lastDigestAt: string | null;
}

/** Human text for each rule: the toggle label, what the threshold means, and its bounds. */
export const RULE_META: Record<
  RuleId,
  {
    label: string;
    threshold: { label: string; unit: string; min: number; max: number; step: number; dflt: number } | null;
    threshold2?: { label: string; unit: string; min: number; max: number; step: number; dflt: number };
    target: AlertTarget;
  }
> = {
  'flows-decile': {
    label: 'IWM 65-day flow enters or leaves the bottom or top of its 3-year range',
    threshold: { label: 'Band (percentile from each end)', unit: '%', min: 1, max: 25, step: 1, dflt: 10 },
    target: 'flows',
  },
  'flows-zero': { label: 'IWM 65-day flow crosses zero', threshold: null, target: 'flows' },
  'rates-move': {
    label: 'Odds of a move at the next FOMC meeting change, or the most likely outcome changes',
    threshold: { label: 'Change since the last alert', unit: 'pts', min: 1, max: 50, step: 1, dflt: 10 },
    target: 'rates',
  },
  'rates-gap': {
    label: 'Futures and prediction-market odds disagree',
    threshold: { label: 'Gap', unit: 'pts', min: 1, max: 50, step: 1, dflt: 15 },
    target: 'rates',
  },
  'yields-2y': {
    label: 'The 2-year Treasury yield moves within a month',
    threshold: { label: 'Move', unit: 'bp', min: 5, max: 200, step: 5, dflt: 25 },
    target: 'yields',
  },
  drawdown: {
    label: 'IWM crosses a level below its closing high',
    threshold: { label: 'First level', unit: '%', min: 1, max: 50, step: 1, dflt: 10 },
    threshold2: { label: 'Second level', unit: '%', min: 1, max: 80, step: 1, dflt: 20 },
    target: 'drawdown',
  },
  'new-high': {
    label: 'IWM makes a new closing high after a pullback',
    threshold: { label: 'Pullback before it', unit: '%', min: 0, max: 50, step: 1, dflt: 5 },
    target: 'drawdown',
  },
  calendar: {
    label: 'The day before an FOMC decision or a Russell reconstitution step',
    threshold: null,
    target: 'recon',
  },
  'watch-membership': {
    label: 'A pinned name joins or leaves the Russell 2000, or moves to the Russell 1000',
    threshold: null,
    target: 'watchlist',
  },
  'watch-move': {
    label: 'A pinned name moves in a day (when its prices are on hand)',
    threshold: { label: 'Daily move', unit: '%', min: 1, max: 50, step: 0.5, dflt: 5 },
    target: 'watchlist',
  },
};
