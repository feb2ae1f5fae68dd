/**
 * Where the detected tickers are: per text node, its mentions sorted by start offset, so the
 * pointer (a caret position: node + offset) maps to a mention with one binary search.
 */

export interface Hit<N> {
  node: N;
  start: number;
  end: number;
  symbol: string;
  /** Russell 2000 member in the bundled universe (picks the underline style). */
  r2000: boolean;
  name: string;
  /** Why the detector took it ("written as NASDAQ: XYZ", "company named"), for the card. */
  reason?: string;
}

/** The mention covering `offset` in a list sorted by start; a caret at `end` still counts. */
export function findInSorted<T extends { start: number; end: number }>(
  list: readonly T[],
  offset: number,
): T | null {
  let lo = 0;
  let hi = list.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best < 0) return null;
  const m = list[best]!;
  return offset <= m.end ? m : null;
}

function isSorted<T extends { start: number }>(list: readonly T[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.start > list[i]!.start) return false;
  return true;
}

export class MentionIndex<N extends object> {
  private readonly byNode = new Map<N, Array<Hit<N>>>();
  /** Scan order (document order for a full scan; later additions at the end). May hold hits of
   * deleted nodes until compacted: deleting is O(1), so rescanning nodes one by one stays linear. */
  private order: Array<Hit<N>> = [];
  private stale = 0;
  private total = 0;

  constructor(readonly cap = 5000) {}

  get size(): number {
    return this.total;
  }

  get full(): boolean {
    return this.total >= this.cap;
  }

  /**
   * Sets a node's mentions (replacing earlier ones); returns how many were kept under the cap.
   * The index takes ownership of `hits` (callers pass a fresh array).
   */
  set(node: N, hits: Array<Hit<N>>): number {
    const old = this.byNode.get(node);
    this.delete(node);
    if (hits.length === 0) return 0;
    const room = Math.max(0, this.cap - this.total);
    // The detector reports mentions in order: sort only when they are not (a few callers merge).
    let kept = isSorted(hits) ? hits : hits.slice().sort((a, b) => a.start - b.start);
    if (kept.length > room) kept = kept.slice(0, room);
    // A hit kept from the node's old list is still in `order` (stale until compacted): a copy
    // takes its place, or compaction would keep both and the page would count it twice.
    if (old) kept = kept.map((h) => (old.includes(h) ? { ...h } : h));
    if (kept.length === 0) return 0;
    this.byNode.set(node, kept);
    for (const h of kept) this.order.push(h);
    this.total += kept.length;
    this.compact();
    return kept.length;
  }

  delete(node: N): void {
    const old = this.byNode.get(node);
    if (!old) return;
    this.byNode.delete(node);
    this.total -= old.length;
    this.stale += old.length;
  }

  /** Drops hits of deleted nodes from the order (when they are over half of it, or on read). */
  private compact(force = false): void {
    if (this.stale === 0 || (!force && this.stale * 2 < this.order.length)) return;
    this.order = this.order.filter((h) => this.byNode.get(h.node)?.includes(h));
    this.stale = 0;
  }

  /** Drops nodes for which `keep` is false (e.g. removed from the page). */
  prune(keep: (node: N) => boolean): void {
    let changed = false;
    for (const [node, hits] of this.byNode) {
      if (keep(node)) continue;
      this.byNode.delete(node);
      this.total -= hits.length;
      changed = true;
    }
    if (changed) {
      this.order = this.order.filter((h) => this.byNode.get(h.node)?.includes(h));
      this.stale = 0;
    }
  }

  at(node: N, offset: number): Hit<N> | null {
    const list = this.byNode.get(node);
    return list ? findInSorted(list, offset) : null;
  }

  get(node: N): ReadonlyArray<Hit<N>> {
    return this.byNode.get(node) ?? [];
  }

  has(node: N): boolean {
    return this.byNode.has(node);
  }

  all(): ReadonlyArray<Hit<N>> {
    this.compact(true);
    return this.order;
  }

  /** The next (or previous) hit after `current` in scan order, wrapping around. */
  step(current: Hit<N> | null, dir: 1 | -1 = 1): Hit<N> | null {
    this.compact(true);
    const n = this.order.length;
    if (n === 0) return null;
    const i = current ? this.order.indexOf(current) : -1;
    if (i < 0) return dir === 1 ? this.order[0]! : this.order[n - 1]!;
    return this.order[(i + dir + n) % n]!;
  }

  /** Mentions per symbol, in order of first appearance. */
  counts(): Map<string, number> {
    this.compact(true);
    const out = new Map<string, number>();
    for (const h of this.order) out.set(h.symbol, (out.get(h.symbol) ?? 0) + 1);
    return out;
  }
}
