/** Helpers shared by the command-line scripts. */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The script at `moduleUrl` was run itself (tsx scripts/x.ts), not imported by a test. */
export function invokedDirectly(moduleUrl: string): boolean {
  const arg = process.argv[1];
  if (!arg) return false;
  try {
    return realpathSync(arg) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}
