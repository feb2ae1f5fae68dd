/**
 * The conditions the evidence tests on each signal's state, with the reading each would give the
 * card (favours / against / neutral small caps).
 */
import type { ConditionReading } from './evidence';

export interface ConditionDef {
  id: string;
  label: string;
  reading: ConditionReading;
  test: (state: number | string) => boolean;
}

export const FLOW_CONDITIONS: ConditionDef[] = [
  {
    id: 'bottom-decile',
    label: '65-day outflows were in the bottom tenth of the previous 3 years',
    reading: 'favours',
    test: (p) => (p as number) <= 10,
  },
  {
    id: 'top-decile',
    label: '65-day inflows were in the top tenth of the previous 3 years',
    reading: 'against',
    test: (p) => (p as number) >= 90,
  },
  {
    id: 'middle',
    label: '65-day flows were within the usual range (10th–90th percentile)',
    reading: 'neutral',
    test: (p) => (p as number) > 10 && (p as number) < 90,
  },
];

export const DRAWDOWN_CONDITIONS: ConditionDef[] = [
  {
    id: 'below-20',
    label: 'IWM was 20 % or more below its high',
    reading: 'favours',
    test: (d) => (d as number) <= -20,
  },
  {
    id: 'below-10',
    label: 'IWM was 10 % or more below its high',
    reading: 'neutral',
    test: (d) => (d as number) <= -10,
  },
  {
    id: 'near-high',
    label: 'IWM was less than 10 % below its high',
    reading: 'neutral',
    test: (d) => (d as number) > -10,
  },
];

export const RELATIVE_CONDITIONS: ConditionDef[] = [
  {
    id: 'rising',
    label: 'small caps were outperforming large caps (IWM/SPY trend rising)',
    reading: 'favours',
    test: (s) => s === 'rising',
  },
  {
    id: 'falling',
    label: 'small caps were lagging large caps (IWM/SPY trend falling)',
    reading: 'against',
    test: (s) => s === 'falling',
  },
  { id: 'mixed', label: 'the IWM/SPY trend was mixed', reading: 'neutral', test: (s) => s === 'mixed' },
];

export const YIELD_CONDITIONS: ConditionDef[] = [
  {
    id: 'fell-25',
    label: 'the 2-year Treasury yield had fallen 0.25 points or more in 3 months',
    reading: 'favours',
    test: (bp) => (bp as number) <= -25,
  },
  {
    id: 'rose-25',
    label: 'the 2-year Treasury yield had risen 0.25 points or more in 3 months',
    reading: 'against',
    test: (bp) => (bp as number) >= 25,
  },
  {
    id: 'flat',
    label: 'the 2-year Treasury yield had moved less than 0.25 points in 3 months',
    reading: 'neutral',
    test: (bp) => Math.abs(bp as number) < 25,
  },
];
