// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ctxTimers, whenIdle } from './lens-context';
import { newContext } from './lens-testing';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('whenIdle', () => {
  it('waits for idle time, at most `timeout` ms, and hands over the deadline', () => {
    const asked: Array<{ timeout?: number }> = [];
    vi.stubGlobal('requestIdleCallback', (cb: IdleRequestCallback, o: { timeout?: number }) => {
      asked.push(o);
      cb({ didTimeout: false, timeRemaining: () => 7 });
      return 1;
    });
    const cancelled = vi.fn();
    vi.stubGlobal('cancelIdleCallback', cancelled);
    const got: Array<number | undefined> = [];
    const ctx = newContext();
    whenIdle(ctx, (d) => got.push(d?.timeRemaining()), 200, 16);
    expect(asked).toEqual([{ timeout: 200 }]);
    expect(got).toEqual([7]);
    ctx.abort();
    expect(cancelled).toHaveBeenCalledWith(1); // the context's own request, cancelled with it
  });

  it('falls back to a timer where there is no requestIdleCallback, and ends with the context', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    const ctx = newContext();
    let ran = 0;
    whenIdle(ctx, () => ran++, 200, 16);
    vi.advanceTimersByTime(15);
    expect(ran).toBe(0);
    vi.advanceTimersByTime(1);
    expect(ran).toBe(1);
    whenIdle(ctx, () => ran++, 200, 16);
    ctx.abort();
    vi.advanceTimersByTime(100);
    expect(ran).toBe(1);
  });
});

describe('ctxTimers', () => {
  it('sets timeouts on the context (cleared when it ends)', () => {
    vi.useFakeTimers();
    const ctx = newContext();
    const t = ctxTimers(ctx);
    let ran = 0;
    t.setTimeout(() => ran++, 10);
    const id = t.setTimeout(() => ran++, 10);
    t.clearTimeout(id);
    vi.advanceTimersByTime(10);
    expect(ran).toBe(1);
    t.setTimeout(() => ran++, 10);
    ctx.abort();
    vi.advanceTimersByTime(10);
    expect(ran).toBe(1);
  });
});
