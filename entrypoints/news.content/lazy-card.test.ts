import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { UniverseData } from '../../lib/detect';
import { loadUniverse, universeBuilder } from '../../lib/detect/universe';
import type {
  CardApi,
  CardContext,
  CardControl,
  CardEvents,
  CardModule,
  OpenOptions,
} from '../../lib/lens/card-contract';
import { LazyCard } from './lazy-card';

const ctx: CardContext = { isInvalid: false, onInvalidated: () => undefined };
const api = {} as CardApi;
const opts = (symbol: string): OpenOptions => ({
  target: { symbol, name: '', exchange: '' },
  anchor: { left: 0, top: 0, right: 10, bottom: 10 },
  theme: 'light',
  themeFrom: null,
  via: 'pointer',
});

function fakeCard(): CardControl & { calls: string[] } {
  const calls: string[] = [];
  let open = false;
  return {
    calls,
    get isOpen() {
      return open;
    },
    host: null,
    hovered: false,
    open: (o) => {
      open = true;
      calls.push(`open ${o.target.symbol} ${o.anchor.top}`);
    },
    reposition: (a) => calls.push(`reposition ${a.top}`),
    close: () => {
      open = false;
      calls.push('close');
    },
    announce: (t) => calls.push(`announce ${t}`),
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => {
    resolve = a;
    reject = b;
  });
  return { promise, resolve, reject };
}

const events = (): CardEvents & { closed: number } => {
  const e = {
    closed: 0,
    onPointerEnter: () => undefined,
    onPointerLeave: () => undefined,
    onClosed: () => void e.closed++,
  };
  return e;
};

describe('LazyCard (the card script loads on first need)', () => {
  it('loads nothing until asked, then shows the latest wanted state once loaded', async () => {
    const real = fakeCard();
    const mod = deferred<CardModule>();
    const load = vi.fn(() => mod.promise);
    const card = new LazyCard(ctx, api, events(), load);
    expect(load).not.toHaveBeenCalled();
    card.open(opts('HWC'));
    card.reposition({ left: 0, top: 42, right: 10, bottom: 52 });
    card.announce('HWC. Ticker 1 of 3.');
    expect(card.isOpen).toBe(true);
    expect(card.host).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
    mod.resolve({ createCard: () => real });
    await card.preload();
    expect(real.calls).toEqual(['announce HWC. Ticker 1 of 3.', 'open HWC 42']);
    card.close(false);
    expect(real.calls.at(-1)).toBe('close');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a card closed while the script loads is not shown', async () => {
    const real = fakeCard();
    const ev = events();
    const card = new LazyCard(ctx, api, ev, () => Promise.resolve({ createCard: () => real }));
    card.open(opts('BE'));
    card.close(false);
    expect(card.isOpen).toBe(false);
    expect(ev.closed).toBe(1);
    await card.preload();
    expect(real.calls).toEqual([]);
  });

  it('a failed load warns once and leaves the lens running without cards', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const ev = events();
    const load = vi.fn(() => Promise.reject(new Error('blocked')));
    const card = new LazyCard(ctx, api, ev, load);
    card.open(opts('CRDO'));
    await card.preload();
    expect(card.isOpen).toBe(false);
    expect(ev.closed).toBe(1);
    card.open(opts('CRDO'));
    card.announce('x');
    await card.preload();
    expect(load).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/Small-Cap Lens/);
    warn.mockRestore();
  });
});

describe('universe built in steps (content script start-up)', () => {
  const data = JSON.parse(
    readFileSync(resolve(__dirname, '../../lib/data/universe.json'), 'utf8'),
  ) as UniverseData;

  it('builds the same tables as loadUniverse, in many small steps', () => {
    const whole = loadUniverse(data);
    const b = universeBuilder(data);
    let steps = 0;
    while (b.step()) steps++;
    const u = b.finish();
    expect(steps).toBeGreaterThan(100);
    expect(JSON.stringify([...u.names])).toBe(JSON.stringify([...whole.names]));
    expect(u.size).toBe(whole.size);
    expect(u.get('HWC')).toEqual(whole.get('HWC'));
    expect(u.resolve('brk/b')?.symbol).toBe(whole.resolve('brk/b')?.symbol);
    expect(u.aliasesOf('HWC')).toEqual(whole.aliasesOf('HWC'));
  });
});
