/**
 * Small-cap signals from the command line (run with tsx).
 *
 *   tsx scripts/signals.ts [--json] [--now ISO-TIME]
 *       The whole signal card from the bundled snapshot (lib/snapshot/inputs.ts →
 *       loadBundledSignalInputs). Text by default (lib/signals/format.ts formatCardText), or the
 *       SignalCard as JSON.
 *
 *   tsx scripts/signals.ts fedwatch --futures FILE --watch-date YYYY-MM-DD \
 *       --target-range LO-HI [--meetings D1,D2,...] [--day-count day-after-decision|decision-day] [--json]
 *       CME FedWatch-style probabilities (lib/signals/fedwatch.ts) from a CSV of fed funds futures
 *       closes (`Date,Contract,Close` or the recorded zq_contracts_daily layout). Closes dated on the
 *       watch date are used. LO-HI is the target range in force after the watch date's settlement,
 *       in percent (`4.50-4.75`) or basis points (`450-475`). Meetings are FOMC decision days; pass
 *       past ones too (they tell which months are meeting-free). Without --meetings the known
 *       decision days are used (lib/data/fomc-history.json to Mar 2024, lib/data/calendars.json
 *       2025 – Jan 2028). With it, known decision days the list leaves out (from 9 weeks before the watch date to the first one
 *       after the list's last) are added — only the listed span is priced — and said so on
 *       stderr and in "warnings" (--no-infer-calendar: use the list as given, still warned);
 *       gaps that suggest a missing meeting are warned about too. Meetings on the watch date are
 *       not priced (decided before the settlement). --day-count overrides the CME convention
 *       chosen by watch date.
 *
 *       Text output: one row per meeting, one column per target range, probabilities in %.
 *       JSON output (--json):
 *         {
 *           "watchDate": "2023-03-10",
 *           "targetRange": "450-475",
 *           "meetings": [
 *             { "date": "2023-05-03", "probabilities": { "475-500": 0.0, "500-525": 57.4, ... } }
 *           ],
 *           "dropped": ["..."],          // meetings that could not be priced (e.g. beyond contracts)
 *           "dayCount": "decision-day",  // which day the new rate is first counted (CME's era)
 *           "warnings": ["..."],         // likely holes in the calendar (also on stderr)
 *           "notes": ["..."]
 *         }
 *       Probabilities are percentages with one decimal. Every meeting lists the same ranges (the
 *       span of all meetings, as CME's table does), 0.0 where the tree does not reach.
 *
 *   tsx scripts/signals.ts evidence [--json] [--recompute]
 *       "What happened next": IWM's forward total return after each signal state vs all days
 *       (lib/signals/evidence.ts), as bundled in lib/data/evidence.json (the numbers the popup
 *       shows). --recompute computes it afresh from the recorded histories instead. Text: per
 *       factor and condition a table of horizons (signal days, episodes, median, all-days median,
 *       mean, share up, worst, vs SPY, verdict) and the popup's sentence. JSON: the EvidenceReport
 *       (lib/signals/evidence-text.ts).
 *
 * Exit codes: 0 ok, 1 data error (message on stderr), 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { invokedDirectly } from './cli';
import type { SignalCard } from '../lib/view-models';
import { buildSignalCard, type SignalInputs } from '../lib/signals/card';
import {
  computeFedWatch,
  rangeLabel,
  type DayCount,
  type FedWatchResult,
  type TargetRange,
} from '../lib/signals/fedwatch';
import { bundledCalendars } from '../lib/sources/calendars';
import fomcHistory from '../lib/data/fomc-history.json';
import { formatCardText } from '../lib/signals/card-text';
import { parseFuturesCsv } from '../lib/sources/futures-csv';
import { evidenceText, type EvidenceReport } from '../lib/signals/evidence-text';
import { buildEvidenceReport, EVIDENCE_OUT, recordedEvidenceInputs } from './evidence';

/** Hook for the bundled snapshot: this module must export `loadBundledSignalInputs()`. */
const SNAPSHOT_INPUTS_MODULE = '../lib/snapshot/inputs';

class UsageError extends Error {}

const USAGE = `Usage:
  tsx scripts/signals.ts [--json] [--now ISO-TIME]
  tsx scripts/signals.ts fedwatch --futures FILE --watch-date YYYY-MM-DD --target-range LO-HI [--meetings D1,D2,...] [--day-count day-after-decision|decision-day] [--json]
  tsx scripts/signals.ts evidence [--json] [--recompute]`;

function parseArgs(argv: string[]): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) flags.set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const next = argv[i + 1];
        if (
          next !== undefined &&
          !next.startsWith('--') &&
          a !== '--json' &&
          a !== '--help' &&
          a !== '--recompute'
        ) {
          flags.set(a.slice(2), next);
          i++;
        } else flags.set(a.slice(2), true);
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

function stringFlag(flags: Map<string, string | true>, name: string): string {
  const v = flags.get(name);
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`);
  return v.trim();
}

/** "4.50-4.75" (percent) or "450-475" (bp). */
export function parseTargetRange(s: string): TargetRange {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)\s*$/.exec(s);
  if (!m) throw new UsageError(`--target-range must look like 4.50-4.75 or 450-475, got ${s}`);
  let lo = Number(m[1]);
  let hi = Number(m[2]);
  if (lo > 25 || hi > 25) {
    lo /= 100;
    hi /= 100;
  }
  return { lower: lo, upper: hi };
}

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The known decision days around a watch date: from ~a year before it, forward until the first
 * hole in what we know (no decision for more than 9 weeks — e.g. Apr–Dec 2024 is not on hand).
 */
export function contiguousRun(days: readonly string[], watchDate: string): string[] {
  const sorted = days.filter((d) => d >= shiftDays(watchDate, -400)).sort();
  const out: string[] = [];
  for (const d of sorted) {
    const prev = out.at(-1);
    if (prev && d > watchDate && d > shiftDays(prev, 63)) break;
    out.push(d);
  }
  return out;
}

/**
 * Every FOMC decision day on hand: the recorded history (lib/data/fomc-history.json, to Mar 2024)
 * and the bundled calendar (2025 – Jan 2028). Months with two decisions in the history (1980s
 * conference calls, March 2020) are left out: the FedWatch method prices one decision a month.
 */
export function knownDecisionDays(): string[] {
  const history = [...fomcHistory.decided, ...fomcHistory.scheduled];
  const perMonth = new Map<string, number>();
  for (const d of history) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
  const single = history.filter((d) => perMonth.get(d.slice(0, 7)) === 1);
  return [...new Set([...single, ...bundledCalendars().fomc.map((m) => m.end)])].sort();
}

/**
 * Decision days of the bundled calendar that the given list leaves out, from 9 weeks before the
 * watch date through the first decision after the list's last one: each would turn a meeting
 * month into a "meeting-free" anchor and shift every later result.
 */
export function missingBundledMeetings(
  given: readonly string[],
  bundled: readonly string[],
  watchDate: string,
): string[] {
  const last = [...given].sort().at(-1) ?? watchDate;
  const from = new Date(Date.parse(`${watchDate}T00:00:00Z`) - 63 * 86_400_000).toISOString().slice(0, 10);
  // The decision right after the list's last one decides that one's end rate (if it is close).
  const after = [...bundled].sort().find((d) => d > last && d <= shiftDays(last, 63));
  const givenMonths = new Set(given.map((d) => d.slice(0, 7)));
  return bundled
    .filter((d) => d >= from && (d <= last || d === after) && !givenMonths.has(d.slice(0, 7)))
    .sort();
}

function parseMeetings(s: string): string[] {
  const list = s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  for (const d of list) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError(`Bad meeting date: ${d}`);
  if (list.length === 0) throw new UsageError('--meetings needs at least one date');
  return list;
}

const pct1 = (p: number) => {
  const v = Number((p * 100).toFixed(1));
  return v === 0 ? 0 : v; // no "-0"
};

/** The table as JSON (shape in the header). */
export function fedWatchJson(fw: FedWatchResult): {
  watchDate: string;
  targetRange: string;
  meetings: Array<{ date: string; probabilities: Record<string, number> }>;
  dropped: string[];
  dayCount: DayCount;
  warnings: string[];
  notes: string[];
} {
  const columns = tableColumns(fw);
  return {
    watchDate: fw.watchDate,
    targetRange: rangeLabel(Math.round(fw.targetRange.lower * 100)),
    meetings: fw.meetings.map((m) => ({
      date: m.date,
      probabilities: Object.fromEntries(
        columns.map((c) => [c, pct1(m.probabilities.find((r) => r.label === c)?.probability ?? 0)]),
      ),
    })),
    dropped: fw.dropped,
    dayCount: fw.dayCount,
    warnings: fw.warnings,
    notes: fw.notes,
  };
}

function tableColumns(fw: FedWatchResult): string[] {
  const all = fw.meetings.flatMap((m) => m.probabilities.map((r) => r.lowerBp));
  if (all.length === 0) return [];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const out: string[] = [];
  for (let b = lo; b <= hi; b += 25) out.push(rangeLabel(b));
  return out;
}

export function fedWatchText(fw: FedWatchResult): string {
  const columns = tableColumns(fw);
  const json = fedWatchJson(fw);
  const width = 9;
  const lines = [
    `FedWatch-style probabilities (%) as of ${fw.watchDate}, target range ${json.targetRange} bp`,
    '',
    ['Meeting   ', ...columns.map((c) => c.padStart(width))].join(' '),
  ];
  for (const m of json.meetings) {
    lines.push(
      [m.date.padEnd(10), ...columns.map((c) => (m.probabilities[c] ?? 0).toFixed(1).padStart(width))].join(
        ' ',
      ),
    );
  }
  for (const n of fw.notes) lines.push(`Note: ${n}`);
  return lines.join('\n') + '\n';
}

function runFedwatch(flags: Map<string, string | true>): number {
  const file = stringFlag(flags, 'futures');
  const watchDate = stringFlag(flags, 'watch-date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(watchDate))
    throw new UsageError(`--watch-date must be YYYY-MM-DD, got ${watchDate}`);
  const targetRange = parseTargetRange(stringFlag(flags, 'target-range'));
  const dayCountFlag = flags.get('day-count');
  let dayCount: DayCount | undefined;
  if (dayCountFlag !== undefined) {
    if (dayCountFlag !== 'day-after-decision' && dayCountFlag !== 'decision-day')
      throw new UsageError('--day-count must be day-after-decision or decision-day');
    dayCount = dayCountFlag;
  }
  const bundled = knownDecisionDays();
  const given = flags.get('meetings');
  const listed =
    given === undefined
      ? contiguousRun(bundled, watchDate)
      : parseMeetings(typeof given === 'string' ? given : '');
  // Infer the calendar: decision days of the bundled calendar that the list leaves out (in the
  // span it covers, and the one after its last meeting) are added, and said so on stderr.
  const missing =
    given === undefined || flags.has('no-infer-calendar')
      ? []
      : missingBundledMeetings(listed, bundled, watchDate);
  const meetings = [...new Set([...listed, ...missing])].sort();
  const priceThrough = given === undefined ? undefined : [...listed].sort().at(-1);
  const extraWarnings = missing.length
    ? [
        `--meetings leaves out known FOMC decision day(s): ${missing.join(', ')} — added (their months are not meeting-free); pass --no-infer-calendar to use the list as given`,
      ]
    : given !== undefined && flags.has('no-infer-calendar')
      ? missingBundledMeetings(listed, bundled, watchDate).map(
          (d) =>
            `--meetings leaves out the FOMC decision of ${d} (known calendar): its month is treated as meeting-free`,
        )
      : [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const quotes = parseFuturesCsv(text);
  if (!quotes.ok) {
    process.stderr.write(`${file}: ${quotes.error.kind}: ${quotes.error.message}\n`);
    return 1;
  }
  const r = computeFedWatch({
    watchDate,
    futures: quotes.value,
    targetRange,
    meetings,
    dayCount,
    priceThrough,
  });
  for (const w of extraWarnings) process.stderr.write(`Warning: ${w}\n`);
  if (!r.ok) {
    process.stderr.write(`${r.error.kind}: ${r.error.message}\n`);
    return 1;
  }
  r.value.warnings.unshift(...extraWarnings);
  r.value.notes.unshift(...extraWarnings);
  for (const w of r.value.warnings.slice(extraWarnings.length)) process.stderr.write(`Warning: ${w}\n`);
  process.stdout.write(
    flags.has('json') ? JSON.stringify(fedWatchJson(r.value), null, 2) + '\n' : fedWatchText(r.value),
  );
  return 0;
}

/** Loads the bundled snapshot's inputs, or null (with the reason) when the loader is not there yet. */
async function loadBundledInputs(): Promise<{ inputs: SignalInputs } | { missing: string }> {
  let mod: Record<string, unknown>;
  try {
    // A variable specifier: the module is another engineer's and may not exist yet.
    mod = (await import(SNAPSHOT_INPUTS_MODULE)) as Record<string, unknown>;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/cannot find|not found|ERR_MODULE_NOT_FOUND/i.test(msg)) {
      return { missing: `${SNAPSHOT_INPUTS_MODULE}.ts is not available yet (${msg.split('\n')[0]})` };
    }
    throw e;
  }
  const load = mod.loadBundledSignalInputs;
  if (typeof load !== 'function') {
    return { missing: `${SNAPSHOT_INPUTS_MODULE}.ts does not export loadBundledSignalInputs()` };
  }
  return { inputs: (await (load as () => SignalInputs | Promise<SignalInputs>)()) as SignalInputs };
}

async function runCard(flags: Map<string, string | true>): Promise<number> {
  const loaded = await loadBundledInputs();
  if ('missing' in loaded) {
    process.stderr.write(
      `The bundled snapshot loader is not wired yet: ${loaded.missing}.\n` +
        'The card needs lib/snapshot/inputs.ts exporting loadBundledSignalInputs(): SignalInputs.\n' +
        'Meanwhile: tsx scripts/signals.ts fedwatch --help\n',
    );
    return 1;
  }
  const nowFlag = flags.get('now');
  const now = typeof nowFlag === 'string' ? new Date(nowFlag) : new Date();
  if (!Number.isFinite(now.getTime())) throw new UsageError(`--now is not a date: ${String(nowFlag)}`);
  const card: SignalCard = buildSignalCard(loaded.inputs, now);
  process.stdout.write(flags.has('json') ? JSON.stringify(card, null, 2) + '\n' : formatCardText(card));
  return 0;
}

function runEvidence(flags: Map<string, string | true>): number {
  let report: EvidenceReport;
  if (flags.has('recompute')) {
    const { inputs, sources, sourceKeys, notes } = recordedEvidenceInputs();
    report = buildEvidenceReport(inputs, sources, sourceKeys, notes);
  } else {
    try {
      report = JSON.parse(readFileSync(EVIDENCE_OUT, 'utf8')) as EvidenceReport;
    } catch (e) {
      process.stderr.write(
        `Cannot read ${EVIDENCE_OUT} (${e instanceof Error ? e.message : String(e)}); run npm run snapshot or pass --recompute\n`,
      );
      return 1;
    }
  }
  process.stdout.write(flags.has('json') ? JSON.stringify(report, null, 2) + '\n' : evidenceText(report));
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv);
  if (flags.has('help') || flags.has('h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const command = positional[0];
  try {
    if (command === undefined) return await runCard(flags);
    if (command === 'fedwatch') return runFedwatch(flags);
    if (command === 'evidence') return runEvidence(flags);
    throw new UsageError(`Unknown command: ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

// Importing this file (tests) must not run the CLI.
if (invokedDirectly(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
