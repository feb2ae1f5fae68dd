import { describe, expect, it } from 'vitest';
import { debounceWithMax, SliceRunner, yieldTask } from './scheduler';

/** A fake clock: steps "cost" time; scheduled slices run when the test says so. */
function fakeHost() {
  let t = 0;
  const queue: Array<() => void> = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    schedule: (cb: () => void) => void queue.push(cb),
    queue,
    runNext() {
      const cb = queue.shift();
      cb?.();
      return !!cb;
    },
  };
}

describe('SliceRunner', () => {
  it('keeps slicing within one idle period via task yields, then asks for the next period', () => {
    let t = 0;
    let left = 12; // ms of idle time left in the current period
    const idle: Array<(d?: IdleDeadline) => void> = [];
    const tasks: Array<() => void> = [];
    const deadline = { didTimeout: false, timeRemaining: () => left } as IdleDeadline;
    const runner = new SliceRunner(
      {
        now: () => t,
        schedule: (cb) => void idle.push(cb),
        yieldTask: (cb) => void tasks.push(cb),
      },
      5,
    );
    let done = 0;
    runner.enqueue(() => {
      t += 1;
      left -= 1;
      done++;
      return done < 30;
    });
    idle.shift()!(deadline);
    // 5 ms slice, 7 ms left: next slice is a task yield, not a new idle request.
    expect(tasks.length).toBe(1);
    expect(idle.length).toBe(0);
    tasks.shift()!();
    // 2 ms left: still > 1, one more task; after it the period is spent.
    expect(tasks.length).toBe(1);
    tasks.shift()!();
    expect(tasks.length).toBe(0);
    expect(idle.length).toBe(1);
    expect(done).toBe(15);
  });

  it('splits long work into slices that stay within the budget', () => {
    const host = fakeHost();
    const runner = new SliceRunner(host, 5);
    let done = 0;
    const sliceCosts: number[] = [];
    // 1,000 steps of 0.1 ms: 100 ms of work in all.
    runner.enqueue(() => {
      host.advance(0.1);
      done++;
      return done < 1000;
    });
    while (host.queue.length) {
      const before = host.now();
      host.runNext();
      sliceCosts.push(host.now() - before);
    }
    expect(done).toBe(1000);
    expect(sliceCosts.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...sliceCosts)).toBeLessThanOrEqual(5.1);
  });

  it('runs queued tasks in order and reports when idle', () => {
    const host = fakeHost();
    const order: string[] = [];
    let idle = 0;
    const runner = new SliceRunner(host, 5, () => idle++);
    runner.enqueue(() => (order.push('a'), false));
    runner.enqueue(() => (order.push('b'), false));
    expect(host.queue).toHaveLength(1); // one slice requested, not one per task
    host.runNext();
    expect(order).toEqual(['a', 'b']);
    expect(idle).toBe(1);
    expect(host.queue).toHaveLength(0); // drained: no further slice asked for
  });

  it('survives a throwing step and stops cleanly', () => {
    const host = fakeHost();
    const runner = new SliceRunner(host, 5);
    let after = false;
    runner.enqueue(() => {
      throw new Error('node went away');
    });
    runner.enqueue(() => ((after = true), false));
    host.runNext();
    expect(after).toBe(true);
    runner.stop();
    runner.enqueue(() => false);
    expect(host.queue).toHaveLength(0);
  });

  it('clear() drops queued work (a full rescan replaces it)', () => {
    const host = fakeHost();
    const runner = new SliceRunner(host, 5);
    let ran = false;
    runner.enqueue(() => ((ran = true), false));
    runner.clear();
    host.runNext();
    expect(ran).toBe(false);
  });
});

describe('debounceWithMax', () => {
  function timers() {
    let t = 0;
    let id = 0;
    const pending = new Map<number, { at: number; cb: () => void }>();
    return {
      now: () => t,
      setTimeout: (cb: () => void, ms: number) => (pending.set(++id, { at: t + ms, cb }), id),
      clearTimeout: (i: number) => void pending.delete(i),
      tick(ms: number) {
        const end = t + ms;
        for (;;) {
          const next = [...pending.entries()]
            .filter(([, p]) => p.at <= end)
            .sort((a, b) => a[1].at - b[1].at)[0];
          if (!next) break;
          t = next[1].at;
          pending.delete(next[0]);
          next[1].cb();
        }
        t = end;
      },
    };
  }

  it('fires once after a burst goes quiet', () => {
    const tm = timers();
    let n = 0;
    const d = debounceWithMax(() => n++, 100, 1000, tm);
    for (let i = 0; i < 5; i++) {
      d.call();
      tm.tick(50);
    }
    expect(n).toBe(0);
    tm.tick(100);
    expect(n).toBe(1);
  });

  it('fires by maxWait on a page that never stops mutating', () => {
    const tm = timers();
    let n = 0;
    const d = debounceWithMax(() => n++, 100, 1000, tm);
    for (let i = 0; i < 30; i++) {
      d.call();
      tm.tick(50);
    }
    expect(n).toBeGreaterThanOrEqual(1);
    d.cancel();
  });
});

describe('yieldTask', () => {
  it('runs callbacks in later tasks, in order', async () => {
    const order: string[] = [];
    yieldTask(() => order.push('a'));
    yieldTask(() => order.push('b'));
    order.push('sync');
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['sync', 'a', 'b']);
  });
});
