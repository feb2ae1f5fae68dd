import { useEffect, useState } from 'preact/hooks';
import type { ResolvedTheme } from '../lib/ui/theme';

/** The resolved theme, re-rendering when html[data-theme] changes (charts redraw their colours). */
export function useResolvedTheme(): ResolvedTheme {
  const read = (): ResolvedTheme => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  const [theme, setTheme] = useState<ResolvedTheme>(read);
  useEffect(() => {
    const obs = new MutationObserver(() => setTheme(read()));
    obs.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => obs.disconnect();
  }, []);
  return theme;
}
