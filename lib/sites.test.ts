import { describe, expect, it } from 'vitest';
import {
  curatedHostNames,
  hostMatchesPattern,
  isCuratedHost,
  parseOriginInput,
  toggleHost,
  webHostOf,
} from './sites';

describe('site inputs', () => {
  it('turns typed sites into origins', () => {
    expect(parseOriginInput('Example.com')).toEqual({
      ok: true,
      origin: 'https://example.com',
      host: 'example.com',
    });
    expect(parseOriginInput('http://news.example.org:8080/a/b?c')).toEqual({
      ok: true,
      origin: 'http://news.example.org',
      host: 'news.example.org',
    });
    expect(parseOriginInput('localhost').ok).toBe(true);
  });
  it('refuses what cannot be a site', () => {
    for (const bad of ['', 'ftp://example.com', 'chrome://extensions', 'intranet', 'a b.com', 'http://']) {
      expect(parseOriginInput(bad).ok).toBe(false);
    }
  });
  it('matches curated patterns', () => {
    expect(hostMatchesPattern('www.wsj.com', '*://*.wsj.com/*')).toBe(true);
    expect(hostMatchesPattern('wsj.com', '*://*.wsj.com/*')).toBe(true);
    expect(hostMatchesPattern('notwsj.com', '*://*.wsj.com/*')).toBe(false);
    expect(isCuratedHost('finance.yahoo.com')).toBe(true);
    expect(isCuratedHost('example.com')).toBe(false);
    expect(curatedHostNames()).toContain('wsj.com');
  });
  it('reads hosts from tab URLs and toggles lists', () => {
    expect(webHostOf('https://www.CNBC.com/x')).toBe('www.cnbc.com');
    expect(webHostOf('chrome://newtab')).toBeNull();
    expect(webHostOf(undefined)).toBeNull();
    expect(toggleHost(['b.com'], 'A.com', true)).toEqual(['a.com', 'b.com']);
    expect(toggleHost(['a.com', 'b.com'], 'a.com', false)).toEqual(['b.com']);
  });
});
