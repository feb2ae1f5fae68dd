import { describe, expect, it } from 'vitest';
import { countsText, provenanceText, sourceSummary, uniqueProvenance } from './signal-words';

const NOW = new Date('2025-12-27T12:00:00Z');

describe('signal wording', () => {
  it('writes a source line with date and age', () => {
    expect(provenanceText({ source: 'fred', label: 'FRED', asOf: '2025-12-24' }, NOW)).toBe(
      'FRED · as of 24 Dec 2025 (3 days old)',
    );
    expect(provenanceText({ source: 'fred', label: 'FRED', asOf: '2025-12-27' }, NOW)).toBe(
      'FRED · as of 27 Dec 2025',
    );
    expect(provenanceText({ source: 'bundled', label: 'Russell calendar', asOf: '2025-12-27' }, NOW)).toBe(
      'Russell calendar (bundled snapshot) · as of 27 Dec 2025',
    );
  });
  it('collapses repeated provenance', () => {
    const p = { source: 'fred', label: 'FRED', asOf: '2025-12-24' };
    expect(uniqueProvenance([p, { ...p }, { ...p, asOf: '2025-12-23' }])).toHaveLength(2);
  });
  it('counts factors in words', () => {
    expect(countsText(3, 1, 6)).toBe('3 favour · 1 against · 2 neutral or unknown');
    expect(countsText(3, 3, 6)).toBe('3 favour · 3 against');
  });
  it('summarises source states', () => {
    expect(sourceSummary(['ok', 'ok', 'error', 'stale'])).toBe('2 up to date · 1 stale · 1 failed');
    expect(sourceSummary([])).toBe('no sources');
  });
});
