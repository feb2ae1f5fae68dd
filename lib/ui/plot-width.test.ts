import { afterEach, describe, expect, it, vi } from 'vitest';
import type uPlot from 'uplot';
import { followContainerWidth } from './plot-width';

afterEach(() => vi.unstubAllGlobals());

describe('followContainerWidth', () => {
  it('resizes the chart to a new container width, ignores no-change and zero, and cleans up', () => {
    let fire: (width: number) => void = () => {};
    const disconnect = vi.fn();
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(cb: (e: Array<{ contentRect: { width: number } }>) => void) {
          fire = (width) => cb([{ contentRect: { width } }]);
        }
        observe() {}
        disconnect = disconnect;
      },
    );
    const plot = { width: 300, setSize: vi.fn(), destroy: vi.fn() };
    const stop = followContainerWidth(plot as unknown as uPlot, {} as HTMLElement, 80);
    fire(300.4); // same whole width
    fire(0); // hidden container
    expect(plot.setSize).not.toHaveBeenCalled();
    fire(412.9);
    expect(plot.setSize).toHaveBeenCalledWith({ width: 412, height: 80 });
    stop();
    expect(disconnect).toHaveBeenCalled();
    expect(plot.destroy).toHaveBeenCalled();
  });
});
