/**
 * The background's data engine: refresh orchestration and the read models the UI asks for.
 * Everything here is built from `loadData()` (fetched data over the bundled snapshot), so the
 * UI always has something real and dated to show, even offline or with storage broken.
 */
import { getRecord, putRecord } from '../db';
import type {
  PageTicker,
  SignalCard,
  SmallCapStrip,
  SourceStatus,
  TickerInfo,
  TickerQuote,
} from '../view-models';
import type { SourceError } from '../result';
import { fetchDailyPrices } from '../sources/prices';
import type { FetchImpl } from '../sources/http';
import { parseReconstitutionCsv } from '../sources/reconstitution';
import { getSettings, SOURCE_IDS, type SourceId } from '../storage';
import type { PriceSeries, Provenance, ReconstitutionChange } from '../source-data';
import { createTickerLookup } from '../signals/ticker';
import { loadUniverse, type Universe } from '../detect';
import type { UniverseData } from '../detect/build';
import { bundledEvidence, bundledUniverse } from './bundled';
import type { Dataset, DatasetKey } from './datasets';
import { implausibility } from './plausibility';
import { FETCHERS } from './refresh';
import { backoffUntil, nextAttemptAt } from './cadence';
import { HostBackoff, withHostBackoff } from '../sources/backoff';
import {
  composeStatuses,
  loadData,
  readStatuses,
  recordAttempt,
  storeFetched,
  type LoadedData,
} from './repository';
import { buildCardFromData, stripFromCard } from './card-inputs';
import { evidenceView } from './evidence';
import type { EvidenceView } from '../signals/evidence-text';
import { isStale } from '../core/freshness';
import { addDays, newYorkDate } from '../core/market-time';

/** Overall deadline of one source's refresh (its requests have their own, shorter ones). */
const SOURCE_DEADLINE_MS = 60_000;
const QUOTE_TTL_MS = 30 * 60_000;
/** A symbol whose live lookup just failed is not looked up again for this long. */
const QUOTE_FAILURE_TTL_MS = 5 * 60_000;
/**
 * Live price lookups news pages may cause, all tabs together, per minute. Each lookup asks at
 * most three hosts (Yahoo query1, query2, Stooq), so pages can make the worker send at most
 * 3 × this many requests a minute; cached quotes (30 min) cost nothing.
 */
export const PAGE_QUOTE_LOOKUPS_PER_MINUTE = 6;

/** Who asked for a quote: a news page's card is budgeted, extension pages are not. */
export type QuoteCaller = 'page' | 'extension';

/** The hosts fetchDailyPrices asks, in turn. */
const PRICE_HOSTS = ['query1.finance.yahoo.com', 'query2.finance.yahoo.com', 'stooq.com'];

export class Engine {
  private inflight: Promise<SourceStatus[]> | null = null;
  private universe: Universe | null = null;
  private universeData: UniverseData | null = null;
  private cache: { loaded: LoadedData; at: number } | null = null;
  private lookup: { at: number; day: string; fn: (s: string) => TickerInfo } | null = null;

  /** Runs after every refresh check (the alert pass); its failure never fails the refresh. */
  afterRefresh: (() => Promise<unknown>) | null = null;

  private readonly fetchImpl: FetchImpl;
  /** One per worker: the refresh and the quote path wait out the same Retry-After per host. */
  readonly hostBackoff: HostBackoff;
  private quoteInflight = new Map<string, Promise<TickerQuote | null>>();
  private quoteFailedAt = new Map<string, number>();
  private pageLookups: number[] = [];
  /** Page-caused live lookups run one at a time, so a 429 rests its host before the next. */
  private pageQueue: Promise<unknown> = Promise.resolve();

  constructor(fetchImpl: FetchImpl, hostBackoff = new HostBackoff()) {
    this.hostBackoff = hostBackoff;
    this.fetchImpl = withHostBackoff(fetchImpl, hostBackoff);
  }

  async universeRows(): Promise<UniverseData> {
    this.universeData ??= await bundledUniverse();
    return this.universeData;
  }

  async getUniverse(): Promise<Universe> {
    this.universe ??= loadUniverse(await this.universeRows());
    return this.universe;
  }

  /** Data, cached in memory until the next refresh writes (a revived worker reloads it). */
  async data(): Promise<LoadedData> {
    if (!this.cache) this.cache = { loaded: await loadData(), at: Date.now() };
    return this.cache.loaded;
  }

  private invalidate(): void {
    this.cache = null;
    this.lookup = null;
  }

  /**
   * Refreshes every enabled source that is due (lib/engine/cadence.ts), or all of them when
   * forced (Retry-After still wins). Single-flight: callers during a refresh share it.
   */
  refresh(force = false, uiOpen = false): Promise<SourceStatus[]> {
    if (!this.inflight) {
      this.inflight = this.runRefresh(force, uiOpen).finally(() => {
        this.inflight = null;
      });
    }
    return this.inflight;
  }

  private async runRefresh(force: boolean, uiOpen: boolean): Promise<SourceStatus[]> {
    const settings = await getSettings();
    const statuses = await readStatuses();
    const now = new Date();
    const due = SOURCE_IDS.filter(
      (id) =>
        settings.sources[id] && nextAttemptAt(id, { status: statuses.get(id), now, uiOpen, force }) === null,
    );
    await Promise.all(due.map((id) => this.refreshSource(id)));
    if (due.length) this.invalidate();
    await this.afterRefresh?.().catch(() => {});
    return this.statuses();
  }

  private async refreshSource(id: SourceId): Promise<void> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), SOURCE_DEADLINE_MS);
    try {
      const r = await FETCHERS[id](this.fetchImpl, ctl.signal).catch(
        (e: unknown): { ok: false; error: SourceError } => ({
          ok: false,
          error: { kind: 'network', message: e instanceof Error ? e.message : String(e), source: id },
        }),
      );
      if (!r.ok) {
        await recordAttempt(id, { ok: false, error: r.error });
        return;
      }
      // Drop implausible datasets (the rest of the source's answer is still stored).
      const rejected: string[] = [];
      for (const [key, ds] of Object.entries(r.value.datasets) as Array<[DatasetKey, Dataset<unknown>]>) {
        const why = implausibility(key, ds);
        if (why) {
          rejected.push(why);
          delete r.value.datasets[key];
        }
      }
      if (rejected.length && Object.keys(r.value.datasets).length === 0 && !r.value.sharesPoint) {
        await recordAttempt(id, {
          ok: false,
          error: { kind: 'format', message: rejected.join('; '), source: id },
        });
        return;
      }
      r.value.warnings.push(...rejected);
      let kept: string[];
      try {
        kept = await storeFetched(id, r.value);
      } catch (e) {
        const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
        await recordAttempt(id, {
          ok: false,
          error: {
            kind: 'unavailable',
            message: quota
              ? 'Fetched, but the disk is full: kept the previous data'
              : `Fetched, but could not be stored (${e instanceof Error ? e.message : String(e)})`,
            source: id,
          },
        });
        return;
      }
      const asOf =
        Object.values(r.value.datasets)
          .map((d) => (d as Dataset<unknown>).provenance.asOf)
          .sort()
          .at(-1) ?? null;
      await recordAttempt(id, { ok: true, asOf, warnings: [...r.value.warnings, ...kept] });
    } finally {
      clearTimeout(timer);
    }
  }

  async statuses(): Promise<SourceStatus[]> {
    const [stored, loaded, settings] = await Promise.all([readStatuses(), this.data(), getSettings()]);
    const now = new Date();
    const list = composeStatuses(stored, loaded, settings.sources, now);
    for (const s of list) {
      if (s.state !== 'disabled') {
        s.nextAttempt = nextAttemptAt(s.id as SourceId, {
          status: stored.get(s.id),
          now,
          uiOpen: false,
          force: false,
        });
      }
    }
    if (loaded.storageError) {
      for (const s of list) if (!s.error) s.error = { kind: 'unavailable', message: loaded.storageError };
    }
    return list;
  }

  private cardCache: { loaded: LoadedData; card: SignalCard; day: string } | null = null;

  /**
   * The card is computed once per data version and New York hour (staleness moves when a
   * session closes, ages when the New York date turns).
   */
  async signalCard(): Promise<SignalCard> {
    const loaded = await this.data();
    const now = new Date();
    const day = `${newYorkDate(now)}T${now.getUTCHours()}`;
    if (this.cardCache && this.cardCache.loaded === loaded && this.cardCache.day === day)
      return this.cardCache.card;
    const card = buildCardFromData(loaded, now);
    this.cardCache = { loaded, card, day };
    return card;
  }

  /** Loads data and computes the card ahead of the first request (called on worker start). */
  async warm(): Promise<void> {
    await this.signalCard().catch(() => {});
  }

  private evidenceCache: { loaded: LoadedData; view: EvidenceView } | null = null;

  /** Computed once per data version: a refresh that brings a full fund file recomputes it. */
  async evidence(): Promise<EvidenceView> {
    const loaded = await this.data();
    if (this.evidenceCache?.loaded === loaded) return this.evidenceCache.view;
    const view = evidenceView(loaded, await bundledEvidence());
    this.evidenceCache = { loaded, view };
    return view;
  }

  async strip(): Promise<SmallCapStrip> {
    return stripFromCard(await this.signalCard());
  }

  private async tickerLookup(): Promise<(s: string) => TickerInfo> {
    // Rebuilt when the New York date turns: membership notes depend on today's date.
    if (this.lookup && this.lookup.day === newYorkDate()) return this.lookup.fn;
    const { data } = await this.data();
    const universe = await this.getUniverse();
    const fn = createTickerLookup({
      r2000: data.iwm ? { holdings: data.iwm.data, provenance: data.iwm.provenance } : undefined,
      r1000: data.r1000 ? { symbols: data.r1000.data, provenance: data.r1000.provenance } : undefined,
      sp500: data.sp500 ? { symbols: data.sp500.data, provenance: data.sp500.provenance } : undefined,
      recon: data.reconstitution
        ? { changes: data.reconstitution.data, provenance: data.reconstitution.provenance }
        : undefined,
      listing: (symbol) => {
        const info = universe.resolve(symbol);
        if (!info) return null;
        return { name: info.name || null, exchange: info.exchange || null, listed: !info.otc, etf: info.etf };
      },
      today: newYorkDate(),
      reconEffectiveDates: data.calendars.data.russell.map((e) => e.effective.date),
    });
    this.lookup = { at: Date.now(), day: newYorkDate(), fn };
    return fn;
  }

  async tickerInfo(symbol: string): Promise<TickerInfo> {
    return (await this.tickerLookup())(symbol);
  }

  async tickerInfos(symbols: string[]): Promise<TickerInfo[]> {
    const fn = await this.tickerLookup();
    return symbols.map((s) => fn(s));
  }

  /** Universe search for the watchlist's add box: symbol prefix first, then name words. */
  async suggest(query: string): Promise<Array<{ symbol: string; name: string }>> {
    const q = query.trim();
    if (!q) return [];
    const u = await this.getUniverse();
    const out: Array<{ symbol: string; name: string; score: number }> = [];
    const exact = u.resolve(q);
    if (exact) out.push({ symbol: exact.symbol, name: exact.name, score: -1 });
    const upper = q.toUpperCase();
    // Names match without punctuation or spacing: "Co Diag", "CoDiag" and "Co-Diag" all find
    // "Co-Diagnostics"; "ATT" finds "AT&T".
    const key = nameKey(q);
    for (const info of await this.allSymbols()) {
      if (exact && info.symbol === exact.symbol) continue;
      if (info.type !== 'common' && !info.etf) continue;
      let score = -1;
      const name = nameKey(info.name);
      if (info.symbol.startsWith(upper)) score = info.symbol.length - upper.length;
      else if (key && name.compact.startsWith(key.compact)) score = 10;
      else if (key.compact.length >= 3 && name.words.some((w) => w.startsWith(key.compact))) score = 20;
      if (score >= 0) out.push({ symbol: info.symbol, name: info.name, score: score * 10000 + info.rank });
    }
    return out
      .sort((a, b) => a.score - b.score)
      .slice(0, 8)
      .map(({ symbol, name }) => ({ symbol, name }));
  }

  private symbolsCache: ReturnType<Universe['get']>[] | null = null;
  private async allSymbols() {
    if (!this.symbolsCache) {
      const u = await this.getUniverse();
      this.symbolsCache = (await this.universeRows()).rows.map((r) => u.get(r.split('|')[0] ?? ''));
    }
    return this.symbolsCache.filter((x): x is NonNullable<typeof x> => !!x);
  }

  /**
   * Price, day change and a 1-year series for one ticker. Live first (cached 30 min in
   * IndexedDB); on failure the last stored quote is served marked stale; null when none.
   * Coalesced per symbol (concurrent asks share one lookup). No live lookup while the prices
   * source is backing off (Retry-After or failures), for 5 min after this symbol's last failed
   * lookup, or, for news pages, past PAGE_QUOTE_LOOKUPS_PER_MINUTE; then the stored quote is
   * served stale, or the reason is thrown.
   */
  quote(symbol: string, caller: QuoteCaller = 'extension'): Promise<TickerQuote | null> {
    const sym = symbol.toUpperCase();
    const pending = this.quoteInflight.get(sym);
    if (pending) return pending;
    const p = this.loadQuote(sym, caller).finally(() => this.quoteInflight.delete(sym));
    this.quoteInflight.set(sym, p);
    return p;
  }

  /** Why a live lookup may not run now (null: it may). Takes a page's budget when it may. */
  private async quoteHold(sym: string, caller: QuoteCaller): Promise<string | null> {
    const settings = await getSettings();
    if (!settings.sources.prices) return 'Prices are turned off in Options.';
    const now = Date.now();
    const status = (await readStatuses().catch(() => new Map<string, SourceStatus>())).get('prices');
    const until = backoffUntil('prices', status);
    if (until && until > now)
      return `The price servers asked us to wait; next try after ${new Date(until).toISOString().slice(11, 16)} UTC.`;
    // Every price host resting after its 429 (lib/sources/prices.ts asks these three in turn).
    const rest = Math.min(...PRICE_HOSTS.map((h) => this.hostBackoff.waitMs(h)));
    if (rest > 0)
      return `The price servers asked us to wait; next try after ${new Date(now + rest).toISOString().slice(11, 16)} UTC.`;
    const failed = this.quoteFailedAt.get(sym);
    if (failed && now - failed < QUOTE_FAILURE_TTL_MS)
      return 'No price source answered a moment ago; trying again in a few minutes.';
    if (caller === 'page') {
      this.pageLookups = this.pageLookups.filter((t) => now - t < 60_000);
      if (this.pageLookups.length >= PAGE_QUOTE_LOOKUPS_PER_MINUTE)
        return 'Too many price lookups in the last minute; hover again shortly.';
      this.pageLookups.push(now);
    }
    return null;
  }

  private async loadQuote(sym: string, caller: QuoteCaller): Promise<TickerQuote | null> {
    const key = `quote:${sym}`;
    const cached = await getRecord<PriceSeries>(key).catch(() => undefined);
    if (cached?.provenance && Date.now() - Date.parse(cached.fetchedAt) < QUOTE_TTL_MS) {
      return toQuote(cached.data, cached.provenance, false);
    }
    const hold = await this.quoteHold(sym, caller);
    let failure = hold;
    if (!hold) {
      const lookup = () => fetchDailyPrices(this.fetchImpl, sym, { range: '1y' });
      let r: Awaited<ReturnType<typeof lookup>>;
      if (caller === 'page') {
        const run = this.pageQueue.then(lookup, lookup);
        this.pageQueue = run.catch(() => undefined);
        r = await run;
      } else r = await lookup();
      // Why there is no price, in words that do not blame the stock.
      if (!r.ok && (r.error.kind === 'network' || r.error.kind === 'timeout'))
        failure = 'Prices unavailable offline';
      else if (!r.ok && !/\b(http|empty) \(/.test(r.error.message)) failure = 'Prices unavailable right now';
      if (r.ok && r.value.data.bars.length) {
        this.quoteFailedAt.delete(sym);
        const record = {
          id: key,
          source: 'prices',
          asOf: r.value.provenance.asOf,
          fetchedAt: new Date().toISOString(),
          provenance: r.value.provenance,
          data: r.value.data,
        };
        await putRecord(record).catch(() => {});
        return toQuote(r.value.data, r.value.provenance, false);
      }
      this.quoteFailedAt.set(sym, Date.now());
    }
    if (cached?.provenance) return toQuote(cached.data, cached.provenance, true);
    // A benchmark we hold in the data engine (IWM, SPY) still has its stored series.
    const { data } = await this.data();
    const bench = sym === 'IWM' || sym === 'SPY' ? data.prices[sym] : null;
    if (bench) return toQuote(bench.data, bench.provenance, true);
    if (failure) throw new Error(failure);
    return null;
  }

  /** A user-imported reconstitution list replaces the bundled one for its change kind. */
  async importReconstitution(csv: string, change: 'added' | 'deleted', effective: string): Promise<number> {
    const parsed = parseReconstitutionCsv(csv, change, effective);
    if (!parsed.ok) throw new Error(`Reconstitution list not imported: ${parsed.error.message}`);
    const { data } = await this.data();
    const keep: ReconstitutionChange[] = (data.reconstitution?.data ?? []).filter(
      (c) => c.effective === effective && c.change !== change,
    );
    const merged = [...keep, ...parsed.value];
    const provenance: Provenance = {
      source: 'user-import',
      label: `Russell reconstitution list imported by you (${change}, effective ${effective})`,
      asOf: effective,
      fetchedAt: new Date().toISOString(),
    };
    await putRecord({
      id: 'ds:reconstitution',
      source: 'user-import',
      asOf: effective,
      fetchedAt: provenance.fetchedAt!,
      provenance,
      data: merged,
    });
    this.invalidate();
    return parsed.value.length;
  }

  pageTickerSummary(tickers: PageTicker[]): PageTicker[] {
    return tickers;
  }

  clearMemory(): void {
    this.invalidate();
  }
}

/** `refreshFailed`: the live refresh failed and this is the last good series. Age is judged by the one freshness rule. */
function toQuote(series: PriceSeries, provenance: Provenance, refreshFailed: boolean): TickerQuote {
  const bars = series.bars;
  const last = bars.at(-1)!;
  const prev = bars.length > 1 ? bars[bars.length - 2]!.close : series.previousClose;
  const lastPrice = series.lastPrice ?? last.close;
  const threeMonthsAgo = addDays(last.date, -92);
  const recent = bars.filter((b) => b.date >= threeMonthsAgo);
  const yearAgo = addDays(last.date, -365);
  const year = bars.filter((b) => b.date >= yearAgo).map((b) => b.close);
  return {
    symbol: series.symbol,
    last: lastPrice,
    previousClose: prev ?? null,
    change: prev != null ? lastPrice - prev : null,
    changePct: prev ? ((lastPrice - prev) / prev) * 100 : null,
    currency: series.currency,
    x: recent.map((b) => Date.parse(b.date) / 1000),
    close: recent.map((b) => b.close),
    high52: year.length ? Math.max(...year) : null,
    low52: year.length ? Math.min(...year) : null,
    provenance,
    stale: refreshFailed || isStale('prices', last.date, new Date()),
  };
}

/** A name for matching: lower case, punctuation dropped; whole (no spaces) and by word. */
export function nameKey(text: string): { compact: string; words: string[] } {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .split(/\s+/)
    .map((w) => w.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { compact: words.join(''), words };
}
