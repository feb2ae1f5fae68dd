/**
 * The bundled snapshot as signal-card inputs, for the CLI (`npm run signals`) and tests. The
 * extension reads the same file through lib/engine/repository.ts.
 */
import type { BundledSnapshot } from '../engine/datasets';
import { signalInputs } from '../engine/card-inputs';
import type { SignalInputs } from '../signals/card';
import snapshotJson from '../data/snapshot.json';

export const BUNDLED_SNAPSHOT = snapshotJson as unknown as BundledSnapshot;

export function loadBundledSignalInputs(): SignalInputs {
  return signalInputs(BUNDLED_SNAPSHOT);
}
