import type uPlot from 'uplot';

/**
 * Keeps a uPlot chart as wide as its container (popup, side panel and options differ; the panel
 * resizes). Returns the effect's cleanup: stop following and destroy the chart.
 */
export function followContainerWidth(plot: uPlot, el: HTMLElement, height: number): () => void {
  const ro = new ResizeObserver((entries) => {
    const w = Math.floor(entries[0]?.contentRect.width ?? 0);
    if (w > 0 && w !== plot.width) plot.setSize({ width: w, height });
  });
  ro.observe(el);
  return () => {
    ro.disconnect();
    plot.destroy();
  };
}
