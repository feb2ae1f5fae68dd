// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CARD_HOST_ATTR } from '../../lib/lens/card-contract';
import type { Highlighter } from './highlight';
import { newContext, universe } from './lens-testing';
import type { Hit, MentionIndex } from './lookup';
import { createScanSession } from './scan-session';
import type { SliceHost } from './scheduler';

/** Slices run when the test pumps them (the page's idle time, on demand). */
function manualHost() {
  const queue: Array<() => void> = [];
  const host: SliceHost = { now: () => 0, schedule: (cb) => void queue.push(() => cb()) };
  return {
    host,
    pending: () => queue.length,
    pump() {
      for (let i = 0; queue.length > 0; i++) {
        if (i > 10_000) throw new Error('slices never end');
        queue.shift()!();
      }
    },
  };
}

function setup() {
  const slices = manualHost();
  const drawn: string[][] = [];
  const styled: ShadowRoot[] = [];
  const highlighter: Pick<Highlighter, 'addShadowRoot' | 'publish'> = {
    addShadowRoot: (r) => void styled.push(r),
    publish: (hits: ReadonlyArray<Hit<Text>>) => () => (drawn.push(hits.map((h) => h.symbol)), false),
  };
  const passes: Array<Map<string, number>> = [];
  const frames: Document[] = [];
  const session = createScanSession(
    newContext(),
    universe,
    {},
    highlighter,
    {
      frameDocument: (d) => void frames.push(d),
      passComplete: (index: MentionIndex<Text>) => void passes.push(index.counts()),
    },
    slices.host,
  );
  return { session, slices, drawn, styled, passes, frames };
}

const counts = (index: MentionIndex<Text>) => Object.fromEntries(index.counts());
const para = (text: string, parent: Node = document.body) => {
  const p = document.createElement('p');
  p.textContent = text;
  parent.appendChild(p);
  return p;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('createScanSession', () => {
  it('runs a first pass in slices and swaps its index in only when the pass is complete', () => {
    para('Shares of $CRDO rose while $HWC fell');
    const { session, slices, passes, drawn } = setup();
    const before = session.index;
    session.start();
    expect(session.rescanning).toBe(true);
    expect(slices.pending()).toBe(1); // nothing ran in the call itself
    slices.pump();
    expect(session.rescanning).toBe(false);
    expect(session.index).not.toBe(before);
    expect(counts(session.index)).toEqual({ CRDO: 1, HWC: 1 });
    expect(passes).toEqual([
      new Map([
        ['CRDO', 1],
        ['HWC', 1],
      ]),
    ]);
    expect(drawn).toEqual([['CRDO', 'HWC']]);
  });

  it('scans added text at once, then rescans the whole page once after the burst', async () => {
    const { session, slices, passes } = setup();
    session.start();
    slices.pump();
    expect(passes).toHaveLength(1);
    para('$CRDO');
    para('$HWC');
    await Promise.resolve(); // the observer's records
    slices.pump();
    expect(counts(session.index)).toEqual({ CRDO: 1, HWC: 1 }); // the queued roots, drained
    await vi.advanceTimersByTimeAsync(1400);
    expect(session.rescanning).toBe(false);
    await vi.advanceTimersByTimeAsync(200); // 1.5 s after the last mutation: the full rescan
    expect(session.rescanning).toBe(true);
    slices.pump();
    expect(passes.at(-1)).toEqual(
      new Map([
        ['CRDO', 1],
        ['HWC', 1],
      ]),
    );
  });

  it("ignores mutations of the lens's own elements", async () => {
    const { session, slices, passes } = setup();
    session.start();
    slices.pump();
    const host = document.createElement('div');
    host.setAttribute(CARD_HOST_ATTR, 'card');
    host.textContent = '$CRDO';
    document.body.append(host);
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(slices.pending()).toBe(0);
    expect(passes).toHaveLength(1);
    host.remove();
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(11_000);
    expect(passes).toHaveLength(1);
  });

  it('drops a mention whose text the page removed, in the next pass', async () => {
    const p = para('$CRDO');
    const { session, slices } = setup();
    session.start();
    slices.pump();
    p.remove();
    await Promise.resolve();
    await vi.advanceTimersByTimeAsync(1600);
    slices.pump();
    expect(counts(session.index)).toEqual({});
  });

  it('reaches into open shadow roots, which get the underline styles', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    para('$HWC', root);
    const { session, slices, styled } = setup();
    session.start();
    slices.pump();
    expect(styled).toEqual([root]);
    expect([...session.shadowRoots]).toEqual([root]);
    expect(counts(session.index)).toEqual({ HWC: 1 });
  });

  it('rescans on request (SPA navigation) after the debounce', async () => {
    const { session, slices, passes } = setup();
    session.start();
    slices.pump();
    para('$HWC');
    session.rescanSoon();
    await vi.advanceTimersByTimeAsync(1500);
    slices.pump();
    expect(passes.at(-1)).toEqual(new Map([['HWC', 1]]));
  });

  it('does nothing more once stopped', async () => {
    const { session, slices, passes } = setup();
    session.start();
    session.stop();
    slices.pump();
    para('$HWC');
    session.rescanSoon();
    await vi.advanceTimersByTimeAsync(11_000);
    slices.pump();
    expect(passes).toEqual([]);
  });
});
