import { describe, expect, it } from 'vitest';
import type { SignalCard } from '../view-models';
import { formatCardText } from './card-text';

describe('formatCardText', () => {
  it('names each factor, its date, stale sources and the disclaimer', () => {
    const card: SignalCard = {
      generatedAt: '2026-12-06T12:00:00.000Z',
      favourCount: 0,
      againstCount: 0,
      summary: 'Summary line.',
      disclaimer: 'Not advice.',
      factors: [
        {
          id: 'relative',
          title: 'Small vs large caps (IWM/SPY)',
          state: 'neutral',
          headline: '+1.0% (3 months)',
          reason: 'Mixed.',
          details: [{ label: 'IWM/SPY ratio', value: '0.3900' }],
          chart: null,
          asOf: '2026-02-20',
          provenance: [
            { source: 'bundled', label: 'IWM daily closes', asOf: '2026-05-04', stale: false },
            { source: 'bundled', label: 'SPY daily closes', asOf: '2026-02-20', stale: true },
          ],
          stale: true,
        },
      ],
    };
    const text = formatCardText(card);
    expect(text).toContain(
      '■ Small vs large caps (IWM/SPY): +1.0% (3 months)  [neutral, stale data] as of 2026-02-20',
    );
    expect(text).toContain('  - IWM/SPY ratio: 0.3900');
    expect(text).toContain('  Source: SPY daily closes, as of 2026-02-20 (stale)');
    expect(text).toContain('  Source: IWM daily closes, as of 2026-05-04\n');
    expect(text.trimEnd().endsWith('Not advice.')).toBe(true);
  });
});
