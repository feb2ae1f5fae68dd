/**
 * Time-sliced work runner (the uBlock Origin / Dark Reader pattern): work is a queue of small
 * steps; each slice runs steps until its budget (~5 ms) is spent, then yields to the page. While
 * the idle period the host handed over has time left, the next slice follows after a plain task
 * yield (`host.yieldTask`: input and rendering can run in between); otherwise it asks for the next
 * idle period. No slice can grow into a long task, whatever the page size.
 */

/** One unit of work: does a small amount and returns false when the task is finished. */
export type Step = () => boolean;

export interface SliceHost {
  now(): number;
  /** Runs `cb` soon (idle callback with a timeout, or a timer); idle callbacks pass the deadline. */
  schedule(cb: (deadline?: IdleDeadline) => void): void;
  /** Runs `cb` in a new task soon (MessageChannel / scheduler.postTask): between slices of one
   * idle period, so the runner does not wait for the next idle period while this one lasts. */
  yieldTask?(cb: () => void): void;
}

export class SliceRunner {
  private readonly queue: Step[] = [];
  private pending = false;
  private stopped = false;
  /** Slices run so far (for tests and diagnostics). */
  slices = 0;

  constructor(
    private readonly host: SliceHost,
    private readonly budgetMs = 5,
    /** Called when the queue drains. */
    private readonly onIdle?: () => void,
  ) {}

  enqueue(step: Step): void {
    if (this.stopped) return;
    this.queue.push(step);
    this.kick();
  }

  /** Drops all queued work (a full rescan replaces it). */
  clear(): void {
    this.queue.length = 0;
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private kick(): void {
    if (this.pending || this.stopped) return;
    this.pending = true;
    this.host.schedule((d) => this.run(d));
  }

  /** One slice. Public so tests can drive it; the host normally calls it. */
  run(deadline?: IdleDeadline): void {
    this.pending = false;
    if (this.stopped) return;
    this.slices++;
    const start = this.host.now();
    while (this.queue.length > 0) {
      const step = this.queue[0]!;
      let more = false;
      try {
        more = step();
      } catch {
        // A broken step (node removed mid-walk, odd page) must not stall the queue.
        more = false;
      }
      if (!more) this.queue.shift();
      if (this.host.now() - start >= this.budgetMs) break;
    }
    if (this.queue.length === 0) {
      this.onIdle?.();
      return;
    }
    const yieldTask = this.host.yieldTask;
    if (deadline && yieldTask && !deadline.didTimeout && deadline.timeRemaining() > 1) {
      // Same idle period, next task: keep going while it lasts.
      this.pending = true;
      yieldTask.call(this.host, () => this.run(deadline));
    } else this.kick();
  }
}

/** Runs `cb` in a new task: scheduler.postTask (background) where it exists, else a MessageChannel. */
let yieldChannel: { port: MessagePort; queue: Array<() => void> } | null = null;
export function yieldTask(cb: () => void): void {
  const sched = (globalThis as { scheduler?: { postTask?: (cb: () => void, o: object) => Promise<unknown> } })
    .scheduler;
  if (typeof sched?.postTask === 'function') {
    sched.postTask(cb, { priority: 'background' }).catch(() => {});
    return;
  }
  if (!yieldChannel) {
    const ch = new MessageChannel();
    const queue: Array<() => void> = [];
    ch.port1.onmessage = () => queue.shift()?.();
    yieldChannel = { port: ch.port2, queue };
  }
  yieldChannel.queue.push(cb);
  yieldChannel.port.postMessage(0);
}

/**
 * A debounce with a ceiling: fires `wait` ms after the last call, but at most `maxWait` ms after
 * the first call of a burst (a page that mutates every second still gets its rescan).
 */
export function debounceWithMax(
  fn: () => void,
  wait: number,
  maxWait: number,
  timers: { setTimeout(cb: () => void, ms: number): number; clearTimeout(id: number): void; now(): number },
): { call(): void; cancel(): void } {
  let timer: number | null = null;
  let first = 0;
  const fire = () => {
    timer = null;
    first = 0;
    fn();
  };
  return {
    call() {
      const t = timers.now();
      if (!first) first = t;
      if (timer !== null) timers.clearTimeout(timer);
      const due = Math.max(0, Math.min(wait, first + maxWait - t));
      timer = timers.setTimeout(fire, due);
    },
    cancel() {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      first = 0;
    },
  };
}
