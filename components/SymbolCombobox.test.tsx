// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SymbolCombobox, type Suggestion } from './SymbolCombobox';

const LISTINGS: Suggestion[] = [
  { symbol: 'CODX', name: 'Co-Diagnostics' },
  { symbol: 'HWC', name: 'Hancock Whitney' },
];
const suggest = (q: string) =>
  Promise.resolve(
    LISTINGS.filter(
      (s) => s.symbol.startsWith(q.toUpperCase()) || s.name.toLowerCase().startsWith(q.toLowerCase()),
    ),
  );

function mount(onAdd = vi.fn(async () => null)) {
  const host = document.createElement('div');
  document.body.append(host);
  render(<SymbolCombobox suggest={suggest} onAdd={onAdd} />, host);
  const input = host.querySelector<HTMLInputElement>('[data-testid="add-symbol-input"]')!;
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const press = (key: string) =>
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  const button = (name: string) =>
    [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) ?? null;
  return { host, onAdd, type, press, button };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('SymbolCombobox', () => {
  it('typed text that matches nothing keeps asking "Add … anyway" after the debounced lookup lands', async () => {
    vi.useFakeTimers();
    const c = mount();
    act(() => c.type('QZXQ'));
    await act(async () => {
      c.press('Enter'); // sooner than the 150 ms debounce, as a quick typist does
      await vi.advanceTimersByTimeAsync(0);
    });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400); // the debounced lookup for the same text lands
    });
    expect(c.button('Add QZXQ anyway')).not.toBeNull();
    expect(c.onAdd).not.toHaveBeenCalled();
  });

  it('Enter adds the highlighted suggestion, not the typed text', async () => {
    vi.useFakeTimers();
    const c = mount();
    act(() => c.type('Co-Diag'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(400); // the debounced lookup lands
    });
    await act(async () => {
      c.press('Enter');
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(c.onAdd).toHaveBeenCalledWith('CODX');
  });
});
