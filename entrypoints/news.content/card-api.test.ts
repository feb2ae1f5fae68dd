import { describe, expect, it, vi } from 'vitest';
import type { send as sendMessage } from '../../lib/messaging';
import type { TickerInfo } from '../../lib/view-models';
import { createCardApi } from './card-api';

const info = (symbol: string): TickerInfo => ({ symbol, name: `${symbol} Inc`, listed: true }) as TickerInfo;

/** A background that answers from `reply` and records what was asked. */
function background(reply: (type: string, payload: Record<string, unknown>) => Promise<unknown>) {
  const calls: string[] = [];
  const send = vi.fn((type: string, payload: Record<string, unknown>) => {
    calls.push(`${type} ${JSON.stringify(payload)}`);
    return reply(type, payload);
  });
  return { send: send as unknown as typeof sendMessage, calls };
}

describe('createCardApi', () => {
  it('asks for a ticker once per page, but asks again after an error', async () => {
    let fail = true;
    const bg = background(async (type, p) => {
      if (fail) throw new Error('worker asleep');
      return info(p['symbol'] as string);
    });
    const api = createCardApi(bg.send);
    await expect(api.info('CRDO')).rejects.toThrow('worker asleep');
    fail = false;
    expect((await api.info('CRDO')).symbol).toBe('CRDO');
    await api.info('CRDO');
    expect(bg.calls).toEqual(['getTickerInfo {"symbol":"CRDO"}', 'getTickerInfo {"symbol":"CRDO"}']);
  });

  it('keeps a quote for a minute and the strip for five', async () => {
    let t = 1_000_000;
    const bg = background(async (type) => (type === 'getQuote' ? { price: 1 } : { items: [] }));
    const api = createCardApi(bg.send, () => t);
    await api.quote('HWC');
    await api.strip();
    t += 59_000;
    await api.quote('HWC');
    await api.strip();
    expect(bg.calls).toHaveLength(2);
    t += 2_000; // 61 s: the quote is asked again, the strip is still fresh
    await api.quote('HWC');
    await api.strip();
    expect(bg.calls.filter((c) => c.startsWith('getQuote'))).toHaveLength(2);
    expect(bg.calls.filter((c) => c.startsWith('getStrip'))).toHaveLength(1);
    t += 5 * 60_000;
    await api.strip();
    expect(bg.calls.filter((c) => c.startsWith('getStrip'))).toHaveLength(2);
  });

  it('does not keep a failed quote or strip', async () => {
    const bg = background(async () => {
      throw new Error('offline');
    });
    const api = createCardApi(bg.send, () => 0);
    await expect(api.quote('HWC')).rejects.toThrow();
    await expect(api.strip()).rejects.toThrow();
    await expect(api.quote('HWC')).rejects.toThrow();
    await expect(api.strip()).rejects.toThrow();
    expect(bg.calls).toHaveLength(4);
  });

  it('reads many infos in batches of 500, reuses known ones and leaves unknown symbols out', async () => {
    const bg = background(async (type, p) =>
      type === 'getTickerInfos'
        ? (p['symbols'] as string[]).filter((s) => s !== 'NOPE').map(info)
        : info(p['symbol'] as string),
    );
    const api = createCardApi(bg.send);
    await api.info('AAA');
    const symbols = ['AAA', 'NOPE', ...Array.from({ length: 600 }, (_, i) => `S${i}`)];
    const got = await api.infos(symbols);
    expect(got.size).toBe(601);
    expect(got.has('NOPE')).toBe(false);
    const batches = bg.calls.filter((c) => c.startsWith('getTickerInfos'));
    expect(batches).toHaveLength(2);
    expect(batches[0]).not.toContain('"AAA"'); // already known from the hover
    // A second report asks only for what is still unknown.
    await api.infos(['S1', 'NOPE']);
    expect(bg.calls.at(-1)).toBe('getTickerInfos {"symbols":["NOPE"]}');
  });

  it('sends the card actions as their messages', async () => {
    const bg = background(async () => ({}));
    const api = createCardApi(bg.send);
    await api.pin('HWC');
    await api.openPanel();
    await api.openEvidence!('flows');
    await api.openPopup();
    expect(bg.calls).toEqual([
      'pinFromPage {"symbol":"HWC"}',
      'openSidePanel {}',
      'openEvidence {"factor":"flows"}',
      'openPopup {}',
    ]);
  });
});
