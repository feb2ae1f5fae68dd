/**
 * Access to the real recorded fixtures in ../shared (never copied into this repository).
 * Tests that need them use `describeShared`, which skips with a clear message when ../shared
 * is absent (it is present on every developer machine and in CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const SHARED_DIR = process.env.SMALLCAP_SHARED_DIR ?? resolve(here, '../../shared');
export const REAL_DIR = resolve(SHARED_DIR, 'fixtures/real');
export const PAGES_DIR = resolve(SHARED_DIR, 'fixtures/pages');
export const hasShared = existsSync(REAL_DIR);

export function realPath(name: string): string {
  return resolve(REAL_DIR, name);
}

export function readReal(name: string): string {
  return readFileSync(realPath(name), 'utf8');
}

export function readRealBytes(name: string): Buffer {
  return readFileSync(realPath(name));
}

export const describeShared: typeof describe = (
  hasShared
    ? describe
    : (name: string, ...rest: unknown[]) =>
        describe.skip(
          `${name} (skipped: ../shared/fixtures/real not found beside the repository)`,
          ...(rest as []),
        )
) as typeof describe;
