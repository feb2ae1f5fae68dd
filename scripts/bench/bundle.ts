/** Bundles an in-page harness (scripts/bench/harness/*.ts) into an IIFE string with esbuild. */
import { build } from 'esbuild';
import { resolve } from 'node:path';

export async function bundleHarness(name: 'scan-harness' | 'data-harness'): Promise<string> {
  const out = await build({
    entryPoints: [resolve(process.cwd(), `scripts/bench/harness/${name}.ts`)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: false,
    write: false,
    // The harness imports only pure modules; nothing may reach for the extension runtime.
    define: { 'import.meta.env.DEV': 'false' },
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}
