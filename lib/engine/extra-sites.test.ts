import { describe, expect, it } from 'vitest';
import { originPatterns } from './extra-sites';

describe('originPatterns', () => {
  it('turns granted origins into match patterns and drops junk', () => {
    expect(
      originPatterns([
        'https://example.com',
        'http://news.example.org/path',
        'javascript:alert(1)',
        'nope',
        'https://example.com',
      ]),
    ).toEqual(['https://example.com/*', 'http://news.example.org/*']);
  });
});
