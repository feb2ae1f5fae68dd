// IndexedDB for unit tests (the real one exists only in browsers).
import 'fake-indexeddb/auto';

// Property tests explore new random inputs on every developer run; CI replays one fixed seed so
// a submission's result does not depend on luck (override with FC_SEED to reproduce a failure).
import fc from 'fast-check';
if (process.env.CI || process.env.FC_SEED)
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
