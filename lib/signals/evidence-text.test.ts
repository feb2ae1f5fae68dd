import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadBundledSignalInputs } from '../snapshot/inputs';
import type { ConditionEvidence, FactorEvidence, HorizonEvidence } from './evidence';
import {
  caveats,
  conditionLine,
  evidenceSentence,
  evidenceText,
  leadCondition,
  sourcesOf,
  todayConditions,
  verdictSentence,
  type EvidenceReport,
} from './evidence-text';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bundled = JSON.parse(readFileSync(resolve(root, 'lib/data/evidence.json'), 'utf8')) as EvidenceReport;
const factor = (id: string) => bundled.evidence.factors.find((f) => f.id === id)!;
const condition = (f: FactorEvidence, id: string) => f.conditions.find((c) => c.id === id)!;

function synthetic(verdict: HorizonEvidence['verdict'], reading: ConditionEvidence['reading']) {
  const s = { n: 100, median: 5, mean: 5, sharePositive: 60, worst: -20 };
  const c: ConditionEvidence = {
    id: 'x',
    label: 'something happened',
    reading,
    conditionDays: 100,
    path: [],
    horizons: [
      {
        horizon: 126,
        signalDays: 100,
        episodes: 12,
        episodeDates: [],
        stats: s,
        episodeStats: s,
        baseline: { ...s, median: 4.9 },
        relative: null,
        verdict,
      },
    ],
  };
  return c;
}

describe('the evidence in words', () => {
  it('the flows sentence names episodes, the period, both medians and the share up', () => {
    const f = factor('flows');
    const c = condition(f, 'bottom-decile');
    const h = c.horizons.find((x) => x.horizon === 126)!;
    const text = evidenceSentence(f, c);
    expect(text).toContain(`In ${h.episodes} separate episodes since ${f.from.slice(0, 4)}`);
    expect(text).toContain('65-day outflows were in the bottom tenth');
    expect(text).toContain(
      `median ${h.stats!.median >= 0 ? '+' : '\u2212'}${Math.abs(h.stats!.median).toFixed(1)} %`,
    );
    expect(text).toContain(`${Math.abs(h.baseline!.median).toFixed(1)} % on all days`);
    expect(text).toContain(`up ${Math.round(h.stats!.sharePositive)} % of the time`);
  });

  it('says plainly when a signal did no better than average', () => {
    expect(verdictSentence(synthetic('similar', 'favours'))).toMatch(/no better than average/);
    expect(verdictSentence(synthetic('worse', 'favours'))).toMatch(/worse than average/);
    expect(verdictSentence(synthetic('better', 'favours'))).toMatch(/^That is better than on all days/);
    expect(verdictSentence(synthetic('too-few', 'favours'))).toMatch(/Too few/);
    expect(verdictSentence(synthetic('similar', 'against'))).toMatch(/did not mark weaker returns/);
  });

  it('each other condition gets one line with its own verdict; each factor only its own sources', () => {
    const f = factor('flows');
    const line = conditionLine(condition(f, 'bottom-decile'));
    expect(line).toMatch(
      /^When 65-day outflows were in the bottom tenth.*: next 6 months median .* % vs .* % \(\d+ episodes\), /,
    );
    expect(
      sourcesOf(bundled, 'flows')
        .map((p) => p.label)
        .join(' '),
    ).not.toMatch(/DGS2|IWM daily closes/);
    expect(
      sourcesOf(bundled, 'yields')
        .map((p) => p.label)
        .join(' '),
    ).toMatch(/DGS2/);
  });

  it('caveats cover overlapping windows, the period and advice', () => {
    const f = factor('drawdown');
    const list = caveats(f, condition(f, 'below-20'));
    expect(list.join(' ')).toMatch(/Overlapping windows/);
    expect(list.join(' ')).toMatch(/One period/);
    expect(list.join(' ')).toMatch(/not advice/);
  });

  it('today’s conditions come from the card’s inputs; the lead condition is the one holding today', () => {
    const today = todayConditions(loadBundledSignalInputs());
    expect(today.flows?.conditionIds).toHaveLength(1);
    const f = factor('flows');
    expect(leadCondition(f, today.flows)?.id).toBe(today.flows?.conditionIds[0]);
    // Nothing known today: lead with the claim being tested.
    expect(leadCondition(f, undefined)?.id).toBe('bottom-decile');
  });

  it('the text table lists every factor with its all-days baseline', () => {
    const text = evidenceText(bundled);
    for (const f of bundled.evidence.factors) expect(text).toContain(f.title);
    expect(text).toContain('all-days');
  });
});

describe('npm run signals -- evidence', () => {
  const tsx = resolve(root, 'node_modules/.bin/tsx');
  const script = resolve(root, 'scripts/signals.ts');

  it('--json prints the bundled report: flows and drawdown with episodes and the all-days baseline', () => {
    const out = JSON.parse(
      execFileSync(tsx, [script, 'evidence', '--json'], { encoding: 'utf8', cwd: root }),
    ) as EvidenceReport;
    expect(out).toEqual(bundled);
    for (const id of ['flows', 'drawdown']) {
      const f = out.evidence.factors.find((x) => x.id === id)!;
      for (const c of f.conditions)
        for (const h of c.horizons) {
          expect(h.episodes).toBeGreaterThan(0);
          expect(h.baseline?.n).toBeGreaterThan(1000);
        }
    }
  }, 60_000);

  it('the bundled file is what the code computes from the recorded histories (regenerate with npm run snapshot)', () => {
    const out = JSON.parse(
      execFileSync(tsx, [script, 'evidence', '--json', '--recompute'], { encoding: 'utf8', cwd: root }),
    ) as EvidenceReport;
    // A snapshot built with a live fund file has newer flows and drawdown than the recorded files;
    // the Stooq/FRED-based factors are recorded-only and must always match.
    const liveFund = bundled.sources[0]?.source !== 'bundled';
    for (const f of bundled.evidence.factors) {
      if (liveFund && (f.id === 'flows' || f.id === 'drawdown')) continue;
      expect(out.evidence.factors.find((x) => x.id === f.id)).toEqual(f);
    }
  }, 60_000);
});
