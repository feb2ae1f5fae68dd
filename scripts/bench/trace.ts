/**
 * Main-thread task timing from a Chrome trace (CDP Tracing): every top-level task of the page's
 * renderer main thread with its wall duration AND its thread (CPU) duration. On a loaded machine
 * a task's wall time includes time the OS gave other processes; its thread time does not, so
 * "longest task" is reported both ways.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface TaskTiming {
  /** Start, ms on the trace clock. */
  ts: number;
  /** Wall duration, ms. */
  dur: number;
  /** Thread (CPU) duration, ms. */
  tdur: number;
  /** Wall ms of script from the extension (chrome-extension:// URLs) inside the task. */
  extScript: number;
  /** Wall ms of the page's rendering work inside the task (style, layout, paint, …), by event. */
  rendering: Record<string, number>;
}

/** Rendering events of the devtools timeline (summed per task, outermost ones only). */
const RENDERING = new Set([
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'Commit',
  'HitTest',
]);
/** Script entry points whose args.data.url names the script. */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.evaluateModule']);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: { frames?: Array<{ url?: string; processId?: number }>; message?: string; url?: string };
  };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'].join(',');

export async function traceTasks<T>(
  context: BrowserContext,
  page: Page,
  fn: () => Promise<T>,
): Promise<{ result: T; tasks: TaskTiming[]; marks: Record<string, number> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await fn();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => {});
  }
  const url = page.url();
  // The page's renderer: from the frames listed when tracing started.
  const pids = new Set<number>();
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    for (const f of e.args?.data?.frames ?? []) if (f.url === url && f.processId) pids.add(f.processId);
  }
  const mains = new Set<string>();
  for (const e of events) {
    if (
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      (pids.size === 0 || pids.has(e.pid))
    )
      mains.add(`${e.pid}:${e.tid}`);
  }
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        mains.has(`${e.pid}:${e.tid}`),
    )
    .map((e): TaskTiming => ({
      ts: e.ts / 1000,
      dur: (e.dur ?? 0) / 1000,
      tdur: (e.tdur ?? e.dur ?? 0) / 1000,
      extScript: 0,
      rendering: {},
    }));
  // RunTask and ThreadControllerImpl::RunTask can both wrap the same task: keep outermost.
  tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const top: TaskTiming[] = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      top.push(t);
      end = t.ts + t.dur;
    }
  }
  // Attribute script and rendering events on the main thread to the top-level task around them.
  const inner = events
    .filter(
      (e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`) && (RENDERING.has(e.name) || SCRIPT.has(e.name)),
    )
    .sort((a, b) => a.ts - b.ts);
  let ti = 0;
  let extEnd = -Infinity; // nested FunctionCalls of one extension call are counted once
  let renderEnd = -Infinity;
  for (const e of inner) {
    const ts = e.ts / 1000;
    while (ti < top.length && (top[ti] as TaskTiming).ts + (top[ti] as TaskTiming).dur < ts) ti++;
    const task = top[ti];
    if (!task || ts < task.ts) continue;
    const dur = (e.dur ?? 0) / 1000;
    if (RENDERING.has(e.name)) {
      if (ts < renderEnd) continue; // nested inside another rendering event already counted
      task.rendering[e.name] = (task.rendering[e.name] ?? 0) + dur;
      renderEnd = ts + dur;
    } else if ((e.args?.data?.url ?? '').startsWith('chrome-extension://') && ts >= extEnd) {
      task.extScript += dur;
      extEnd = ts + dur;
    }
  }
  // console.timeStamp(label) in the page → a TimeStamp event on the trace clock.
  const marks: Record<string, number> = {};
  for (const e of events) {
    if (e.name === 'TimeStamp' && e.args?.data?.message) marks[e.args.data.message] = e.ts / 1000;
  }
  return { result: result!, tasks: top, marks };
}

export function longest(tasks: TaskTiming[]): { wall: number; cpu: number } {
  let wall = 0;
  let cpu = 0;
  for (const t of tasks) {
    wall = Math.max(wall, t.dur);
    cpu = Math.max(cpu, t.tdur);
  }
  return { wall, cpu };
}

/** The top-level task around a trace timestamp (a console.timeStamp mark), if any. */
export function taskAt(tasks: TaskTiming[], at: number | undefined): TaskTiming | undefined {
  return at === undefined ? undefined : tasks.find((t) => t.ts <= at && at <= t.ts + t.dur);
}

/** Tasks in which extension code ran (the budgets apply to the work we add). */
export function extensionTasks(tasks: TaskTiming[]): TaskTiming[] {
  return tasks.filter((t) => t.extScript > 0);
}
