/**
 * The bundled offline data (snapshot and symbol universe) ships as files in the extension
 * (`/data/*.json`, copied from lib/data at build time) and is read on first use. Tests and
 * CLIs swap in a loader that reads lib/data from disk.
 */
import { browser } from 'wxt/browser';
import type { UniverseData } from '../detect/build';
import type { BundledSnapshot } from './datasets';
import type { EvidenceReport } from '../signals/evidence-text';

export interface BundledLoader {
  snapshot(): Promise<BundledSnapshot>;
  universe(): Promise<UniverseData>;
  /** lib/data/evidence.json; optional so loaders that predate it keep working (it is then fetched). */
  evidence?(): Promise<EvidenceReport>;
}

async function readExtensionJson<T>(name: string): Promise<T> {
  // Copied in by the build hook, so WXT's typed PublicPath does not list it.
  const getURL = browser.runtime.getURL as (path: string) => string;
  const res = await fetch(getURL(`/data/${name}`));
  if (!res.ok) throw new Error(`Bundled ${name} missing from the extension (HTTP ${res.status})`);
  return (await res.json()) as T;
}

let loader: BundledLoader = {
  snapshot: () => readExtensionJson<BundledSnapshot>('snapshot.json'),
  universe: () => readExtensionJson<UniverseData>('universe.json'),
  evidence: () => readExtensionJson<EvidenceReport>('evidence.json'),
};

let snapshotPromise: Promise<BundledSnapshot> | null = null;
let evidencePromise: Promise<EvidenceReport> | null = null;
let universePromise: Promise<UniverseData> | null = null;

export function setBundledLoader(next: BundledLoader): void {
  loader = next;
  snapshotPromise = null;
  universePromise = null;
  evidencePromise = null;
}

/** The evidence file, read on first use only (the popup's "What happened next"). */
export function bundledEvidence(): Promise<EvidenceReport> {
  evidencePromise ??= (loader.evidence?.() ?? readExtensionJson<EvidenceReport>('evidence.json')).catch(
    (e: unknown) => {
      evidencePromise = null;
      throw e;
    },
  );
  return evidencePromise;
}

export function bundledSnapshot(): Promise<BundledSnapshot> {
  snapshotPromise ??= loader.snapshot().catch((e: unknown) => {
    snapshotPromise = null;
    throw e;
  });
  return snapshotPromise;
}

export function bundledUniverse(): Promise<UniverseData> {
  universePromise ??= loader.universe().catch((e: unknown) => {
    universePromise = null;
    throw e;
  });
  return universePromise;
}
