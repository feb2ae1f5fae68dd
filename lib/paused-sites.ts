/** Paused for "example.com" also pauses "www.example.com" (settings.pausedSites holds hostnames). */
export function isPausedHost(host: string, paused: readonly string[]): boolean {
  const h = host.toLowerCase();
  return paused.some((p) => {
    const q = p.toLowerCase().trim();
    return !!q && (h === q || h.endsWith(`.${q}`));
  });
}
