import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionIconPaths, isPausedUrl } from './action-icon';

describe('toolbar icon state', () => {
  it('points at icon files that exist in public/ for both states', () => {
    for (const paused of [false, true]) {
      const paths = Object.values(actionIconPaths(paused));
      expect(paths).toHaveLength(4);
      for (const p of paths) expect(existsSync(resolve('public', p)), p).toBe(true);
    }
    expect(actionIconPaths(true)['16']).toBe('icon/paused-16.png');
    expect(actionIconPaths(false)['128']).toBe('icon/128.png');
  });

  it('is paused on a paused site and its subdomains, not elsewhere', () => {
    expect(isPausedUrl('https://www.cnbc.com/2026/x.html', ['cnbc.com'])).toBe(true);
    expect(isPausedUrl('https://cnbc.com/', ['cnbc.com'])).toBe(true);
    expect(isPausedUrl('https://notcnbc.com/', ['cnbc.com'])).toBe(false);
    expect(isPausedUrl('https://www.reuters.com/', ['cnbc.com'])).toBe(false);
    expect(isPausedUrl(undefined, ['cnbc.com'])).toBe(false);
    expect(isPausedUrl('not a url', ['cnbc.com'])).toBe(false);
  });
});
