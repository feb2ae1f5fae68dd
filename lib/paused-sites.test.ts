import { describe, expect, it } from 'vitest';
import { isPausedHost } from './paused-sites';

describe('isPausedHost', () => {
  it('matches the host and its subdomains, not look-alikes', () => {
    expect(isPausedHost('www.cnbc.com', ['cnbc.com'])).toBe(true);
    expect(isPausedHost('cnbc.com', ['cnbc.com'])).toBe(true);
    expect(isPausedHost('notcnbc.com', ['cnbc.com'])).toBe(false);
    expect(isPausedHost('www.cnbc.com', [''])).toBe(false);
  });
});
