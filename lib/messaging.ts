/**
 * The one typed message protocol between UI / content scripts and the background worker.
 *
 * Every request is `{ scl: 1, type, payload }`; every response is `{ ok: true, data }` or
 * `{ ok: false, error }`. The background validates each payload with the validator below
 * before a handler sees it, and refuses write messages from content scripts (a hostile page
 * can script our content script's DOM but must never change settings or trigger refreshes).
 */
import { browser } from 'wxt/browser';
import type {
  PageTicker,
  SignalCard,
  SmallCapStrip,
  SourceStatus,
  TickerInfo,
  TickerQuote,
  WatchlistItem,
} from './view-models';
import type { Settings } from './storage';
import type { UniverseData } from './detect/build';
import type { EvidenceView } from './signals/evidence-text';
import type { EvidenceFactorId } from './signals/evidence';
import { RULE_IDS, type AlertRecord, type RuleId } from './alerts/types';

export interface Protocol {
  getSignalCard: { req: Record<string, never>; res: SignalCard };
  getStrip: { req: Record<string, never>; res: SmallCapStrip };
  /** "What happened next": IWM's returns after each signal state vs all days (lib/signals/evidence.ts). */
  getEvidence: { req: Record<string, never>; res: EvidenceView };
  /** The hover card's "What happened next" link: opens the popup (or the side panel) on one factor. */
  openEvidence: { req: { factor: EvidenceFactorId }; res: { opened: 'popup' | 'side-panel' } };
  /** The factor asked for by openEvidence, once (null when none). */
  takeEvidenceFocus: { req: Record<string, never>; res: EvidenceFactorId | null };
  /** The compact symbol universe for the content script's detector (lib/detect UniverseData). */
  getUniverse: { req: Record<string, never>; res: UniverseData };
  getTickerInfo: { req: { symbol: string }; res: TickerInfo };
  getTickerInfos: { req: { symbols: string[] }; res: TickerInfo[] };
  getQuote: { req: { symbol: string }; res: TickerQuote | null };
  getSourceStatus: { req: Record<string, never>; res: SourceStatus[] };
  suggest: { req: { query: string }; res: Array<{ symbol: string; name: string }> };
  getSettings: { req: Record<string, never>; res: Settings };
  getWatchlist: { req: Record<string, never>; res: { items: WatchlistItem[]; syncError: string | null } };
  /** The content script reports what it found on its page (kept per tab, in memory). */
  reportPageTickers: { req: { tickers: PageTicker[] }; res: null };
  getTabTickers: { req: { tabId: number }; res: PageTicker[] };
  /**
   * Pin from the hover card: the only write a content script may make (append one symbol). The
   * reply never says whether the symbol was already listed.
   */
  pinFromPage: { req: { symbol: string }; res: null };
  openSidePanel: { req: Record<string, never>; res: null };
  /** The hover card's backdrop line: the toolbar popup, else the side panel. */
  openPopup: { req: Record<string, never>; res: null };
  // --- writes, extension pages only ---
  refresh: { req: { force?: boolean }; res: SourceStatus[] };
  setSettings: { req: { patch: Partial<Settings> }; res: Settings };
  /**
   * The side panel's edit. `base`: the symbols the panel's list started from, so rows that
   * arrived meanwhile (a page's pin) are kept rather than overwritten.
   */
  setWatchlist: {
    req: { items: WatchlistItem[]; base?: string[] };
    res: { items: WatchlistItem[]; syncError: string | null };
  };
  pin: { req: { symbol: string; note?: string }; res: { added: boolean } };
  unpin: { req: { symbol: string }; res: null };
  clearCache: { req: Record<string, never>; res: null };
  importReconstitution: {
    req: { csv: string; change: 'added' | 'deleted'; effective: string };
    res: { count: number };
  };
  /** The alert log (newest first) and the number not yet seen (the badge). */
  getAlerts: { req: Record<string, never>; res: { alerts: AlertRecord[]; unseen: number } };
  /** Marks alerts seen (all when `ids` is absent): the badge counts down. */
  markAlertsSeen: { req: { ids?: string[] }; res: null };
  /** Clears alerts from the log (all when `ids` is absent); they never come back. */
  clearAlerts: { req: { ids?: string[] }; res: null };
  /** Logs a rule's alerts silently for `hours` (0 ends the snooze). */
  snoozeAlertRule: { req: { rule: RuleId; hours: number }; res: null };
}

export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = Protocol[T]['req'];
export type Res<T extends MessageType> = Protocol[T]['res'];

export interface Envelope<T extends MessageType = MessageType> {
  scl: 1;
  type: T;
  payload: Req<T>;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Messages a content script may send. Everything else needs an extension page. */
export const CONTENT_SCRIPT_ALLOWED: ReadonlySet<MessageType> = new Set<MessageType>([
  'getStrip',
  'getUniverse',
  'getTickerInfo',
  'getTickerInfos',
  'getQuote',
  'getSettings',
  'reportPageTickers',
  'pinFromPage',
  'openSidePanel',
  'openEvidence',
  'openPopup',
]);

type Validator = (p: unknown) => string | null; // null = valid, else the reason

const isObj = (p: unknown): p is Record<string, unknown> => !!p && typeof p === 'object' && !Array.isArray(p);
const symbolOk = (s: unknown) => typeof s === 'string' && /^\$?[A-Za-z][A-Za-z0-9.\-/]{0,9}$/.test(s.trim());
const empty: Validator = (p) => (p === undefined || isObj(p) ? null : 'payload must be an object');
const withSymbol: Validator = (p) =>
  isObj(p) && symbolOk(p.symbol) ? null : 'symbol must be a ticker symbol';

const idsOk: Validator = (p) =>
  p === undefined ||
  (isObj(p) &&
    (p.ids === undefined ||
      (Array.isArray(p.ids) &&
        p.ids.length <= 1000 &&
        p.ids.every((i) => typeof i === 'string' && i.length <= 200))))
    ? null
    : 'ids must be an array of at most 1000 alert ids';

export const VALIDATORS: Record<MessageType, Validator> = {
  getSignalCard: empty,
  getStrip: empty,
  getEvidence: empty,
  openEvidence: (p) =>
    isObj(p) && typeof p.factor === 'string' && ['flows', 'drawdown', 'relative', 'yields'].includes(p.factor)
      ? null
      : 'factor must be flows, drawdown, relative or yields',
  takeEvidenceFocus: empty,
  getUniverse: empty,
  getTickerInfo: withSymbol,
  getTickerInfos: (p) =>
    isObj(p) && Array.isArray(p.symbols) && p.symbols.length <= 500 && p.symbols.every(symbolOk)
      ? null
      : 'symbols must be an array of at most 500 ticker symbols',
  getQuote: withSymbol,
  getSourceStatus: empty,
  suggest: (p) =>
    isObj(p) && typeof p.query === 'string' && p.query.length <= 100 ? null : 'query must be a short string',
  getSettings: empty,
  getWatchlist: empty,
  reportPageTickers: (p) =>
    isObj(p) &&
    Array.isArray(p.tickers) &&
    p.tickers.length <= 2000 &&
    p.tickers.every((t) => isObj(t) && symbolOk(t.symbol) && typeof t.count === 'number')
      ? null
      : 'tickers must be an array of at most 2000 {symbol, count}',
  getTabTickers: (p) => (isObj(p) && Number.isInteger(p.tabId) ? null : 'tabId must be an integer'),
  pinFromPage: withSymbol,
  openSidePanel: empty,
  openPopup: empty,
  refresh: (p) =>
    p === undefined || (isObj(p) && (p.force === undefined || typeof p.force === 'boolean'))
      ? null
      : 'force must be a boolean',
  setSettings: (p) => (isObj(p) && isObj(p.patch) ? null : 'patch must be an object'),
  setWatchlist: (p) =>
    isObj(p) &&
    Array.isArray(p.items) &&
    p.items.length <= 500 &&
    p.items.every((i) => isObj(i) && symbolOk(i.symbol)) &&
    (p.base === undefined || (Array.isArray(p.base) && p.base.length <= 500 && p.base.every(symbolOk)))
      ? null
      : 'items must be an array of at most 500 {symbol} (and base of at most 500 symbols)',
  pin: (p) =>
    withSymbol(p) ??
    (isObj(p) && (p.note === undefined || typeof p.note === 'string') ? null : 'note must be a string'),
  unpin: withSymbol,
  clearCache: empty,
  importReconstitution: (p) =>
    isObj(p) &&
    typeof p.csv === 'string' &&
    p.csv.length <= 2_000_000 &&
    (p.change === 'added' || p.change === 'deleted') &&
    typeof p.effective === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(p.effective)
      ? null
      : 'csv (≤ 2 MB), change (added|deleted) and effective (YYYY-MM-DD) are required',
  getAlerts: empty,
  markAlertsSeen: idsOk,
  clearAlerts: idsOk,
  snoozeAlertRule: (p) =>
    isObj(p) &&
    typeof p.rule === 'string' &&
    (RULE_IDS as readonly string[]).includes(p.rule) &&
    typeof p.hours === 'number' &&
    Number.isFinite(p.hours) &&
    p.hours >= 0 &&
    p.hours <= 24 * 30
      ? null
      : 'rule must be an alert rule and hours 0–720',
};

/** Checks an incoming message; returns the typed envelope or the reason it is refused. */
export function checkEnvelope(msg: unknown): { ok: true; envelope: Envelope } | { ok: false; error: string } {
  if (!isObj(msg) || msg.scl !== 1) return { ok: false, error: 'Not a Small-Cap Lens message' };
  const type = msg.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(VALIDATORS, type)) {
    return { ok: false, error: `Unknown message type: ${String(type).slice(0, 40)}` };
  }
  const reason = VALIDATORS[type as MessageType](msg.payload);
  if (reason) return { ok: false, error: `Malformed ${type}: ${reason}` };
  return {
    ok: true,
    envelope: { scl: 1, type: type as MessageType, payload: (msg.payload ?? {}) as Req<MessageType> },
  };
}

/** Sends one typed request to the background; rejects with the background's error text. */
export async function send<T extends MessageType>(type: T, payload: Req<T>): Promise<Res<T>> {
  return unwrapReply(
    (await browser.runtime.sendMessage({ scl: 1, type, payload } satisfies Envelope<T>)) as
      Reply<Res<T>> | undefined,
  );
}

/** A reply's data, or the error it carries (also for requests sent without `send`). */
export function unwrapReply<D>(reply: Reply<D> | undefined): D {
  if (!reply) throw new Error('The background worker did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

export type Handlers = {
  [T in MessageType]: (payload: Req<T>, ctx: SenderContext) => Promise<Res<T>> | Res<T>;
};

export interface SenderContext {
  kind: 'extension-page' | 'content-script';
  tabId: number | null;
}

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Classifies the sender; null = not ours (another extension or a web page). */
export function classifySender(
  sender: SenderLike,
  runtimeId: string,
  extensionOrigin: string,
): SenderContext | null {
  if (sender.id !== runtimeId) return null;
  if (sender.url && sender.url.startsWith(extensionOrigin)) {
    return { kind: 'extension-page', tabId: sender.tab?.id ?? null };
  }
  if (sender.tab?.id !== undefined) return { kind: 'content-script', tabId: sender.tab.id };
  return null;
}

/**
 * Dispatches a message to its handler after validation and sender checks. Returns the reply
 * (never throws) so the listener can hand it straight back to the caller.
 */
export async function dispatch(
  handlers: Handlers,
  msg: unknown,
  sender: SenderContext | null,
  rateLimit?: (ctx: SenderContext) => boolean,
): Promise<Reply<unknown>> {
  if (!sender) return { ok: false, error: 'Messages are accepted from this extension only' };
  const checked = checkEnvelope(msg);
  if (!checked.ok) return checked;
  const { type, payload } = checked.envelope;
  if (sender.kind === 'content-script' && !CONTENT_SCRIPT_ALLOWED.has(type)) {
    return { ok: false, error: `${type} is not allowed from a web page` };
  }
  if (rateLimit && !rateLimit(sender))
    return { ok: false, error: 'Too many requests from this tab; slow down' };
  try {
    const handler = handlers[type] as (p: unknown, c: SenderContext) => Promise<unknown> | unknown;
    return { ok: true, data: await handler(payload, sender) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A token bucket per tab: content scripts get `perSecond` requests, bursting to `burst`. */
export function createTabRateLimiter(perSecond = 20, burst = 60, now: () => number = Date.now) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return (ctx: SenderContext): boolean => {
    if (ctx.kind !== 'content-script' || ctx.tabId === null) return true;
    const t = now();
    const b = buckets.get(ctx.tabId) ?? { tokens: burst, at: t };
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
    if (b.tokens < 1) {
      buckets.set(ctx.tabId, b);
      return false;
    }
    b.tokens -= 1;
    buckets.set(ctx.tabId, b);
    return true;
  };
}
