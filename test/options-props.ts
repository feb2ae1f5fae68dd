/** Props for an options section under test: settings built from the defaults, a save that records. */
import { vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../lib/storage';
import type { SectionProps } from '../entrypoints/options/sections/Fields';

export function sectionProps(patch: Partial<Settings> = {}, saves = true) {
  const s: Settings = { ...DEFAULT_SETTINGS, ...patch };
  const save = vi.fn<SectionProps['save']>(async () => saves);
  return { s, save };
}
