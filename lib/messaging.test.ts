import { describe, expect, it } from 'vitest';
import {
  checkEnvelope,
  classifySender,
  createTabRateLimiter,
  dispatch,
  type Handlers,
  type SenderContext,
} from './messaging';

const ORIGIN = 'chrome-extension://abc/';
const page: SenderContext = { kind: 'extension-page', tabId: null };
const content: SenderContext = { kind: 'content-script', tabId: 7 };

const handlers = new Proxy({} as Handlers, {
  get: (_t, type: string) => (payload: unknown) => ({ type, payload }),
});

describe('messaging protocol', () => {
  it('rejects unknown and malformed messages with a reason', () => {
    expect(checkEnvelope(null)).toMatchObject({ ok: false });
    expect(checkEnvelope({ scl: 1, type: 'dropTables' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Unknown/),
    });
    expect(
      checkEnvelope({ scl: 1, type: 'getTickerInfo', payload: { symbol: '<img onerror=x>' } }),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Malformed getTickerInfo/),
    });
    expect(checkEnvelope({ scl: 1, type: '__proto__' })).toMatchObject({ ok: false });
    expect(checkEnvelope({ scl: 1, type: 'getTickerInfo', payload: { symbol: 'CRDO' } })).toMatchObject({
      ok: true,
    });
  });

  it('classifies senders: own pages, own content scripts, nothing else', () => {
    expect(classifySender({ id: 'me', url: `${ORIGIN}popup.html` }, 'me', ORIGIN)).toEqual(page);
    expect(classifySender({ id: 'me', url: 'https://news.example/', tab: { id: 7 } }, 'me', ORIGIN)).toEqual(
      content,
    );
    expect(classifySender({ id: 'other', url: `${ORIGIN}x` }, 'me', ORIGIN)).toBeNull();
    expect(classifySender({ url: 'https://evil.example/' }, 'me', ORIGIN)).toBeNull();
  });

  it('refuses writes from content scripts and allows reads', async () => {
    expect(
      await dispatch(handlers, { scl: 1, type: 'setSettings', payload: { patch: {} } }, content),
    ).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not allowed from a web page/),
    });
    expect(await dispatch(handlers, { scl: 1, type: 'refresh', payload: {} }, content)).toMatchObject({
      ok: false,
    });
    expect(
      await dispatch(handlers, { scl: 1, type: 'getTickerInfo', payload: { symbol: 'CRDO' } }, content),
    ).toMatchObject({ ok: true });
    expect(
      await dispatch(handlers, { scl: 1, type: 'setSettings', payload: { patch: {} } }, page),
    ).toMatchObject({ ok: true });
    expect(await dispatch(handlers, { scl: 1, type: 'getSettings', payload: {} }, null)).toMatchObject({
      ok: false,
    });
  });

  it('turns handler exceptions into error replies', async () => {
    const throwing = new Proxy({} as Handlers, {
      get: () => () => {
        throw new Error('boom');
      },
    });
    expect(await dispatch(throwing, { scl: 1, type: 'getSettings', payload: {} }, page)).toEqual({
      ok: false,
      error: 'boom',
    });
  });

  it('rate-limits one tab without touching others or extension pages', () => {
    let t = 0;
    const limit = createTabRateLimiter(10, 5, () => t);
    const results = Array.from({ length: 8 }, () => limit(content));
    expect(results.filter(Boolean).length).toBe(5);
    expect(limit({ kind: 'content-script', tabId: 8 })).toBe(true);
    expect(limit(page)).toBe(true);
    t += 1000;
    expect(limit(content)).toBe(true);
  });
});
