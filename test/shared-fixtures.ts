/**
 * Access to test fixtures.
 *
 * - Recorded source responses live IN this repository, under `test/fixtures/real/` (copied from
 *   the catalogue in ../shared/fixtures/real, trimmed where large; provenance in
 *   `test/fixtures/real/PROVENANCE.md`). Every test that reads them runs on a bare clone.
 * - Only the full third-party news pages stay outside, in ../shared/fixtures/pages. Tests that use
 *   them call `describePages`, which skips with one clear line when that folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const REAL_DIR = resolve(here, 'fixtures/real');
export const SHARED_DIR = process.env.SMALLCAP_SHARED_DIR ?? resolve(here, '../../shared');
export const PAGES_DIR = resolve(SHARED_DIR, 'fixtures/pages');
/** The third-party news pages are present (../shared beside the checkout). */
export const hasPages = existsSync(PAGES_DIR);
// CI sets SMALLCAP_REQUIRE_PAGES=1: there the pages must be present, so a skip would hide a gap.
if (!hasPages && process.env.SMALLCAP_REQUIRE_PAGES === '1') {
  throw new Error(`SMALLCAP_REQUIRE_PAGES=1 but the recorded news pages are missing: ${PAGES_DIR}`);
}
export const PAGES_SKIP_REASON = `needs the recorded news pages in ${PAGES_DIR} (third-party pages, not in the repository)`;

export function realPath(name: string): string {
  return resolve(REAL_DIR, name);
}

/** A recording's bytes; a large one may be committed gzipped as `<name>.gz` (read transparently). */
export function readRealBytes(name: string): Buffer {
  const path = realPath(name);
  if (!existsSync(path) && existsSync(`${path}.gz`)) return gunzipSync(readFileSync(`${path}.gz`));
  return readFileSync(path);
}

export function readReal(name: string): string {
  return readRealBytes(name).toString('utf8');
}

/** A suite over the recorded news pages: skipped with one clear line when they are absent. */
export const describePages: typeof describe = (
  hasPages
    ? describe
    : (name: string, ...rest: unknown[]) =>
        describe.skip(`${name} (skipped: ${PAGES_SKIP_REASON})`, ...(rest as []))
) as typeof describe;
