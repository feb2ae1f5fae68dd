import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DRAWDOWN_CONDITIONS,
  FLOW_CONDITIONS,
  RELATIVE_CONDITIONS,
  YIELD_CONDITIONS,
  type ConditionDef,
} from './evidence-conditions';

const holding = (defs: readonly ConditionDef[], state: number | string) =>
  defs.filter((c) => c.test(state)).map((c) => c.id);

describe('evidence conditions', () => {
  it('flow ranks and yield changes fall in exactly one condition each', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (p) => {
        expect(holding(FLOW_CONDITIONS, p)).toHaveLength(1);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), (bp) => {
        expect(holding(YIELD_CONDITIONS, bp)).toHaveLength(1);
      }),
    );
    expect(holding(FLOW_CONDITIONS, 10)).toEqual(['bottom-decile']);
    expect(holding(FLOW_CONDITIONS, 90)).toEqual(['top-decile']);
    expect(holding(YIELD_CONDITIONS, -25)).toEqual(['fell-25']);
  });

  it('a drawdown of 20 % is also one of 10 %; near the high excludes both', () => {
    expect(holding(DRAWDOWN_CONDITIONS, -25)).toEqual(['below-20', 'below-10']);
    expect(holding(DRAWDOWN_CONDITIONS, -10)).toEqual(['below-10']);
    expect(holding(DRAWDOWN_CONDITIONS, -9.99)).toEqual(['near-high']);
  });

  it('the IWM/SPY trend states map one to one, with the card’s readings', () => {
    for (const s of ['rising', 'falling', 'mixed']) expect(holding(RELATIVE_CONDITIONS, s)).toEqual([s]);
    expect(RELATIVE_CONDITIONS.map((c) => c.reading)).toEqual(['favours', 'against', 'neutral']);
  });
});
